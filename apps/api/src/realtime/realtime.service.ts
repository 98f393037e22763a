import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ServerEvent, ServerEvents } from '../common/contracts.js';
import { afterAnswer } from './after-answer.js';
import { isWatchRoom, rooms } from './socket-auth.adapter.js';

/** socket.io's server-to-server events, untyped: they are not part of the clients' contract. */
interface ServerSide {
  on(event: string, listener: (arg: unknown, ack: (answer: unknown) => void) => void): void;
  serverSideEmitWithAck(event: string, arg: unknown): Promise<unknown[]>;
}

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
  private readonly answers = new Map<string, (arg: unknown) => unknown>();

  attach(server: Server): void {
    this.server = server;
    for (const [event, answer] of this.answers) this.listen(event, answer);
  }

  /**
   * How this process answers another api process's `askOthers(event, …)` (socket.io's
   * serverSideEmit over the PostgreSQL adapter): synchronously, with JSON.
   */
  answerOthers(event: string, answer: (arg: unknown) => unknown): void {
    this.answers.set(event, answer);
    if (this.server) this.listen(event, answer);
  }

  private listen(event: string, answer: (arg: unknown) => unknown): void {
    // serverSideEmit's events: not part of the clients' contract.
    (this.server as unknown as ServerSide).on(event, (arg, ack) => {
      try {
        ack(answer(arg));
      } catch (err) {
        this.logger.warn({ err, event }, 'could not answer another api process');
        ack(null);
      }
    });
  }

  /**
   * Every other api process's answer to `event` (`answerOthers`); none when this one is alone.
   * Rejects when one of them does not answer within `timeoutMs`.
   */
  async askOthers<T>(event: string, arg: unknown, timeoutMs: number): Promise<T[]> {
    if (!this.server) return [];
    // The in-memory adapter of a single process counts itself only (and cannot serverSideEmit).
    if ((await this.server.of('/').adapter.serverCount()) <= 1) return [];
    // The adapter's own limit is 5 s, longer than a close may wait.
    const answers = (this.server as unknown as ServerSide).serverSideEmitWithAck(event, arg);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return (await Promise.race([answers, late])) as T[];
    } finally {
      clearTimeout(timer);
      // Settled later, when the race was lost: said, not left unhandled.
      answers.catch((err: unknown) =>
        this.logger.warn({ err, event }, 'other api processes did not all answer'),
      );
    }
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
   * `toRoom` once the answer to the HTTP request in progress has been written (`afterAnswer`):
   * for the whole hall's copy of what that request decided, so whoever decided it is answered
   * first.
   */
  toRoomAfterAnswer<E extends ServerEvent>(room: string, event: E, payload: ServerEvents[E]): void {
    afterAnswer(() => this.toRoom(room, event, payload));
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
