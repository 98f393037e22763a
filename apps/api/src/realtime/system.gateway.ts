import { Logger, type OnModuleDestroy, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { SessionEvents } from '../auth/session-events.js';
import { createValidationPipe } from '../common/validation.js';
import type { PongPayload } from './events.js';
import { RealtimeService } from './realtime.service.js';
import type { SocketData } from './socket-auth.adapter.js';
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

  @SubscribeMessage('ping')
  ping(@ConnectedSocket() socket: Socket): PongPayload {
    const { auth } = socket.data as SocketData;
    return { userId: auth.userId, role: auth.role, at: new Date().toISOString() };
  }
}
