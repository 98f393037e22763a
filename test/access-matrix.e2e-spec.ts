import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOpenApiDocument } from '../apps/api/src/openapi/openapi-document.js';
import {
  type RequestEvent,
  type Role,
  ROLES,
  SOCKET_REQUESTS,
} from '../libs/contracts/src/index.js';
import { type Access, HTTP_ACCESS, SOCKET_ACCESS } from './access/access-matrix.js';
import { tokensOfEveryRole } from './access/roles-setup.js';
import { socketPayloads } from './access/socket-payloads.js';
import { declaredAccess } from './access/route-roles.js';
import { connected, createTestApp, type TestApp } from './utils/test-app.js';

interface Operation {
  key: string;
  method: string;
  path: string;
  operationId: string;
}

const allowed = (access: Access, role: Role) =>
  access === 'public' || access === 'signed-in' || access.includes(role);
const show = (a: Access) =>
  typeof a === 'string' ? `'${a}'` : `[${a.map((r) => `'${r}'`).join(', ')}]`;

/**
 * The permanent access matrix (test/access/access-matrix.ts): every route of the OpenAPI
 * document and every socket request, called with no token and with a token of every role. A
 * role the matrix allows must get past the guard (anything but 401 or AUTH_WRONG_ROLE; ids are
 * random, so most answers are 400 or 404); a role it does not must get 403 AUTH_WRONG_ROLE; no
 * token must get 401 unless the route is public. The matrix must also say what the code
 * declares, and name every route and event: a new one without an entry fails here.
 */
describe('access matrix', () => {
  let t: TestApp;
  let tokens: Record<Role, string>;
  let sessionId: string;
  let operations: Operation[];
  let declared: ReturnType<typeof declaredAccess>;

  beforeAll(async () => {
    t = await createTestApp();
    ({ tokens, sessionId } = await tokensOfEveryRole(t));
    const doc = createOpenApiDocument(t.app);
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          operationId: op.operationId!,
        })),
    );
    // Log-out ends the token it is called with: last.
    operations.sort(
      (a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')),
    );
    declared = declaredAccess(t.app);
  });
  afterAll(() => t.close());

  it('lists every route and event, with the access the code declares', () => {
    const routeLines = operations.map(
      (o) => `  '${o.key}': { access: ${show(declared.routes.get(o.operationId)!)} },`,
    );
    const eventLines = [...declared.events].map(([e, a]) => `  '${e}': { access: ${show(a)} },`);
    if (process.env.PRINT_ACCESS_MATRIX) console.log([...routeLines, '', ...eventLines].join('\n'));
    expect(Object.keys(HTTP_ACCESS).sort()).toEqual(operations.map((o) => o.key).sort());
    for (const o of operations)
      expect({ route: o.key, access: HTTP_ACCESS[o.key]!.access }).toEqual({
        route: o.key,
        access: declared.routes.get(o.operationId),
      });
    expect(Object.keys(SOCKET_ACCESS).sort()).toEqual([...declared.events.keys()].sort());
    for (const [event, access] of declared.events)
      expect({ event, access: SOCKET_ACCESS[event]!.access }).toEqual({ event, access });
    // The contract clients read publishes the same roles.
    for (const event of Object.keys(SOCKET_REQUESTS) as RequestEvent[])
      expect([...SOCKET_REQUESTS[event].roles].sort()).toEqual(SOCKET_ACCESS[event]!.access);
  });

  it('walks every socket request with every role; no token cannot connect', async () => {
    const payload: Record<string, object | undefined> = socketPayloads(sessionId);
    const wrong: string[] = [];
    for (const role of ROLES) {
      const socket = t.socket(tokens[role]);
      await connected(socket);
      for (const [event, entry] of Object.entries(SOCKET_ACCESS)) {
        const ack = (
          event === 'ping'
            ? await socket.timeout(10_000).emitWithAck('ping')
            : await socket.timeout(10_000).emitWithAck(event, payload[event] ?? {})
        ) as { ok?: boolean; error?: { code: string } };
        const refused = ack.ok === false && ack.error?.code === 'AUTH_WRONG_ROLE';
        if (allowed(entry.access, role) === refused)
          wrong.push(`${event} as ${role}: ${JSON.stringify(ack)}`);
      }
      socket.disconnect();
    }
    expect(wrong).toEqual([]);
    const anonymous = t.socket('');
    await expect(connected(anonymous)).rejects.toMatchObject({
      data: { code: 'AUTH_UNAUTHENTICATED' },
    });
  });

  /** The path with a random id for every parameter (a number for bigint ids). */
  const concrete = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      /^(before|seq|position)$/.test(name) ? '1' : randomUUID(),
    );

  // Last: log-out ends each role's token.
  it('walks every route with no token and with every role', async () => {
    const wrong: string[] = [];
    for (const o of operations) {
      const access = HTTP_ACCESS[o.key]!.access;
      const call = (token?: string) => {
        const req = (
          t.http() as unknown as Record<string, (p: string) => import('supertest').Test>
        )[o.method]!(concrete(o.path));
        if (token) req.set('authorization', `Bearer ${token}`);
        return ['get', 'delete'].includes(o.method) ? req : req.send({});
      };
      const anonymous = await call();
      if (access !== 'public' && anonymous.status !== 401)
        wrong.push(`${o.key} without a token: ${anonymous.status}`);
      if (access === 'public' && anonymous.status === 401)
        wrong.push(`${o.key} is public but answered 401`);
      for (const role of ROLES) {
        const res = await call(tokens[role]);
        const refused = res.status === 403 && res.body?.code === 'AUTH_WRONG_ROLE';
        if (allowed(access, role) && (refused || res.status === 401))
          wrong.push(`${o.key} as ${role}: refused (${res.status} ${res.body?.code})`);
        if (!allowed(access, role) && !refused)
          wrong.push(`${o.key} as ${role}: not refused (${res.status} ${res.body?.code})`);
        if (res.status >= 500) wrong.push(`${o.key} as ${role}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
