import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { LoginResponse } from '../auth/dto/auth.responses.js';
import { LoginRateLimiter } from '../auth/login-rate-limiter.js';
import { AppConfig } from '../config/app-config.js';
import { reachableUrls } from '../common/addresses.js';
import { Role } from '../users/role.enum.js';
import { CodeLoginDto, IssueLoginCodesDto, IssueLoginCodesQuery } from './dto/login-codes.dto.js';
import {
  LoginCodeBatchResponse,
  LoginCodesPreviewResponse,
  LoginCodesResponse,
} from './dto/roster.responses.js';
import { ApiErrors, XLSX } from '../openapi/api-responses.js';
import { renderLoginSheets } from './login-sheet-output.js';
import { LoginCodesService } from './login-codes.service.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';

@ApiTags('roster')
@Controller()
export class LoginCodesController {
  constructor(
    private readonly codes: LoginCodesService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Issues a batch of one-time tablet log-in codes and returns them at once as a printable PDF,
   * an XLSX or JSON, or several of these in one ZIP (`formats`): the codes are stored only as
   * hashes, so this answer is the only place they appear and a batch cannot be rendered again.
   * `dryRun=true` issues nothing and says what an issue would do (codes, lifetime, how many
   * printed codes it would revoke). Headers: X-Login-Code-Batch, X-Revoked-Codes,
   * X-Codes-Expire-At.
   */
  @Post('terms/:termId/login-codes')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({
    summary: '签发平板登录码（PDF、XLSX、JSON，或多种格式打包为 ZIP） · Issue log-in codes',
  })
  @ApiExtraModels(LoginCodesResponse, LoginCodesPreviewResponse)
  @ApiOkResponse({
    description:
      '登录码（仅此一次可见）：一种格式时为该文件，多种格式（formats）时为 ZIP；dryRun=true 时为预览（JSON）',
    headers: {
      'X-Login-Code-Batch': { description: '批次编号', schema: { type: 'string' } },
      'X-Revoked-Codes': { description: '本次签发作废的未用登录码数', schema: { type: 'integer' } },
      'X-Codes-Expire-At': { description: '有效期至（UTC，ISO 8601）', schema: { type: 'string' } },
    },
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'application/zip': { schema: { type: 'string', format: 'binary' } },
      'application/json': {
        schema: {
          oneOf: [
            { $ref: getSchemaPath(LoginCodesResponse) },
            { $ref: getSchemaPath(LoginCodesPreviewResponse) },
          ],
        },
      },
    },
  })
  @ApiErrors(HttpStatus.CONFLICT)
  async issue(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: IssueLoginCodesQuery,
    @Body() dto: IssueLoginCodesDto,
    @CurrentUser() actor: AuthContext,
    @Res() res: Response,
  ): Promise<void> {
    if (dto.format && dto.formats) throw new RosterException(RosterErrorCode.LoginCodeFormats);
    const request = { ...dto, formats: dto.formats ?? [dto.format ?? 'pdf'] };
    res.setHeader('Cache-Control', 'no-store');
    if (q.dryRun) {
      res.json(await this.codes.preview(termId, request));
      return;
    }
    const batch = await this.codes.issue(termId, request, actor);
    // Never the request's Host header: a client chooses it, and the sheet is printed and trusted.
    const baseUrl = reachableUrls(this.config)[0];
    const file = await renderLoginSheets(request.formats, batch, baseUrl);
    res.setHeader('X-Login-Code-Batch', batch.batchId);
    res.setHeader('X-Revoked-Codes', String(batch.revokedCodes));
    res.setHeader('X-Codes-Expire-At', batch.expiresAt.toISOString());
    res.type(file.contentType);
    if (file.filename) res.attachment(file.filename);
    res.send(file.body);
  }

  /**
   * The term's batches of log-in codes, newest first: for which session, until when, in which
   * formats, how many used, live, revoked or expired. The codes themselves are never shown again.
   */
  @Get('terms/:termId/login-code-batches')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '登录码签发批次（不含登录码本身） · Log-in code batches' })
  @ApiOkResponse({ type: [LoginCodeBatchResponse] })
  listBatches(@Param('termId', ParseUUIDPipe) termId: string): Promise<LoginCodeBatchResponse[]> {
    return this.codes.listBatches(termId);
  }

  @Public()
  @Post('auth/code-login')
  @HttpCode(200)
  @ApiOperation({ summary: '平板凭一次性登录码登录 · Log in with a code' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(HttpStatus.TOO_MANY_REQUESTS)
  async codeLogin(@Body() dto: CodeLoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.rateLimiter.attempt(ip, dto.username, () =>
      this.codes.login(dto.username, dto.code),
    );
  }
}
