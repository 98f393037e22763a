import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  EVERY_REQUEST_ERRORS,
  type RequestEvent,
  type Role,
  ROLES,
  type ServerToClientEvents,
  SOCKET_REQUESTS,
} from '../libs/contracts/src/index.js';
import { socketPayloads } from './access/socket-payloads.js';
import { tokensOfEveryRole } from './access/roles-setup.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

/**
 * Socket requests are guarded like routes: each handler states its roles with `@Roles(...)`, the
 * global AuthGuard enforces them, and a wrong role gets `AUTH_WRONG_ROLE` in the acknowledgement
 * with the connection kept. The roles tried are those the contract (libs/contracts) publishes.
 */
describe('socket requests guarded by role', () => {
  let t: TestApp;
  let sessionId: string;
  const sockets = {} as Record<Role, TabletSocket>;

  beforeAll(async () => {
    t = await createTestApp();
    const every = await tokensOfEveryRole(t);
    sessionId = every.sessionId;
    for (const role of ROLES) {
      sockets[role] = t.socket(every.tokens[role]);
      await connected(sockets[role]);
    }
  });
  afterAll(() => t.close());

  /** A well-formed payload for each request: only the role decides whether it gets through. */
  const payload = () => socketPayloads(sessionId);
  const rolesOf = (event: RequestEvent): readonly Role[] => SOCKET_REQUESTS[event].roles;
  const cases = (Object.keys(SOCKET_REQUESTS) as RequestEvent[]).flatMap((event) =>
    ROLES.map((role) => ({ event, role, allowed: rolesOf(event).includes(role) })),
  );

  it.each(cases.filter((c) => !c.allowed))(
    '$event from $role: refused with AUTH_WRONG_ROLE, the connection kept',
    async ({ event, role }) => {
      const ack = await sockets[role].emitWithAck(event, payload()[event]);
      expect(ack).toEqual({
        ok: false,
        error: {
          code: 'AUTH_WRONG_ROLE',
          message: '当前账号无权执行此操作',
          details: { required: [...rolesOf(event)], actual: role },
        },
      });
      expect(sockets[role].connected).toBe(true);
    },
  );

  it.each(cases.filter((c) => c.allowed))(
    '$event from $role: passes the guard, answered with the reply or a code of that request',
    async ({ event, role }) => {
      const ack = await sockets[role].emitWithAck(event, payload()[event]);
      if (ack.ok) return;
      const codes: readonly string[] = [...SOCKET_REQUESTS[event].errors, ...EVERY_REQUEST_ERRORS];
      expect(codes).toContain(ack.error.code);
      expect(['AUTH_WRONG_ROLE', 'INTERNAL_ERROR', 'VALIDATION_FAILED']).not.toContain(
        ack.error.code,
      );
    },
  );

  it('the right roles are really served (typed as a client of the contract)', async () => {
    const as = (role: Role) =>
      sockets[role] as unknown as Socket<ServerToClientEvents, ClientToServerEvents>;
    const joined = await as('staff').emitWithAck('session:join', { sessionId });
    expect(joined.ok && joined.attendance.total).toBe(1);
    const inbox = await as('delegate').emitWithAck('agenda:inbox', {});
    expect(inbox.ok && inbox.deliveries).toEqual([]);
    const state = await as('attendee').emitWithAck('poll:state', { sessionId });
    expect(state.ok && state.open).toEqual([]);
    const cast = await as('delegate').emitWithAck('poll:cast', {
      pollId: randomUUID(),
      choice: [[1, 0, 0]],
    });
    expect(!cast.ok && cast.error.code).toBe('POLL_NOT_FOUND');
  });

  it('ping answers every role', async () => {
    for (const role of ROLES)
      expect(await sockets[role].emitWithAck('ping')).toMatchObject({ role });
  });
});
