import { UseFilters, UsePipes } from '@nestjs/common';
import { MessageBody, WebSocketGateway } from '@nestjs/websockets';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { createValidationPipe } from '../common/validation.js';
import { ok, SocketRequest } from '../realtime/socket-request.decorator.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { Role } from '../users/role.enum.js';
import { CastService } from './cast.service.js';
import { CastDto, PollRefDto } from './dto/poll.dto.js';
import { PollStates } from './poll-states.js';

/** Tablets vote here: `poll:cast` answers with the receipt only once the ballot is stored. */
@WebSocketGateway()
@UseFilters(WsExceptionsFilter)
@UsePipes(createValidationPipe())
export class BallotsGateway {
  constructor(
    private readonly cast: CastService,
    private readonly states: PollStates,
  ) {}

  @SocketRequest('poll:cast')
  @Roles(Role.Delegate)
  async onCast(@CurrentUser() auth: AuthContext, @MessageBody() dto: CastDto) {
    return ok({
      receipt: await this.cast.cast(dto.pollId, auth, {
        ballot: dto.ballot,
        choice: dto.choice,
        slips: dto.slips,
      }),
    });
  }

  /**
   * Open polls, decided ones, and this tablet's receipts: everything to resume after a reconnect.
   * Every tablet in the hall asks this when the Wi-Fi comes back, so the requests that arrive
   * together are read together (`PollStates`); the rules (may follow, may vote) are checked on
   * each account's own seat.
   */
  @SocketRequest('poll:state')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  async onState(@CurrentUser() auth: AuthContext, @MessageBody() dto: PollRefDto) {
    return ok(await this.states.of(dto.sessionId, auth));
  }
}
