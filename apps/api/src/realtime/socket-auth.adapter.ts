import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { AuthErrorCode } from '../auth/auth.exception.js';
import type { AuthContext } from '../auth/auth-context.js';
import { bearerToken } from '../auth/guards/auth.guard.js';
import { TokenService } from '../auth/token.service.js';
import { limitSocketBacklog } from './socket-backlog.js';
import { limitSocketEvents } from './socket-rate-limit.js';

export interface SocketData {
  auth: AuthContext;
}

/** Rooms every authenticated socket joins, so a revocation or a role broadcast can reach it. */
export const rooms = {
  user: (id: string) => `user:${id}`,
  token: (id: string) => `token:${id}`,
  role: (role: string) => `role:${role}`,
  /** Everyone following a session: the tablets, the screens, the console (joined on request). */
  session: (sessionId: string) => `session:${sessionId}`,
  /** A session's watchers (screens, console, the presidium's members): what only they show. */
  watch: (sessionId: string) => `session:${sessionId}:watch`,
};

/** Whether a room is some session's watchers (`rooms.watch`). */
export const isWatchRoom = (room: string): boolean => /^session:[^:]+:watch$/.test(room);

/**
 * socket.io with the HTTP tokens: the handshake carries `auth: { token }` (or an
 * `Authorization: Bearer` header); an unknown, expired or revoked token is refused with a
 * `connect_error` whose `data.code` says why. A connected socket is dropped when its token expires.
 */
export class SocketAuthAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private pool?: pg.Pool;

  /** With `databaseUrl`, rooms and broadcasts span every api process on that PostgreSQL. */
  constructor(
    private readonly app: INestApplicationContext,
    private readonly databaseUrl?: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: 256 * 1024,
    } as ServerOptions);
    if (this.databaseUrl) {
      this.pool = new pg.Pool({ connectionString: this.databaseUrl, max: 2 });
      // The adapter reconnects by itself; an idle client's error must not crash the process.
      this.pool.on('error', (err) =>
        this.log.warn({ err }, 'socket.io adapter: idle database connection failed'),
      );
      // Nor may the error of the client it keeps checked out for LISTEN: pg emits it on the
      // client, which has no listener of its own, and a PostgreSQL restart then killed the api
      // (test/faults-database.e2e-spec.ts). The client's 'end' that follows makes the adapter
      // connect again.
      //
      // The adapter never gives its LISTEN client back when the connection ends: it takes a new
      // one and the dead one stays checked out for good. Two restarts would fill this pool of 2
      // (broadcasts to other processes then wait for ever), and `pool.end()` at shutdown waits
      // for it, so SIGTERM after a PostgreSQL restart hung (test/faults-database.e2e-spec.ts).
      const checkedOut = new WeakSet<pg.PoolClient>();
      this.pool.on('acquire', (client) => checkedOut.add(client));
      this.pool.on('release', (_err, client) => checkedOut.delete(client));
      this.pool.on('connect', (client) => {
        client.on('error', (err) =>
          this.log.warn({ err }, 'socket.io adapter: database connection lost'),
        );
        // Only the LISTEN client (the one with a 'notification' listener): a query's client is
        // given back by pg-pool itself, and a second release would throw.
        client.on('end', () =>
          setImmediate(() => {
            if (checkedOut.has(client) && client.listenerCount('notification') > 0)
              client.release(new Error('connection ended'));
          }),
        );
      });
      server.adapter(
        createAdapter(this.pool, {
          errorHandler: (err) =>
            this.log.warn({ err }, 'socket.io adapter: cross-process message failed'),
        }),
      );
    }
    const tokens = this.app.get(TokenService);
    server.use((socket: Socket, next) => {
      const raw = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const token =
        typeof raw === 'string' ? raw : bearerToken(socket.handshake.headers.authorization);
      tokens
        .resolve(token ?? '')
        .then((auth) => {
          if (!auth || auth.mustChangePassword) {
            const err = new Error(auth ? '请先修改初始密码' : '未登录或登录已失效') as Error & {
              data: unknown;
            };
            err.data = {
              code: auth ? AuthErrorCode.PasswordChangeRequired : AuthErrorCode.Unauthenticated,
            };
            return next(err);
          }
          (socket.data as SocketData).auth = auth;
          limitSocketEvents(socket);
          limitSocketBacklog(socket);
          socket.join([rooms.user(auth.userId), rooms.token(auth.tokenId), rooms.role(auth.role)]);
          const timer = setTimeout(
            () => socket.disconnect(true),
            auth.expiresAt.getTime() - Date.now(),
          );
          socket.once('disconnect', () => clearTimeout(timer));
          next();
        })
        .catch(next);
    });
    return server;
  }

  /**
   * The gateways' messages, one plain listener each. Nest's own binding builds an rxjs pipeline
   * per message per socket (fromEvent, mergeMap, takeUntil and their subscribers) that lives as
   * long as the socket: 2,000 connected tablets held ~90 MB of live heap with it, ~29 MB with
   * this (bench/README.md, "Memory attributed"). Same behaviour: the handler's payload and ack as Nest
   * maps them, a response with `event` emitted, any other returned as the ack, an error logged.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers)
      socket.on(message as string, (...args: unknown[]) => {
        // As rxjs's fromEvent hands it on: one argument as it is, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        const reply = (response: unknown) => {
          if (response === null || response === undefined) return;
          const asEvent = response as { event?: string; data?: unknown };
          if (asEvent.event) socket.emit(asEvent.event, asEvent.data);
          else if (!isAckHandledManually && typeof ack === 'function')
            (ack as (r: unknown) => void)(response);
        };
        let result$: Observable<unknown>;
        try {
          result$ = transform(callback(data, ack));
        } catch (err) {
          this.log.error(err);
          return;
        }
        result$.subscribe({ next: reply, error: (err: unknown) => this.log.error(err) });
      });
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool
      ?.end()
      .catch((err: unknown) => this.log.warn({ err }, 'socket.io adapter pool did not close'));
  }
}
