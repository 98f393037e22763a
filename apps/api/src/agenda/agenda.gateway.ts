import { UseFilters, UsePipes } from '@nestjs/common';
import { MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { IsUUID } from 'class-validator';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { createValidationPipe } from '../common/validation.js';
import { ok, SocketRequest } from '../realtime/socket-request.decorator.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { Role } from '../users/role.enum.js';
import { CirculationService } from './circulation.service.js';
import { DeliveryResponse } from './dto/agenda.responses.js';
import { ReceiptsService } from './receipts.service.js';

class SignDto {
  @IsUUID() versionId!: string;
}

/** The tablet's side of circulation over the socket: its inbox, and 签收. */
@WebSocketGateway()
@UseFilters(WsExceptionsFilter)
@UsePipes(createValidationPipe())
@Roles(Role.Delegate, Role.Attendee)
export class AgendaGateway {
  constructor(
    private readonly circulation: CirculationService,
    private readonly receipts: ReceiptsService,
  ) {}

  @SocketRequest('agenda:inbox')
  async inbox(@CurrentUser() auth: AuthContext) {
    const items = await this.circulation.inbox(auth);
    return ok({
      deliveries: items.map(({ delivery, version }) => DeliveryResponse.of(delivery, version)),
    });
  }

  @SocketRequest('agenda:sign')
  async sign(@CurrentUser() auth: AuthContext, @MessageBody() dto: SignDto) {
    const delivery = await this.receipts.sign(dto.versionId, auth);
    return ok({
      delivery: DeliveryResponse.of(delivery, await this.circulation.version(dto.versionId)),
    });
  }
}
