import { Logger, type OnModuleDestroy, UseFilters, UsePipes } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Server } from 'socket.io';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { SessionEvents } from '../auth/session-events.js';
import { Clock } from '../common/clock.js';
import type { Pong } from '../common/contracts.js';
import { createValidationPipe } from '../common/validation.js';
import { RealtimeService } from './realtime.service.js';
import { SocketRequest } from './socket-request.decorator.js';
import { WsExceptionsFilter } from './ws-exceptions.filter.js';

/** Connection-level events: `ping`, and closing the sockets of revoked tokens. */
@WebSocketGateway()
@UseFilters(WsExceptionsFilter)
@UsePipes(createValidationPipe())
export class SystemGateway implements OnGatewayInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() private server!: Server;
  private subscription?: Subscription;

  constructor(
    private readonly sessions: SessionEvents,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  afterInit(): void {
    this.realtime.attach(this.server);
    this.subscription = this.sessions.revoked$.subscribe(({ tokenIds, reason }) => {
      this.realtime.disconnectTokens(tokenIds);
      this.logger.log({ tokens: tokenIds.length, reason }, 'sockets of revoked tokens closed');
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  @SocketRequest('ping')
  ping(@CurrentUser() auth: AuthContext): Pong {
    return { userId: auth.userId, role: auth.role, at: this.clock.now().toISOString() };
  }
}
