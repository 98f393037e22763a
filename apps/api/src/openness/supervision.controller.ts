import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CheckResponse, NoticeResponse, RunCheckDto } from './dto/supervision.dto.js';
import type { OpennessCheck } from './check.entity.js';
import type { OpennessNotice } from './notice.entity.js';
import { OpennessViews } from './openness-views.js';
import { SupervisionService } from './supervision.service.js';

/**
 * 监督检查小组 (accounts of role `supervisor`): runs checks and sends their notices; staff read
 * them for the leading group; a department reads the notices it was sent.
 */
@ApiTags('openness')
@Roles(Role.Supervisor)
@Controller('openness')
export class OpennessSupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly views: OpennessViews,
  ) {}

  @Post('checks')
  @Audited('openness.check.run')
  @ApiOperation({ summary: '监督检查：检查一个期间的公开、答复和整改 · Run a check' })
  @ApiCreatedResponse({ type: CheckResponse })
  async run(@Body() dto: RunCheckDto, @CurrentUser() auth: AuthContext): Promise<CheckResponse> {
    return (await this.presentChecks([await this.supervision.run(auth, dto)]))[0]!;
  }

  @Get('checks')
  @Roles(Role.Supervisor, Role.Staff)
  @ApiOperation({ summary: '监督检查记录 · Checks' })
  @ApiOkResponse({ type: [CheckResponse] })
  async list(): Promise<CheckResponse[]> {
    return this.presentChecks(await this.supervision.list());
  }

  @Get('checks/:id')
  @Roles(Role.Supervisor, Role.Staff)
  @ApiOperation({ summary: '一次监督检查及其发现的问题 · Check' })
  @ApiOkResponse({ type: CheckResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<CheckResponse> {
    return (await this.presentChecks([await this.supervision.get(id)]))[0]!;
  }

  @Post('checks/:id/notices')
  @HttpCode(200)
  @Audited('openness.check.notices')
  @ApiOperation({ summary: '向有关部门发出通报（每部门一份） · Send notices' })
  @ApiOkResponse({ type: [NoticeResponse] })
  async notify(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<NoticeResponse[]> {
    return this.presentNotices(await this.supervision.sendNotices(auth, id));
  }

  @Get('notices')
  @Roles(Role.Supervisor, Role.Staff, Role.Department)
  @ApiOperation({ summary: '监督检查通报（部门：发给本部门的） · Notices' })
  @ApiOkResponse({ type: [NoticeResponse] })
  async notices(@CurrentUser() auth: AuthContext): Promise<NoticeResponse[]> {
    return this.presentNotices(await this.supervision.noticesFor(auth));
  }

  private async presentChecks(checks: OpennessCheck[]): Promise<CheckResponse[]> {
    const names = await this.views.departmentNames(
      checks.flatMap((c) => c.findings.findings.map((f) => f.departmentId)),
    );
    return checks.map((c) => CheckResponse.of(c, names));
  }

  private async presentNotices(notices: OpennessNotice[]): Promise<NoticeResponse[]> {
    const names = await this.views.departmentNames(notices.map((n) => n.departmentId));
    return notices.map((n) => NoticeResponse.of(n, names));
  }
}
