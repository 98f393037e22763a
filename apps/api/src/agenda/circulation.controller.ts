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
import { Role } from '../users/role.enum.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { CirculationService } from './circulation.service.js';
import { CirculateDto, PaperReceiptDto, RemindDto } from './dto/agenda-item.dto.js';
import {
  CurrentAgendaResponse,
  DeliveryResponse,
  ReceiptRowResponse,
  RemindedResponse,
  VersionResponse,
} from './dto/agenda.responses.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { ReceiptsService } from './receipts.service.js';

@ApiTags('agenda')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class CirculationController {
  constructor(
    private readonly circulation: CirculationService,
    private readonly receipts: ReceiptsService,
  ) {}

  /** Freezes and sends the agenda. Later than the N-day rule allows only with `lateReason`. */
  @Post('sessions/:sessionId/agenda/circulate')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '分发议程（冻结为新版本并逐人送达） · Circulate agenda' })
  @ApiCreatedResponse({ type: VersionResponse })
  async circulate(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: CirculateDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<VersionResponse> {
    return VersionResponse.of(await this.circulation.circulate(sessionId, dto.lateReason, auth));
  }

  @Get('sessions/:sessionId/agenda/versions')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '已分发的议程版本 · Circulated versions' })
  @ApiOkResponse({ type: [VersionResponse] })
  async versions(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<VersionResponse[]> {
    return (await this.circulation.versions(sessionId)).map(VersionResponse.of);
  }

  /** The latest circulated agenda; a delegate sees it only if it was delivered to them. */
  @Get('sessions/:sessionId/agenda')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '最新分发的议程 · Latest circulated agenda' })
  @ApiOkResponse({ type: CurrentAgendaResponse })
  async current(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<CurrentAgendaResponse> {
    const latest = await this.circulation.latest(sessionId);
    if (!latest) throw new AgendaException(AgendaErrorCode.VersionNotFound);
    if (auth.role === Role.Delegate || auth.role === Role.Attendee) {
      const mine = (await this.circulation.inbox(auth)).find((x) => x.version.id === latest.id);
      if (!mine) throw new AgendaException(AgendaErrorCode.NotDelivered);
      return {
        ...VersionResponse.of(latest),
        delivery: DeliveryResponse.of(mine.delivery, latest),
      };
    }
    return VersionResponse.of(latest);
  }

  /** A tablet's inbox of circulated agendas, unsigned ones included, after any reconnection. */
  @Get('me/agenda')
  @Roles(Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '我收到的议程（含未签收） · My agenda inbox' })
  @ApiOkResponse({ type: [DeliveryResponse] })
  async inbox(@CurrentUser() auth: AuthContext): Promise<DeliveryResponse[]> {
    return (await this.circulation.inbox(auth)).map(({ delivery, version }) =>
      DeliveryResponse.of(delivery, version),
    );
  }

  /** 签收 on the tablet. */
  @Post('agenda-versions/:versionId/receipt')
  @HttpCode(200)
  @Roles(Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '平板签收议程 · Sign receipt' })
  @ApiOkResponse({ type: DeliveryResponse })
  async sign(
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<DeliveryResponse> {
    const delivery = await this.receipts.sign(versionId, auth);
    return DeliveryResponse.of(delivery, await this.circulation.version(versionId));
  }

  @Get('agenda-versions/:versionId/receipts')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '签收情况 · Receipt list' })
  @ApiOkResponse({ type: [ReceiptRowResponse] })
  async receiptList(
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ): Promise<ReceiptRowResponse[]> {
    return (await this.receipts.list(versionId)).map(({ delivery, delegate }) =>
      ReceiptRowResponse.of(delivery, delegate),
    );
  }

  @Post('agenda-versions/:versionId/paper-receipts')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '登记纸质签收 · Record paper receipt' })
  @ApiOkResponse({ type: DeliveryResponse })
  async paper(
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body() dto: PaperReceiptDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<DeliveryResponse> {
    const delivery = await this.receipts.recordPaper(versionId, dto.delegateId, dto.signedOn, auth);
    return DeliveryResponse.of(delivery, await this.circulation.version(versionId));
  }

  @Post('agenda-versions/:versionId/reminders')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '提醒未签收的代表 · Remind unsigned' })
  @ApiOkResponse({ type: RemindedResponse })
  async remind(
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body() dto: RemindDto,
  ): Promise<RemindedResponse> {
    return { reminded: await this.receipts.remind(versionId, dto.delegateIds) };
  }
}
