import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { RegisterKeyDto, SubmitSignatureDto } from './dto/minutes.dto.js';
import {
  MinutesResponse,
  SignerKeyResponse,
  SigningTaskResponse,
} from './dto/minutes.responses.js';
import { MinutesService } from './minutes.service.js';
import { SessionsService } from '../congress/sessions.service.js';
import { SigningService } from './signing.service.js';

/**
 * Signing keys are made in the signer's browser: the server receives the public key and,
 * later, signatures over the frozen minutes' hash — never a private key.
 */
@ApiTags('minutes')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Secretary, Role.Delegate)
@Controller()
export class SigningController {
  constructor(
    private readonly signing: SigningService,
    private readonly minutes: MinutesService,
    private readonly sessions: SessionsService,
  ) {}

  /** What the caller signs: the chair's and tellers' screens start here (they cannot list sessions' minutes). */
  @Get('signing/tasks')
  @ApiOperation({ summary: '待我签署（或我已签署）的会议记录 · My signing tasks' })
  @ApiOkResponse({ type: [SigningTaskResponse] })
  async tasks(@CurrentUser() auth: AuthContext): Promise<SigningTaskResponse[]> {
    const tasks = await this.signing.tasksOf(auth);
    const sessions = new Map(
      (await this.sessions.byIds([...new Set(tasks.map((t) => t.minutes.sessionId))])).map((s) => [
        s.id,
        s.name,
      ]),
    );
    return tasks.map((t) =>
      SigningTaskResponse.ofTask(
        t.minutes,
        sessions.get(t.minutes.sessionId) ?? '',
        t.signAs,
        t.pending,
      ),
    );
  }

  @Post('signer-keys')
  @ApiOperation({ summary: '登记签名公钥（私钥只在本人浏览器中） · Register key' })
  @ApiCreatedResponse({ type: SignerKeyResponse })
  async register(
    @Body() dto: RegisterKeyDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<SignerKeyResponse> {
    return SignerKeyResponse.of(await this.signing.register(dto.algorithm, dto.publicKey, auth));
  }

  @Get('signer-keys/mine')
  @ApiOperation({ summary: '我登记的签名公钥（最新在前） · My keys' })
  @ApiOkResponse({ type: [SignerKeyResponse] })
  async mine(@CurrentUser() auth: AuthContext): Promise<SignerKeyResponse[]> {
    return (await this.signing.keysOf(auth.userId)).map((k) => SignerKeyResponse.of(k));
  }

  /** A signature over the frozen minutes (secretary, chair) or one tally (teller). */
  @Post('minutes/:id/signatures')
  @HttpCode(200)
  @ApiOperation({ summary: '提交签名（签名不符即拒绝；签齐后自动归档） · Sign' })
  @ApiOkResponse({ type: MinutesResponse })
  async sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitSignatureDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<MinutesResponse> {
    await this.signing.submit(id, dto, auth);
    const m = await this.minutes.get(id);
    return MinutesResponse.from(await this.minutes.state(m), await this.signing.status(m));
  }
}
