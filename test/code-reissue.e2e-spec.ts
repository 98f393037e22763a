import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Incident } from '../libs/contracts/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { feed } from './utils/events.js';
import { type LiveSession, liveSession } from './utils/live-session.js';
import { ADMIN_PASSWORD, connected, createTestApp, type TestApp } from './utils/test-app.js';

/**
 * Issue 16, finding 2: an admin could reset a delegate's password, log in as the delegate and
 * vote. Seats get no password resets, only new log-in codes; during a session a new code for a
 * checked-in delegate takes a second person's approval, is an incident on the console and is
 * listed for the minutes.
 */
describe('no password resets for seats; a re-issued code mid-session takes a second person', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let staff2: string;
  let live: LiveSession;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
    staff = await userWithRole(t, 'staff');
    staff2 = await userWithRole(t, 'staff', 'staff2');
    live = await liveSession(t, staff, 3, 1, [{ kind: 'report', title: '工作报告' }]);
  });
  afterAll(() => t.close());

  const seat = (i: number) => live.roster.delegates[i]!;
  const me = (token: string) => t.http().get('/api/auth/me').set(bearer(token));

  it("refuses an admin's password reset of a delegate's account, which keeps working", async () => {
    const users = await t.http().get('/api/users').set(bearer(admin)).expect(200);
    const account = (users.body as { id: string; username: string }[]).find(
      (u) => u.username === seat(0).username,
    )!;
    const res = await t
      .http()
      .post(`/api/users/${account.id}/password`)
      .set(bearer(admin))
      .send({ password: 'Zhiwei-Dahui-2026!' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('USER_SEAT_ACCOUNT');
    await t
      .http()
      .post('/api/auth/login')
      .send({ username: seat(0).username, password: 'Zhiwei-Dahui-2026!' })
      .expect(401);
    await me(live.tokens.get(seat(0).id)!).expect(200);
  });

  it('issues codes as before to a seat not checked in, and refuses one checked in', async () => {
    const issue = (delegateIds: string[]) =>
      t
        .http()
        .post(`/api/terms/${live.roster.termId}/login-codes`)
        .set(bearer(staff))
        .send({ delegateIds, format: 'json', replaceLiveCodes: true });
    await issue([seat(1).id]).expect(200);
    const refused = await issue([seat(0).id, seat(2).id]).expect(409);
    expect(refused.body).toMatchObject({
      code: 'ROSTER_REISSUE_NEEDS_APPROVAL',
      details: { delegateIds: [seat(0).id] },
    });
    await me(live.tokens.get(seat(0).id)!).expect(200);
  });

  it('asks, shows the console, refuses the asker as approver, approves with a second account', async () => {
    const console2 = t.socket(staff2);
    await connected(console2);
    const incidents = feed<Incident>(console2, 'incident');
    const asked = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(staff))
      .send({ delegateId: seat(0).id, reason: '平板遗失' })
      .expect(201);
    expect(asked.body).toMatchObject({
      sessionId: live.sessionId,
      kind: 'login_code_reissue',
      status: 'requested',
      delegateId: seat(0).id,
      delegateName: '代表1',
      reason: '平板遗失',
      requestedBy: { displayName: 'staff' },
      decidedBy: null,
    });
    await incidents.until((i) => i.id === asked.body.id && i.status === 'requested');

    const self = await t
      .http()
      .post(`/api/code-reissues/${asked.body.id}/approve`)
      .set(bearer(staff))
      .expect(403);
    expect(self.body.code).toBe('ROSTER_REISSUE_SAME_PERSON');
    // Nothing changed yet: the delegate's tablet is still logged in.
    await me(live.tokens.get(seat(0).id)!).expect(200);

    const approved = await t
      .http()
      .post(`/api/code-reissues/${asked.body.id}/approve`)
      .set(bearer(staff2))
      .expect(200);
    expect(approved.body.incident).toMatchObject({
      status: 'approved',
      decidedBy: { displayName: 'staff2' },
    });
    await incidents.until((i) => i.id === asked.body.id && i.status === 'approved');
    // The lost tablet is logged out; the new code logs the delegate in once.
    await me(live.tokens.get(seat(0).id)!).expect(401);
    await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: approved.body.username, code: approved.body.code })
      .expect(200);
    const again = await t
      .http()
      .post(`/api/code-reissues/${asked.body.id}/approve`)
      .set(bearer(admin))
      .expect(409);
    expect(again.body.code).toBe('ROSTER_REISSUE_DECIDED');
  });

  it('an admin may refuse; the session lists every incident for the minutes', async () => {
    const asked = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(staff2))
      .send({ delegateId: seat(0).id, reason: '更换平板' })
      .expect(201);
    await t
      .http()
      .post(`/api/code-reissues/${asked.body.id}/refuse`)
      .set(bearer(admin))
      .expect(200);
    const secretary = await userWithRole(t, 'secretary');
    const list = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/incidents`)
      .set(bearer(secretary))
      .expect(200);
    expect(
      (list.body as Incident[]).map((i) => [i.reason, i.status, i.decidedBy?.displayName]),
    ).toEqual([
      ['平板遗失', 'approved', 'staff2'],
      ['更换平板', 'refused', '系统管理员'],
    ]);
  });

  it('does not take a request for a seat that is not checked in (no approval needed)', async () => {
    const res = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(staff))
      .send({ delegateId: seat(2).id, reason: '平板遗失' })
      .expect(409);
    expect(res.body.code).toBe('ROSTER_REISSUE_NOT_NEEDED');
  });

  it('the database keeps a decided incident as it was', async () => {
    await expect(t.sql(`UPDATE session_incidents SET reason = 'x'`)).rejects.toThrow(
      /only a request's one decision/,
    );
    await expect(t.sql(`DELETE FROM session_incidents`)).rejects.toThrow();
  });
});
