import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { LoginResponse } from '../auth/dto/auth.responses.js';
import { LoginRateLimiter } from '../auth/login-rate-limiter.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Role } from '../users/role.enum.js';
import { CodeLoginDto, IssueLoginCodesDto } from './dto/login-codes.dto.js';
import { LoginCodesResponse } from './dto/roster.responses.js';
import { ApiErrors, XLSX } from '../openapi/api-responses.js';
import { renderLoginSheet } from './login-sheet-output.js';
import { LoginCodesService } from './login-codes.service.js';

@ApiTags('roster')
@Controller()
export class LoginCodesController {
  constructor(
    private readonly codes: LoginCodesService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues one-time tablet log-in codes and returns them at once as a printable PDF, an XLSX or
   * JSON: the codes are stored only as hashes, so this answer is the only place they appear.
   */
  @Post('terms/:termId/login-codes')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '签发平板登录码（PDF、XLSX 或 JSON） · Issue log-in codes' })
  @ApiExtraModels(LoginCodesResponse)
  @ApiOkResponse({
    description: '登录码（仅此一次可见），按 format 为 PDF、XLSX 或 JSON',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: { $ref: getSchemaPath(LoginCodesResponse) } },
    },
  })
  async issue(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: IssueLoginCodesDto,
    @CurrentUser() actor: AuthContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const issued = await this.codes.issue(termId, dto.delegateIds, dto.validHours, actor);
    const baseUrl = this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const file = await renderLoginSheet(dto.format, issued, baseUrl, this.clock.now());
    res.setHeader('Cache-Control', 'no-store');
    res.type(file.contentType);
    if (file.filename) res.attachment(file.filename);
    res.send(file.body);
  }

  @Public()
  @Post('auth/code-login')
  @HttpCode(200)
  @ApiOperation({ summary: '平板凭一次性登录码登录 · Log in with a code' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(HttpStatus.TOO_MANY_REQUESTS)
  async codeLogin(@Body() dto: CodeLoginDto, @Ip() ip: string): Promise<LoginResponse> {
    await this.rateLimiter.consume(ip, dto.username);
    return this.codes.login(dto.username, dto.code);
  }
}
