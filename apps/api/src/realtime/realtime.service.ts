import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ServerEvent, ServerEvents } from '../common/contracts.js';
import { rooms } from './socket-auth.adapter.js';

/**
 * Sends events to connected clients from anywhere in the app. The socket.io server is handed
 * over by the gateway once it exists; before that (or with no client) an emit is a no-op, which
 * is why anything a client must not miss is also stored (see NotificationsService). Events and
 * their payloads are those of the client contract (libs/contracts): another name or shape does
 * not compile.
 */
@Injectable()
export class RealtimeService {
  private server?: Server;

  attach(server: Server): void {
    this.server = server;
  }

  toUsers<E extends ServerEvent>(userIds: string[], event: E, payload: ServerEvents[E]): void {
    if (!this.server || userIds.length === 0) return;
    this.server.to(userIds.map(rooms.user)).emit(event, payload);
  }

  /** Every connected account of these roles (e.g. the console: staff). */
  toRoles<E extends ServerEvent>(roles: string[], event: E, payload: ServerEvents[E]): void {
    if (!this.server || roles.length === 0) return;
    this.server.to(roles.map(rooms.role)).emit(event, payload);
  }

  toRoom<E extends ServerEvent>(room: string, event: E, payload: ServerEvents[E]): void {
    this.server?.to(room).emit(event, payload);
  }

  /** Closes every socket of these tokens (revocation). */
  disconnectTokens(tokenIds: string[]): void {
    for (const id of tokenIds) this.server?.in(rooms.token(id)).disconnectSockets(true);
  }
}
