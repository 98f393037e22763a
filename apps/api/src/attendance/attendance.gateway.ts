import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { createValidationPipe } from '../common/validation.js';
import { ok, SocketRequest } from '../realtime/socket-request.decorator.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { Role } from '../users/role.enum.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { AttendanceService, sessionRoom, watchRoom } from './attendance.service.js';
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

  @SocketRequest('session:join')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  async join(
    @ConnectedSocket() socket: Socket,
    @CurrentUser() auth: AuthContext,
    @MessageBody() dto: SessionRefDto,
  ) {
    const following = await this.attendance.following(dto.sessionId, auth);
    if (following === 'none') throw new AttendanceException(AttendanceErrorCode.NoSeat);
    await socket.join(
      following === 'watch'
        ? [sessionRoom(dto.sessionId), watchRoom(dto.sessionId)]
        : sessionRoom(dto.sessionId),
    );
    return ok({ attendance: await this.attendance.summary(dto.sessionId) });
  }

  @SocketRequest('session:check-in')
  @Roles(Role.Delegate, Role.Attendee)
  async checkIn(@CurrentUser() auth: AuthContext, @MessageBody() dto: SessionRefDto) {
    return ok({ attendance: await this.attendance.checkIn(dto.sessionId, auth) });
  }
}
