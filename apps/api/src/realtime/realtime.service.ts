import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ServerEvent, ServerEvents } from '../common/contracts.js';
import { isWatchRoom, rooms } from './socket-auth.adapter.js';

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
  private readonly logger = new Logger('Realtime');

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

  /**
   * These accounts' sockets, in every api process, stop watching any session (their seat left the
   * presidium): without this they kept the turnout until their screen reconnected.
   */
  async stopWatching(userIds: string[]): Promise<void> {
    if (!this.server || userIds.length === 0) return;
    try {
      const sockets = await this.server.in(userIds.map(rooms.user)).fetchSockets();
      for (const s of sockets) for (const room of s.rooms) if (isWatchRoom(room)) s.leave(room);
    } catch (err) {
      // Another api process did not answer in time: the change itself stands.
      this.logger.warn({ err, userIds }, 'screens keep the turnout until they reconnect');
    }
  }

  /** Closes every socket of these tokens (revocation). */
  disconnectTokens(tokenIds: string[]): void {
    for (const id of tokenIds) this.server?.in(rooms.token(id)).disconnectSockets(true);
  }
}
