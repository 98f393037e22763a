import { UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { IsUUID } from 'class-validator';
import type { Socket } from 'socket.io';
import { createValidationPipe } from '../common/validation.js';
import type { SocketData } from '../realtime/socket-auth.adapter.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { Role } from '../users/role.enum.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
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
export class AgendaGateway {
  constructor(
    private readonly circulation: CirculationService,
    private readonly receipts: ReceiptsService,
  ) {}

  @SubscribeMessage('agenda:inbox')
  async inbox(@ConnectedSocket() socket: Socket) {
    const auth = tabletUser(socket);
    const items = await this.circulation.inbox(auth);
    return {
      ok: true,
      deliveries: items.map(({ delivery, version }) => DeliveryResponse.of(delivery, version)),
    };
  }

  @SubscribeMessage('agenda:sign')
  async sign(@ConnectedSocket() socket: Socket, @MessageBody() dto: SignDto) {
    const delivery = await this.receipts.sign(dto.versionId, tabletUser(socket));
    return {
      ok: true,
      delivery: DeliveryResponse.of(delivery, await this.circulation.version(dto.versionId)),
    };
  }
}

function tabletUser(socket: Socket) {
  const { auth } = socket.data as SocketData;
  if (auth.role !== Role.Delegate && auth.role !== Role.Attendee)
    throw new AgendaException(AgendaErrorCode.NotDelivered);
  return auth;
}
