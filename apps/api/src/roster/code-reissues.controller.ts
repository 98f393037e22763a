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
import { Audited } from '../audit/audited.decorator.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import {
  ApprovedReissueResponse,
  IncidentResponse,
  RequestCodeReissueDto,
} from './dto/code-reissues.dto.js';
import { SessionIncidentsService } from './session-incidents.service.js';

/**
 * 会中补发登录码 and the session's incident list. The request and the approval are made by two
 * different accounts; the list is what the console, the projector and the minutes show.
 */
@ApiTags('roster')
@Controller()
export class CodeReissuesController {
  constructor(private readonly incidents: SessionIncidentsService) {}

  @Post('sessions/:sessionId/code-reissues')
  @Roles(Role.Staff)
  @Audited('login-codes.reissue-request')
  @ApiErrors(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ApiOperation({
    summary: '申请为会中已签到代表补发登录码（须另一人批准） · Ask to re-issue a code',
  })
  @ApiCreatedResponse({ type: IncidentResponse })
  request(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: RequestCodeReissueDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<IncidentResponse> {
    return this.incidents.request(sessionId, dto.delegateId, dto.reason, actor);
  }

  /** Issues the one new code (shown only in this answer) and logs the delegate's tablets out. */
  @Post('code-reissues/:id/approve')
  @HttpCode(200)
  @Roles(Role.Staff, Role.Admin)
  @Audited('login-codes.reissue-approve')
  @ApiErrors(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ApiOperation({ summary: '批准补发登录码（申请人以外的人） · Approve a re-issue' })
  @ApiOkResponse({ type: ApprovedReissueResponse })
  approve(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthContext,
  ): Promise<ApprovedReissueResponse> {
    return this.incidents.approve(id, actor);
  }

  @Post('code-reissues/:id/refuse')
  @HttpCode(200)
  @Roles(Role.Staff, Role.Admin)
  @Audited('login-codes.reissue-refuse')
  @ApiErrors(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ApiOperation({ summary: '不批准补发登录码 · Refuse a re-issue' })
  @ApiOkResponse({ type: IncidentResponse })
  refuse(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthContext,
  ): Promise<IncidentResponse> {
    return this.incidents.refuse(id, actor);
  }

  @Get('sessions/:sessionId/incidents')
  @Roles(Role.Staff, Role.Secretary, Role.Admin)
  @ApiErrors(HttpStatus.NOT_FOUND)
  @ApiOperation({ summary: '会议异常事项（会中补发登录码等） · Session incidents' })
  @ApiOkResponse({ type: [IncidentResponse] })
  list(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<IncidentResponse[]> {
    return this.incidents.forSession(sessionId);
  }
}
