import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, userWithRole } from './utils/actors.js';
import { ADMIN_PASSWORD, connected, createTestApp, type TestApp } from './utils/test-app.js';

/** JSON nested `depth` arrays deep under `field`: {"field":[[[…]]]} */
const deepJson = (field: string, depth: number) =>
  `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`;

const fields = (body: { details?: { field: string }[] }) => body.details?.map((d) => d.field);

/** Malformed input gets a 400 that names the field, never a 500, on every kind of input. */
describe('malformed input: NUL bytes, oversized numbers, deep nesting', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t.close());

  it('a NUL byte in a string of the unauthenticated log-in', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'ad\u0000min', password: 'x' });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['username']);
    expect(res.body.details[0].errors[0]).toContain('控制字符');
  });

  it('a NUL byte in a nested string, a query string and a path parameter', async () => {
    const term = await t
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({ name: '第\u0000六届', startsOn: '2026-01-01', endsOn: '2030-12-31' });
    expect(term.status).toBe(400);
    expect(fields(term.body)).toEqual(['name']);
    const query = await t.http().get('/api/audit?before=1%00').set(bearer(admin));
    expect(query.status).toBe(400);
    expect(fields(query.body)).toEqual(['before']);
    const param = await t.http().get('/api/sessions/a%00b').set(bearer(staff));
    expect(param.status).toBe(400);
  });

  it('right-to-left overrides and zero-width characters in names', async () => {
    for (const name of ['第六届\u202e会大', '第六届\u200b职代会', '第六届\n职代会']) {
      const res = await t
        .http()
        .post('/api/terms')
        .set(bearer(staff))
        .send({ name, startsOn: '2026-01-01', endsOn: '2030-12-31' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: 'name', errors: [expect.stringContaining('隐藏字符')] },
      ]);
    }
  });

  it('right-to-left overrides in an account rename and in candidate names on a ballot', async () => {
    const me = await t.http().get('/api/auth/me').set(bearer(staff)).expect(200);
    const rename = await t
      .http()
      .patch(`/api/users/${me.body.id}`)
      .set(bearer(admin))
      .send({ displayName: '王\u202e芳' });
    expect(rename.status).toBe(400);
    expect(rename.body.details).toEqual([
      { field: 'displayName', errors: [expect.stringContaining('隐藏字符')] },
    ]);
    // The body is refused before the session is looked up, so any session id will do.
    const addItem = (body: object) =>
      t
        .http()
        .post('/api/sessions/00000000-0000-4000-8000-000000000000/agenda/items')
        .set(bearer(staff))
        .send(body);
    const item = await addItem({
      kind: 'elect',
      title: '选举职工董事',
      vote: { seats: 1, candidates: [{ name: '李明' }, { name: '周\u202e红' }] },
    });
    expect(item.status).toBe(400);
    expect(item.body.details).toEqual([
      { field: 'vote.candidates.1.name', errors: [expect.stringContaining('隐藏字符')] },
    ]);
    const evaluation = await addItem({
      kind: 'evaluate',
      title: '民主评议',
      vote: { persons: [{ name: '赵\u200b总' }] },
    });
    expect(fields(evaluation.body)).toEqual(['vote.persons.0.name']);
  });

  it('numbers past what the database holds', async () => {
    const huge = '99999999999999999999999';
    const audit = await t.http().get(`/api/audit?before=${huge}`).set(bearer(admin));
    expect(audit.status).toBe(400);
    expect(fields(audit.body)).toEqual(['before']);
    const read = await t
      .http()
      .post('/api/notifications/read')
      .set(bearer(staff))
      .send({ ids: [huge] });
    expect(read.status).toBe(400);
    expect(fields(read.body)).toEqual(['ids']);
  });

  it('JSON nested 5,000 deep, on the log-in and on a staff route', async () => {
    for (const [path, token] of [
      ['/api/auth/login', null],
      ['/api/terms', staff],
    ] as const) {
      const req = t.http().post(path).set('content-type', 'application/json');
      if (token) req.set(bearer(token));
      const res = await req.send(deepJson('name', 5000));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toContain('name');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    }
  });

  it('on a socket: NUL bytes and deep nesting are refused in the acknowledgement, the socket stays', async () => {
    const s = t.socket(staff);
    await connected(s);
    const nul = await s.emitWithAck('session:join', { sessionId: 'a\u0000b' });
    expect(nul).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Sent as a raw socket.io packet (event with acknowledgement id 999): the client's own
    // encoder cannot stringify such nesting.
    const answer = new Promise<{ error: { code: string; details?: { field: string }[] } }>(
      (resolve) => {
        const onPacket = (p: { type: string; data?: unknown }) => {
          if (typeof p.data !== 'string' || !p.data.startsWith('3999')) return;
          s.io.engine.off('packet', onPacket);
          resolve((JSON.parse(p.data.slice(4)) as [never])[0]);
        };
        s.io.engine.on('packet', onPacket);
      },
    );
    s.io.engine.send(`2999["session:join",${deepJson('sessionId', 5000)}]`);
    const res = await answer;
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(fields(res.error)).toContain('sessionId');
    expect(await s.emitWithAck('ping', {})).toMatchObject({ role: 'staff' });
  });
});
