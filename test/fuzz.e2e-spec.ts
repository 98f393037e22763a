/**
 * @jest-environment ./test/setup/host-process-environment.mjs
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createOpenApiDocument } from '../apps/api/src/openapi/openapi-document.js';
import { type Role, ROLES } from '../libs/contracts/src/index.js';
import { type Access, HTTP_ACCESS, SOCKET_ACCESS } from './access/access-matrix.js';
import { tokensOfEveryRole } from './access/roles-setup.js';
import { connected, createTestApp, type TestApp } from './utils/test-app.js';
import { UnhandledRejections } from './utils/unhandled-rejections.js';

/** Fixed, so a failure is found again by the same run; bounded, so the suite stays under a minute. */
const SEED = 20261202;
const RUNS_PER_ROUTE = 8;
const RUNS_PER_EVENT = 25;

/** Text that has broken parsers before: NUL, huge numbers, deep nesting, paths, scripts. */
const nasty = fc.constantFrom(
  '\u0000',
  '1e309',
  '-1',
  '99999999999999999999999',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u202e\u200b',
  'null',
  '[]',
  '{}',
  'a'.repeat(5000),
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nasty);
const deep = fc
  .integer({ min: 1, max: 3000 })
  .map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
const value = fc.oneof(fc.jsonValue(), text, deep, fc.double(), fc.bigInt().map(String));
const body = fc.oneof(
  fc.dictionary(text, value, { maxKeys: 6 }),
  value,
  fc.array(value, { maxLength: 4 }),
);
const query = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), nasty), text, { maxKeys: 4 });

const firstAllowed = (access: Access): Role | null =>
  access === 'public' ? null : access === 'signed-in' ? 'staff' : access[0]!;

/**
 * Malformed bodies, query strings, path parameters and socket payloads at every route and event,
 * with a role the route allows so the input gets past the guard: never a 5xx, never a stack
 * trace in an answer, no unhandled rejection, and the api still answers at the end.
 */
describe('fuzz: every route and event with malformed input', () => {
  let t: TestApp;
  let tokens: Record<Role, string>;
  // On the real process: the spec's `process` is Jest's copy, which never hears a rejection.
  const rejections = new UnhandledRejections();

  beforeAll(async () => {
    rejections.start();
    t = await createTestApp();
    ({ tokens } = await tokensOfEveryRole(t));
  });
  afterAll(async () => {
    rejections.stop();
    await t.close();
  });

  it('hears a planted unhandled rejection, so the check at the end can fail', async () => {
    const planted = Promise.reject(new Error('planted by the fuzz test'));
    await rejections.reported(planted, 10_000);
    expect(rejections.seen.map((s) => s.promise)).toContain(planted);
    await rejections.settle(planted, (reason) =>
      expect(reason).toEqual(new Error('planted by the fuzz test')),
    );
    expect(rejections.seen.map((s) => s.promise)).not.toContain(planted);
  });

  const leaks = (raw: string) => /\n\s+at |Error: |node_modules|\/work\//.test(raw);

  it('answers every route with a 4xx (or a success), never a 5xx or a stack trace', async () => {
    const doc = createOpenApiDocument(t.app);
    const bad: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        if (!(item as Record<string, unknown>)[method]) continue;
        const key = `${method.toUpperCase()} ${path}`;
        // Log-out takes no input and would end the token the other routes use.
        if (path.endsWith('/logout')) continue;
        const role = firstAllowed(HTTP_ACCESS[key]!.access);
        await fc.assert(
          fc.asyncProperty(text, query, body, fc.boolean(), async (param, q, b, raw) => {
            const url = path.replace(/\{\w+\}/g, () => encodeURIComponent(param));
            const req = t.http()[method](url).query(q);
            if (role) req.set('authorization', `Bearer ${tokens[role]}`);
            // Sent as JSON text (any value, not only objects); half the time broken.
            const json = `${JSON.stringify(b)}${raw ? '}' : ''}`;
            const res =
              method === 'get' || method === 'delete'
                ? await req
                : await req.set('content-type', 'application/json').send(json);
            if (res.status >= 500 || leaks(res.text ?? ''))
              bad.push(`${key} ${res.status}: ${(res.text ?? '').slice(0, 200)}`);
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE },
        );
      }
    }
    expect(bad).toEqual([]);
  });

  it('answers every socket event with an error code, never INTERNAL_ERROR, and keeps the socket', async () => {
    const bad: string[] = [];
    for (const [event, entry] of Object.entries(SOCKET_ACCESS)) {
      const role = firstAllowed(entry.access) ?? ROLES[0];
      // One socket per event: the fuzzing stays under the per-socket rate limit.
      const socket = t.socket(tokens[role]);
      await connected(socket);
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as {
            ok?: boolean;
            error?: { code: string };
          };
          if (ack.ok === false && ack.error?.code === 'INTERNAL_ERROR')
            bad.push(`${event}: ${JSON.stringify(ack)}`);
          if (leaks(JSON.stringify(ack))) bad.push(`${event} leaks: ${JSON.stringify(ack)}`);
        }),
        { seed: SEED, numRuns: RUNS_PER_EVENT },
      );
      if (!socket.connected) bad.push(`${event}: socket closed`);
      socket.disconnect();
    }
    expect(bad).toEqual([]);
  });

  it('has no unhandled rejection and still answers', async () => {
    await t.http().get('/health').expect(200);
    expect(rejections.seen.map((s) => String(s.reason))).toEqual([]);
  });
});
