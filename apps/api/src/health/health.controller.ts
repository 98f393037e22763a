import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/decorators/public.decorator.js';
import { ErrorBody } from '../common/errors/error-body.js';

class LiveResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class IndicatorResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
}

class ReadyDetailsResponse {
  @ApiProperty({ type: IndicatorResponse }) database!: IndicatorResponse;
}

/** What @nestjs/terminus answers when every indicator is up. */
class ReadyResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ type: ReadyDetailsResponse }) info!: ReadyDetailsResponse;
  @ApiProperty({ type: Object }) error!: object;
  @ApiProperty({ type: ReadyDetailsResponse }) details!: ReadyDetailsResponse;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOperation({ summary: '存活检查 · Liveness' })
  @ApiOkResponse({ type: LiveResponse })
  live(): LiveResponse {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too (503 when it does not). */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: '就绪检查（数据库可用） · Readiness' })
  @ApiOkResponse({ type: ReadyResponse })
  @ApiServiceUnavailableResponse({ description: '数据库不可用', type: ErrorBody })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }
}
