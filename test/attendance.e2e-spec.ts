import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bearer,
  createRoster,
  delegateTokens,
  type RosterFixture,
  userWithRole,
} from './utils/actors.js';
import { feed } from './utils/events.js';
import { circulate, preparedSession } from './utils/live-session.js';
import { connected, createTestApp, type TestApp } from './utils/test-app.js';

describe('check-in and quorum, live', () => {
  let t: TestApp;
  let staff: string;
  let roster: RosterFixture;
  let tokens: Map<string, string>;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    ({ roster, tokens, sessionId } = await preparedSession(t, staff, 6, [
      { kind: 'report', title: '工作报告' },
    ]));
  });
  afterAll(() => t.close());

  const tokenOf = (i: number) => tokens.get(roster.delegates[i]!.id)!;

  it('opens check-in only once the agenda is circulated', async () => {
    const early = await t
      .http()
      .post(`/api/sessions/${sessionId}/check-in`)
      .set(bearer(tokenOf(0)));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ATTENDANCE_NOT_OPEN');
    await circulate(t, staff, sessionId);
  });

  it('broadcasts attendance and quorum to the room as tablets check in, staff check others in and record absences', async () => {
    const watcher = t.socket(tokenOf(5));
    await connected(watcher);
    const joined = await watcher.emitWithAck('session:join', { sessionId });
    expect(joined).toMatchObject({
      ok: true,
      attendance: { total: 6, present: 0, quorum: { reached: false, required: 4 } },
    });

    const updates = feed<{ present: number; quorum: { reached: boolean } }>(watcher, 'attendance');

    for (const i of [0, 1]) {
      const s = t.socket(tokenOf(i));
      await connected(s);
      const ack = await s.emitWithAck('session:check-in', { sessionId });
      expect(ack.ok).toBe(true);
      s.disconnect();
    }
    // Checking in twice changes nothing.
    const twice = await t
      .http()
      .post(`/api/sessions/${sessionId}/check-in`)
      .set(bearer(tokenOf(0)))
      .expect(200);
    expect(twice.body.present).toBe(2);

    await t
      .http()
      .post(`/api/sessions/${sessionId}/attendance/${roster.delegates[2]!.id}`)
      .set(bearer(staff))
      .send({ status: 'present' })
      .expect(200);
    const noReason = await t
      .http()
      .post(`/api/sessions/${sessionId}/attendance/${roster.delegates[3]!.id}`)
      .set(bearer(staff))
      .send({ status: 'absent' });
    expect(noReason.body.code).toBe('ATTENDANCE_REASON_REQUIRED');
    await t
      .http()
      .post(`/api/sessions/${sessionId}/attendance/${roster.delegates[3]!.id}`)
      .set(bearer(staff))
      .send({ status: 'absent', reason: '病假' })
      .expect(200);
    const reached = await t
      .http()
      .post(`/api/sessions/${sessionId}/check-in`)
      .set(bearer(tokenOf(4)))
      .expect(200);
    expect(reached.body).toMatchObject({
      total: 6,
      present: 4,
      absentWithReason: 1,
      notCheckedIn: 1,
      quorum: { reached: true, required: 4 },
    });

    // The room hears at most every 250 ms, always the latest counts, rising to the final 4.
    const last = await updates.until((u) => u.present === 4);
    expect(last.quorum.reached).toBe(true);
    const seen = updates.seen.map((u) => u.present);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('follows a recall at once: the base shrinks and the quorum is recounted', async () => {
    await t
      .http()
      .post(`/api/delegates/${roster.delegates[5]!.id}/status`)
      .set(bearer(staff))
      .send({ status: 'recalled', reason: '罢免' })
      .expect(200);
    const summary = await t
      .http()
      .get(`/api/sessions/${sessionId}/attendance/summary`)
      .set(bearer(tokenOf(0)))
      .expect(200);
    expect(summary.body).toMatchObject({
      total: 5,
      present: 4,
      notCheckedIn: 0,
      quorum: { required: 4, reached: true },
    });
  });

  it('shows names and reasons to staff only', async () => {
    const list = await t
      .http()
      .get(`/api/sessions/${sessionId}/attendance`)
      .set(bearer(staff))
      .expect(200);
    expect(
      list.body.find((r: { delegateId: string }) => r.delegateId === roster.delegates[3]!.id),
    ).toMatchObject({
      status: 'absent',
      reason: '病假',
      method: 'staff',
    });
    expect(
      (
        await t
          .http()
          .get(`/api/sessions/${sessionId}/attendance`)
          .set(bearer(tokenOf(0)))
      ).status,
    ).toBe(403);
    const summary = await t
      .http()
      .get(`/api/sessions/${sessionId}/attendance/summary`)
      .set(bearer(tokenOf(0)))
      .expect(200);
    expect(JSON.stringify(summary.body)).not.toContain('病假');
  });

  it('keeps outsiders out of the room, with a code and the connection kept', async () => {
    // A delegate of another term (with an employee number of its own: accounts follow the number).
    const other = await createRoster(t, staff, 0, ['外部代表团']);
    const seat = await t
      .http()
      .post(`/api/terms/${other.termId}/delegates`)
      .set(bearer(staff))
      .send({
        name: '外部代表',
        employeeNumber: 'X9001',
        gender: 'male',
        groupId: other.groupIds[0],
        category: 'front_line',
      })
      .expect(201);
    const outsider = (await delegateTokens(t, staff, other.termId, [seat.body.id])).get(
      seat.body.id,
    )!;
    const s = t.socket(outsider);
    await connected(s);
    const ack = await s.emitWithAck('session:join', { sessionId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'ATTENDANCE_NO_SEAT' } });
    const bad = await s.emitWithAck('session:join', { sessionId: 42 });
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(s.connected).toBe(true);
  });
});
