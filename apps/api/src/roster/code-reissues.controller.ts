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
  IncidentResponse,
  IssuedReissueResponse,
  RecordedDecisionDto,
  RefuseReissueDto,
  ReissueApproverResponse,
  RequestCodeReissueDto,
} from './dto/code-reissues.dto.js';
import { SessionIncidentsService } from './session-incidents.service.js';

/**
 * 会中补发登录码 and the session's incident list. Staff ask; a presidium member or teller of the
 * term decides (on their tablet, or in person with another staff member recording it); staff
 * issue the code. The list is what the console, the projector and the minutes show.
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
    summary: '申请为会中已签到代表补发登录码（须主席团成员或监票人批准） · Ask to re-issue a code',
  })
  @ApiCreatedResponse({ type: IncidentResponse })
  request(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: RequestCodeReissueDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<IncidentResponse> {
    return this.incidents.request(sessionId, dto.delegateId, dto.reason, actor);
  }

  @Get('sessions/:sessionId/code-reissues/waiting')
  @Roles(Role.Delegate)
  @ApiErrors(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  @ApiOperation({
    summary: '待我批准的补发登录码申请（本届主席团成员、监票人的平板） · Re-issues waiting for me',
  })
  @ApiOkResponse({ type: [IncidentResponse] })
  waiting(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() actor: AuthContext,
  ): Promise<IncidentResponse[]> {
    return this.incidents.waitingFor(sessionId, actor);
  }

  /** Records the approval only: the tablet never sees the code (staff issue it at the console). */
  @Post('code-reissues/:id/approve')
  @HttpCode(200)
  @Roles(Role.Delegate)
  @Audited('login-codes.reissue-approve')
  @ApiErrors(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ApiOperation({
    summary: '在本人平板上批准补发登录码（主席团成员或监票人；不返回登录码） · Approve a re-issue',
  })
  @ApiOkResponse({ type: IncidentResponse })
  approve(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthContext,
  ): Promise<IncidentResponse> {
    return this.incidents.approveOnTablet(id, actor);
  }

  /** The in-person approval and the issue in one step: the code is shown only in this answer. */
  @Post('code-reissues/:id/approve-in-person')
  @HttpCode(200)
  @Roles(Role.Staff)
  @Audited('login-codes.reissue-approve-in-person')
  @ApiErrors(
    HttpStatus.BAD_REQUEST,
    HttpStatus.FORBIDDEN,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
  )
  @ApiOperation({
    summary:
      '记录主席团成员或监票人当面批准并签发新码（申请人以外的工作人员） · Record an in-person approval and issue',
  })
  @ApiOkResponse({ type: IssuedReissueResponse })
  approveInPerson(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordedDecisionDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<IssuedReissueResponse> {
    return this.incidents.approveInPerson(id, dto.approverDelegateId, actor);
  }

  @Post('code-reissues/:id/refuse')
  @HttpCode(200)
  @Roles(Role.Delegate, Role.Staff)
  @Audited('login-codes.reissue-refuse')
  @ApiErrors(
    HttpStatus.BAD_REQUEST,
    HttpStatus.FORBIDDEN,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
  )
  @ApiOperation({
    summary:
      '不批准补发登录码（主席团成员、监票人在平板上；或工作人员记录并写明其姓名） · Refuse a re-issue',
  })
  @ApiOkResponse({ type: IncidentResponse })
  refuse(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RefuseReissueDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<IncidentResponse> {
    return this.incidents.refuse(id, actor, dto.approverDelegateId);
  }

  /** After a tablet's approval: makes the one new code (a second try: 409) and logs the tablets out. */
  @Post('code-reissues/:id/issue')
  @HttpCode(200)
  @Roles(Role.Staff)
  @Audited('login-codes.reissue-issue')
  @ApiErrors(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ApiOperation({
    summary: '为已批准的申请签发新登录码（只显示一次） · Issue an approved re-issue',
  })
  @ApiOkResponse({ type: IssuedReissueResponse })
  issue(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthContext,
  ): Promise<IssuedReissueResponse> {
    return this.incidents.issue(id, actor);
  }

  @Get('code-reissues/:id/approvers')
  @Roles(Role.Staff)
  @ApiErrors(HttpStatus.NOT_FOUND)
  @ApiOperation({
    summary: '可批准该申请的本届主席团成员和监票人（不含被补发的代表） · Who may approve',
  })
  @ApiOkResponse({ type: [ReissueApproverResponse] })
  approvers(@Param('id', ParseUUIDPipe) id: string): Promise<ReissueApproverResponse[]> {
    return this.incidents.approversFor(id);
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
