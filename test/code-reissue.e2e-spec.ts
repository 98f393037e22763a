import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttendanceSummary, Incident } from '../libs/contracts/src/index.js';
import { bearer, createRoster, delegateTokens, userWithRole } from './utils/actors.js';
import { feed } from './utils/events.js';
import { type LiveSession, liveSession } from './utils/live-session.js';
import { ADMIN_PASSWORD, connected, createTestApp, type TestApp } from './utils/test-app.js';

/**
 * Issue 16, item 2: an admin could reset a delegate's password, log in as the delegate and vote.
 * Seats get no password resets, only new log-in codes; during a session a new code for a
 * checked-in delegate is asked for by staff, approved by a presidium member or a teller of the
 * term (on their tablet, or in person with another staff member recording it), issued once by
 * staff, shown on the console and to the term's approvers, and listed for the minutes.
 */
describe('no password resets for seats; a re-issued code mid-session takes a presidium member or teller', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let staff2: string;
  let live: LiveSession;
  /** A presidium member of another term (its 7th seat: no seat in this term). */
  let stranger: string;

  // 代表1 lost the tablet; 代表2 is on the presidium, 代表3 a teller, 代表4 neither; all four
  // checked in. 代表5 checks in during the tests, 代表6 never does.
  const seat = (i: number) => live.roster.delegates[i]!;
  const token = (i: number) => live.tokens.get(seat(i).id)!;
  const me = (tok: string) => t.http().get('/api/auth/me').set(bearer(tok));
  const ask = (reason: string, by = staff) =>
    t
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(by))
      .send({ delegateId: seat(0).id, reason })
      .expect(201)
      .then((r) => r.body as Incident);
  const post = (path: string, tok: string, body: object = {}) =>
    t.http().post(`/api/code-reissues/${path}`).set(bearer(tok)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
    staff = await userWithRole(t, 'staff');
    staff2 = await userWithRole(t, 'staff', 'staff2');
    live = await liveSession(t, staff, 6, 4, [{ kind: 'report', title: '工作报告' }]);
    for (const [i, flags] of [
      [1, { presidium: true }],
      [2, { teller: true }],
    ] as const)
      await t
        .http()
        .patch(`/api/delegates/${seat(i).id}`)
        .set(bearer(staff))
        .send(flags)
        .expect(200);
    const other = await createRoster(t, staff, 7);
    await t
      .http()
      .patch(`/api/delegates/${other.delegates[6]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    stranger = (await delegateTokens(t, staff, other.termId, [other.delegates[6]!.id]))
      .values()
      .next().value!;
  }, 120_000);
  afterAll(() => t.close());

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
    await me(token(0)).expect(200);
  });

  it('issues codes as before to a seat not checked in, and refuses one checked in', async () => {
    const issue = (delegateIds: string[]) =>
      t
        .http()
        .post(`/api/terms/${live.roster.termId}/login-codes`)
        .set(bearer(staff))
        .send({ delegateIds, format: 'json', replaceLiveCodes: true });
    await issue([seat(5).id]).expect(200);
    const refused = await issue([seat(0).id, seat(5).id]).expect(409);
    expect(refused.body).toMatchObject({
      code: 'ROSTER_REISSUE_NEEDS_APPROVAL',
      details: { delegateIds: [seat(0).id] },
    });
    await me(token(0)).expect(200);
  });

  it('a presidium member approves on the tablet (no code); staff issue once; the old tablet is out', async () => {
    const presidium = t.socket(token(1));
    const ordinary = t.socket(token(3));
    const lost = t.socket(token(0));
    await Promise.all([connected(presidium), connected(ordinary), connected(lost)]);
    const toPresidium = feed<Incident>(presidium, 'incident');
    const toOrdinary = feed<Incident>(ordinary, 'incident');
    const attendance = feed<AttendanceSummary>(ordinary, 'attendance');
    const lostClosed = new Promise<string>((r) => lost.once('disconnect', r));
    await ordinary.emitWithAck('session:join', { sessionId: live.sessionId });

    const asked = await ask('平板遗失');
    expect(asked).toMatchObject({
      sessionId: live.sessionId,
      kind: 'login_code_reissue',
      status: 'requested',
      delegateId: seat(0).id,
      delegateName: '代表1',
      reason: '平板遗失',
      requestedBy: { displayName: 'staff' },
      decidedBy: null,
      approver: null,
      codeIssuedAt: null,
    });
    // The presidium member's tablet hears of it; an ordinary delegate's does not: the ordinary
    // socket receives a later event (the session's attendance after 代表5 checks in) first.
    await toPresidium.until((i) => i.id === asked.id && i.status === 'requested');
    await t
      .http()
      .post(`/api/sessions/${live.sessionId}/check-in`)
      .set(bearer(token(4)))
      .expect(200);
    await attendance.until((a) => a.present === 5);
    expect(toOrdinary.seen).toEqual([]);

    // The waiting list: for the presidium member, not for an ordinary delegate.
    const waiting = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/code-reissues/waiting`)
      .set(bearer(token(1)))
      .expect(200);
    expect((waiting.body as Incident[]).map((i) => i.id)).toEqual([asked.id]);
    const notHis = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/code-reissues/waiting`)
      .set(bearer(token(3)))
      .expect(403);
    expect(notHis.body.code).toBe('ROSTER_REISSUE_NOT_APPROVER');

    // Nobody else approves: not an ordinary delegate, an admin, the delegate concerned, another
    // term's presidium member, nor staff on a tablet's route; nothing is issued before approval.
    expect((await post(`${asked.id}/approve`, token(3)).expect(403)).body.code).toBe(
      'ROSTER_REISSUE_NOT_APPROVER',
    );
    await post(`${asked.id}/approve`, admin).expect(403);
    await post(`${asked.id}/approve`, staff2).expect(403);
    expect((await post(`${asked.id}/approve`, token(0)).expect(403)).body.code).toBe(
      'ROSTER_REISSUE_OWN_CODE',
    );
    expect((await post(`${asked.id}/approve`, stranger).expect(403)).body.code).toBe(
      'ROSTER_REISSUE_NOT_APPROVER',
    );
    expect((await post(`${asked.id}/issue`, staff).expect(409)).body.code).toBe(
      'ROSTER_REISSUE_NOT_APPROVED',
    );
    await me(token(0)).expect(200);

    const approved = await post(`${asked.id}/approve`, token(1)).expect(200);
    expect(approved.body).toMatchObject({
      id: asked.id,
      status: 'approved',
      decidedBy: { displayName: '代表2' },
      approver: { delegateId: seat(1).id, name: '代表2', role: 'presidium' },
      decidedVia: 'tablet',
      codeIssuedAt: null,
    });
    // The tablet's answer holds no code: the code is the delegate's vote.
    expect(JSON.stringify(approved.body)).not.toMatch(/"code"|username/);
    await toPresidium.until((i) => i.id === asked.id && i.status === 'approved');
    await me(token(0)).expect(200);
    expect((await post(`${asked.id}/approve`, token(2)).expect(409)).body.code).toBe(
      'ROSTER_REISSUE_DECIDED',
    );

    // Any staff member issues it (here the one who asked), once.
    const issued = await post(`${asked.id}/issue`, staff).expect(200);
    expect(issued.body.incident).toMatchObject({
      status: 'approved',
      codeIssuedAt: expect.any(String),
    });
    expect(issued.body.code).toEqual(expect.any(String));
    expect((await post(`${asked.id}/issue`, staff2).expect(409)).body.code).toBe(
      'ROSTER_REISSUE_ISSUED',
    );
    await toPresidium.until((i) => i.id === asked.id && i.codeIssuedAt !== null);
    // The lost tablet is logged out and its socket closed; the new code logs the delegate in once.
    await me(token(0)).expect(401);
    await lostClosed;
    const login = await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: issued.body.username, code: issued.body.code })
      .expect(200);
    live.tokens.set(seat(0).id, login.body.accessToken as string);
  });

  it('a teller approves on the tablet too; staff record an in-person approval (code returned)', async () => {
    const byTeller = await ask('更换平板');
    await post(`${byTeller.id}/approve`, token(2))
      .expect(200)
      .expect((r) => expect(r.body.approver).toMatchObject({ name: '代表3', role: 'teller' }));
    await post(`${byTeller.id}/issue`, staff2).expect(200);

    const inPerson = await ask('平板没电');
    const approvers = await t
      .http()
      .get(`/api/code-reissues/${inPerson.id}/approvers`)
      .set(bearer(staff2))
      .expect(200);
    expect(approvers.body).toEqual([
      {
        delegateId: seat(1).id,
        name: '代表2',
        employeeNumber: seat(1).employeeNumber,
        role: 'presidium',
      },
      {
        delegateId: seat(2).id,
        name: '代表3',
        employeeNumber: seat(2).employeeNumber,
        role: 'teller',
      },
    ]);
    const record = (by: string, approverDelegateId: string) =>
      post(`${inPerson.id}/approve-in-person`, by, { approverDelegateId });
    // The one who asked cannot record it; the named person must be a presidium member or teller
    // of the term, and not the delegate concerned.
    expect((await record(staff, seat(1).id).expect(403)).body.code).toBe(
      'ROSTER_REISSUE_SAME_PERSON',
    );
    for (const wrong of [seat(3).id, seat(0).id])
      expect((await record(staff2, wrong).expect(400)).body.code).toBe(
        'ROSTER_REISSUE_APPROVER_INVALID',
      );
    await post(`${inPerson.id}/approve-in-person`, staff2, { approverDelegateId: 'x' }).expect(400);
    await post(`${inPerson.id}/approve-in-person`, admin, {
      approverDelegateId: seat(1).id,
    }).expect(403);
    const done = await record(staff2, seat(1).id).expect(200);
    expect(done.body.incident).toMatchObject({
      status: 'approved',
      decidedBy: { displayName: 'staff2' },
      approver: { name: '代表2', role: 'presidium' },
      decidedVia: 'recorded',
      codeIssuedAt: expect.any(String),
    });
    expect(done.body.code).toEqual(expect.any(String));
    await me(token(0)).expect(401);
  });

  it('refusals on the tablet and recorded by staff; the session lists every incident', async () => {
    const a = await ask('平板遗失（重复）');
    await post(`${a.id}/refuse`, token(2)).expect(200);
    const b = await ask('误报', staff2);
    expect((await post(`${b.id}/refuse`, staff).expect(400)).body.code).toBe(
      'ROSTER_REISSUE_APPROVER_INVALID',
    );
    await post(`${b.id}/refuse`, staff, { approverDelegateId: seat(1).id }).expect(200);
    await post(`${b.id}/refuse`, admin, { approverDelegateId: seat(1).id }).expect(403);
    const secretary = await userWithRole(t, 'secretary');
    const list = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/incidents`)
      .set(bearer(secretary))
      .expect(200);
    expect(
      (list.body as Incident[]).map((i) => [
        i.reason,
        i.status,
        i.approver?.name,
        i.decidedVia,
        i.codeIssuedAt !== null,
      ]),
    ).toEqual([
      ['平板遗失', 'approved', '代表2', 'tablet', true],
      ['更换平板', 'approved', '代表3', 'tablet', true],
      ['平板没电', 'approved', '代表2', 'recorded', true],
      ['平板遗失（重复）', 'refused', '代表3', 'tablet', false],
      ['误报', 'refused', '代表2', 'recorded', false],
    ]);
  });

  it('does not take a request for a seat that is not checked in (no approval needed)', async () => {
    const res = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(staff))
      .send({ delegateId: seat(5).id, reason: '平板遗失' })
      .expect(409);
    expect(res.body.code).toBe('ROSTER_REISSUE_NOT_NEEDED');
  });

  it('the database writes a decision once, then only the code issue time of an approval, once', async () => {
    const waiting = await ask('平板故障');
    const id = [waiting.id];
    const row = `WHERE id = $1`;
    // A decision needs its presidium member or teller, who is not the delegate concerned.
    await expect(
      t.sql(
        `UPDATE session_incidents SET status = 'approved', decided_at = now(),
           decided_by = (SELECT user_id FROM delegates WHERE id = $2) ${row}`,
        [...id, seat(1).id],
      ),
    ).rejects.toThrow(/session_incidents_decided_by_congress/);
    await expect(
      t.sql(
        `UPDATE session_incidents SET status = 'approved', decided_at = now(),
           decided_by = (SELECT user_id FROM delegates WHERE id = $2),
           decided_by_delegate_id = delegate_id, approver_role = 'presidium', decided_via = 'tablet' ${row}`,
        [...id, seat(1).id],
      ),
    ).rejects.toThrow(/approver_not_concerned/);
    await post(`${waiting.id}/approve`, token(1)).expect(200);
    // Approved: nothing but the issue time may change, and that only once.
    for (const change of [
      `decided_at = now()`,
      `decided_via = 'recorded'`,
      `status = 'refused'`,
      `reason = 'x'`,
      `code_issued_at = now(), decided_at = now()`,
    ])
      await expect(t.sql(`UPDATE session_incidents SET ${change} ${row}`, id)).rejects.toThrow(
        /only a request's one decision/,
      );
    await t.sql(`UPDATE session_incidents SET code_issued_at = now() ${row}`, id);
    await expect(
      t.sql(`UPDATE session_incidents SET code_issued_at = now() ${row}`, id),
    ).rejects.toThrow(/code issue time once/);
    // A refusal gets no issue time; nothing is deleted.
    await expect(
      t.sql(`UPDATE session_incidents SET code_issued_at = now() WHERE status = 'refused'`),
    ).rejects.toThrow(/code issue time once/);
    await expect(t.sql(`DELETE FROM session_incidents`)).rejects.toThrow();
  });
});
