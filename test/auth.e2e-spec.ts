import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from './utils/test-app.js';

describe('auth (HTTP)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  async function createUser(username: string, role: string, password = 'initial-pass-1') {
    const res = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username, displayName: username, role, password });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  /** A user who has already replaced the initial password; returns a live token. */
  async function readyUser(username: string, role: string): Promise<{ id: string; token: string }> {
    const { id } = await createUser(username, role);
    const first = await t.login(username, 'initial-pass-1');
    await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: 'initial-pass-1', newPassword: 'changed-pass-2' })
      .expect(200);
    return { id, token: await t.login(username, 'changed-pass-2') };
  }

  it('logs in with the right password and returns token, expiry and user', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password with 401 and a code, and an unknown user the same way', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      code: 'AUTH_INVALID_CREDENTIALS',
      message: expect.any(String),
    });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'ghost', password: 'nope-nope' });
    expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('answers 401 without a token and with a forged one', async () => {
    const none = await t.http().get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('AUTH_UNAUTHENTICATED');
    const forged = await t.http().get('/api/auth/me').set('authorization', 'Bearer not-a-token');
    expect(forged.status).toBe(401);
  });

  it('answers 403 for a role that may not call the route', async () => {
    const staff = await readyUser('staff.one', 'staff');
    const res = await t.http().get('/api/users').set('authorization', `Bearer ${staff.token}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH_WRONG_ROLE');
    const audit = await t.http().get('/api/audit').set('authorization', `Bearer ${staff.token}`);
    expect(audit.status).toBe(403);
  });

  it('names the unknown field and the missing field in a 400', async () => {
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'x', role: 'admin' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.details).toEqual([{ field: 'role', errors: ['不允许此字段'] }]);
    const missing = await t.http().post('/api/auth/login').send({ username: 'admin' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
  });

  it('answers malformed JSON with 400, never a 500 or a stack trace', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": ');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('stops a token at once after log-out', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    await t.http().post('/api/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    const after = await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
  });

  it('holds a new account to its one-time password until it is changed, then ends other sessions', async () => {
    await createUser('secretary.one', 'secretary');
    const first = await t.login('secretary.one', 'initial-pass-1');
    const other = await t.login('secretary.one', 'initial-pass-1');
    const blocked = await t.http().get('/api/audit').set('authorization', `Bearer ${first}`);
    expect(blocked.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${first}`);
    expect(me.body.mustChangePassword).toBe(true);

    const wrong = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: 'bad-guess-1', newPassword: 'changed-pass-2' });
    expect(wrong.body.code).toBe('AUTH_WRONG_PASSWORD');
    const short = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: 'initial-pass-1', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('newPassword');

    await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: 'initial-pass-1', newPassword: 'changed-pass-2' })
      .expect(200);
    expect(
      (await t.http().get('/api/auth/me').set('authorization', `Bearer ${first}`)).body
        .mustChangePassword,
    ).toBe(false);
    expect(
      (await t.http().get('/api/auth/me').set('authorization', `Bearer ${other}`)).status,
    ).toBe(401);
    await expect(t.login('secretary.one', 'initial-pass-1')).rejects.toThrow(/401/);
  });

  it('ends every session of a disabled account and refuses its log-in', async () => {
    const user = await readyUser('dept.one', 'secretary');
    await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ disabled: true })
      .expect(200);
    expect(
      (await t.http().get('/api/auth/me').set('authorization', `Bearer ${user.token}`)).status,
    ).toBe(401);
    await expect(t.login('dept.one', 'changed-pass-2')).rejects.toThrow(/401/);
  });

  it('stores only hashes: no token or password in the database', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    const rows = await t.sql<{ dump: string }>(
      `SELECT (SELECT string_agg(t::text, '|') FROM access_tokens t) || (SELECT string_agg(u::text, '|') FROM users u) AS dump`,
    );
    expect(rows[0]!.dump).not.toContain(token);
    expect(rows[0]!.dump).not.toContain(ADMIN_PASSWORD);
    expect(rows[0]!.dump).toContain('$argon2id$');
  });
});

describe('auth (log-in rate limit)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: 3, loginRateWindowSeconds: 60 });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts for one account, and still lets another account in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await t.http().post('/api/auth/login').send({ username: 'admin', password: 'wrong-1234' }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers['retry-after'])).toBe(blocked.body.details.retryAfterSeconds);
    const other = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'someone', password: 'wrong-1234' });
    expect(other.status).toBe(401);
  });
});

describe('password spraying: one address, many usernames', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A per-address limit of 10 failures (the default is 30), the per-account one out of the way.
    t = await createTestApp({ loginRateLimit: 1000, loginAddressFailureLimit: 10 });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once one address has failed against 10 accounts', async () => {
    const statuses: number[] = [];
    let last: { status: number; headers: Record<string, string> } | undefined;
    for (let i = 0; i < 15; i++) {
      last = await t
        .http()
        .post('/api/auth/login')
        .send({ username: `user${i}`, password: 'Spring2026!' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(5).fill(429)]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    // Code log-ins from that address are held too.
    const code = await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: 'user51', code: 'ABCD-EFGH' });
    expect(code.status).toBe(429);
  });
});

describe('password spraying: fifty guesses at once from one address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // An hour's window, so that it cannot end (and the count start again) on a slow machine.
    t = await createTestApp({
      loginRateLimit: 1000,
      loginAddressFailureLimit: 10,
      loginRateWindowSeconds: 3600,
    });
  });
  afterAll(() => t.close());

  it('gives a success its point back: twelve good log-ins leave all ten failures', async () => {
    for (let i = 0; i < 12; i++) await t.login('admin', ADMIN_PASSWORD);
  });

  it('lets exactly 10 of 50 concurrent guesses be checked; the other 40 get 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post('/api/auth/login')
          .send({ username: `burst${i}`, password: 'Spring2026!' }),
      ),
    );
    const count = (status: number) => answers.filter((a) => a.status === status).length;
    expect([count(401), count(429)]).toEqual([10, 40]);
    for (const a of answers.filter((r) => r.status === 429))
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('password strength', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it.each(['password', '12345678', 'aaaaaaaa', 'Passw0rd!', 'qwertyuiop'])(
    'refuses %s for a new account and as a new password',
    async (weak) => {
      const created = await t
        .http()
        .post('/api/users')
        .set('authorization', `Bearer ${admin}`)
        .send({ username: 'zhangwei', displayName: '张伟', role: 'staff', password: weak });
      expect(created.status).toBe(400);
      expect(created.body.details).toEqual([
        { field: 'password', errors: [expect.stringContaining('容易被猜到')] },
      ]);
      const changed = await t
        .http()
        .post('/api/auth/password')
        .set('authorization', `Bearer ${admin}`)
        .send({ currentPassword: ADMIN_PASSWORD, newPassword: weak });
      expect(changed.status).toBe(400);
      expect(changed.body.details[0].field).toBe('newPassword');
    },
  );

  it("refuses the account's own name with a few digits", async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({ username: 'zhangwei', displayName: '张伟', role: 'staff', password: 'zhangwei2026' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('password');
  });

  it('accepts a long uncommon phrase', async () => {
    await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'liming',
        displayName: '李明',
        role: 'staff',
        password: 'tea-kettle-river-9',
      })
      .expect(201);
  });
});
