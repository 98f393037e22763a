import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SOCKET_RATE_LIMIT } from '../apps/api/src/realtime/socket-rate-limit.js';
import { userWithRole } from './utils/actors.js';
import { feed } from './utils/events.js';
import { ADMIN_PASSWORD, connected, createTestApp, type TestApp } from './utils/test-app.js';

/**
 * Issue 16, finding 7: 2,000 events from one socket slowed every other tablet and the flooder
 * stayed connected. Each socket now has a token bucket: over it, an event is answered
 * TOO_MANY_REQUESTS without being handled, and a socket that keeps on is closed.
 */
describe('per-socket rate limit', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('answers a burst over the limit with TOO_MANY_REQUESTS, in the ack and as an exception', async () => {
    const s = t.socket(staff);
    await connected(s);
    const acks = await Promise.all(
      Array.from({ length: SOCKET_RATE_LIMIT.burst * 2 }, () =>
        s.timeout(10_000).emitWithAck('ping'),
      ),
    );
    const refused = acks.filter((a: { ok?: boolean }) => a.ok === false);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_REQUESTS', details: { retryAfterMs: expect.any(Number) } },
    });
    // Without an acknowledgement the refusal comes as an `exception` event naming the event.
    const exceptions = feed<{ code: string; event: string }>(s, 'exception');
    for (let i = 0; i < SOCKET_RATE_LIMIT.burst; i++) s.emit('agenda:inbox', {});
    expect(await exceptions.until((e) => e.code === 'TOO_MANY_REQUESTS')).toMatchObject({
      event: 'agenda:inbox',
    });
    expect(s.connected).toBe(true);
  });

  it('closes a flooding socket while another socket is still answered', async () => {
    const flooder = t.socket(staff);
    const tablet = t.socket(admin);
    await Promise.all([connected(flooder), connected(tablet)]);
    const closed = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    for (let i = 0; i < 2_000; i++) flooder.emit('ping', () => undefined);
    // The other socket keeps being served during and after the flood.
    const during = await tablet.timeout(10_000).emitWithAck('ping');
    expect(during).toMatchObject({ role: 'admin' });
    expect(await closed).toBe('io server disconnect');
    const after = await tablet.timeout(10_000).emitWithAck('ping');
    expect(after).toMatchObject({ role: 'admin' });
    expect(tablet.connected).toBe(true);
  });
});
