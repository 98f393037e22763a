import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './utils/actors.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from './utils/test-app.js';

/**
 * Behind the TLS proxy of docs/security.md every connection comes from the proxy. The client's
 * address is taken from X-Forwarded-For only when TRUST_PROXY names the proxy; otherwise the
 * header is whatever a client wrote, and ignored.
 */
const LIMITS = { loginRateLimit: 1000, loginAddressFailureLimit: 2, loginRateWindowSeconds: 3600 };

const guess = (t: TestApp, from: string) =>
  t
    .http()
    .post('/api/auth/login')
    .set('x-forwarded-for', from)
    .send({ username: 'nobody', password: 'wrong-guess-1' });

/** Logs the admin in with the given X-Forwarded-For; the address the audit log wrote for it. */
async function auditedAddress(t: TestApp, forwardedFor: string): Promise<string> {
  const res = await t
    .http()
    .post('/api/auth/login')
    .set('x-forwarded-for', forwardedFor)
    .send({ username: 'admin', password: ADMIN_PASSWORD })
    .expect(200);
  const audit = await t
    .http()
    .get('/api/audit?limit=1')
    .set(bearer(res.body.accessToken))
    .expect(200);
  expect(audit.body[0].action).toBe('auth.login');
  return audit.body[0].ip;
}

describe('X-Forwarded-For without TRUST_PROXY (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(LIMITS);
  });
  afterAll(() => t.close());

  it('is ignored: the audit log has the connection address', async () => {
    const ip = await auditedAddress(t, '203.0.113.7');
    expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('is ignored by the per-address limit: a forged header does not make a new address', async () => {
    expect((await guess(t, '198.51.100.1')).status).toBe(401);
    expect((await guess(t, '198.51.100.2')).status).toBe(401);
    expect((await guess(t, '198.51.100.3')).status).toBe(429);
  });
});

describe('X-Forwarded-For with TRUST_PROXY naming the proxy (loopback)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ...LIMITS, trustProxy: ['loopback'] });
  });
  afterAll(() => t.close());

  it("gives the client's address to the audit log: the one the proxy appended", async () => {
    expect(await auditedAddress(t, '203.0.113.7')).toBe('203.0.113.7');
    // What a client wrote before the proxy appended its address is not believed.
    expect(await auditedAddress(t, '192.0.2.66, 203.0.113.8')).toBe('203.0.113.8');
  });

  it('counts failures per client behind the proxy: one spent address does not lock out the hall', async () => {
    expect((await guess(t, '198.51.100.1')).status).toBe(401);
    expect((await guess(t, '198.51.100.1')).status).toBe(401);
    const spent = await guess(t, '198.51.100.1');
    expect(spent.status).toBe(429);
    expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
    expect((await guess(t, '198.51.100.2')).status).toBe(401);
  });
});
