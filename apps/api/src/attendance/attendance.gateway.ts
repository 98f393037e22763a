import { UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { createValidationPipe } from '../common/validation.js';
import type { SocketData } from '../realtime/socket-auth.adapter.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { AttendanceService, sessionRoom } from './attendance.service.js';
import { SessionRefDto } from './dto/attendance.dto.js';

/**
 * A tablet, the staff console or the projector joins a session's room and gets its current
 * state back in the acknowledgement: what a reconnecting client needs, with nothing to click.
 */
@WebSocketGateway()
@UseFilters(WsExceptionsFilter)
@UsePipes(createValidationPipe())
export class AttendanceGateway {
  constructor(private readonly attendance: AttendanceService) {}

  @SubscribeMessage('session:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() dto: SessionRefDto) {
    const { auth } = socket.data as SocketData;
    if (!(await this.attendance.mayJoin(dto.sessionId, auth)))
      throw new AttendanceException(AttendanceErrorCode.NoSeat);
    await socket.join(sessionRoom(dto.sessionId));
    return { ok: true, attendance: await this.attendance.summary(dto.sessionId) };
  }

  @SubscribeMessage('session:check-in')
  async checkIn(@ConnectedSocket() socket: Socket, @MessageBody() dto: SessionRefDto) {
    const { auth } = socket.data as SocketData;
    return { ok: true, attendance: await this.attendance.checkIn(dto.sessionId, auth) };
  }
}
