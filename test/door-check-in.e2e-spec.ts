import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createRoster, userWithRole } from './utils/actors.js';
import { issueCards } from './utils/cards.js';
import { feed } from './utils/events.js';
import { circulate, type LiveSession, preparedSession } from './utils/live-session.js';
import { connected, createTestApp, type TestApp } from './utils/test-app.js';

describe('代表证: printed cards and check-in at the door by scanning them', () => {
  let t: TestApp;
  let staff: string;
  let secretary: string;
  let live: LiveSession;
  let codes: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    secretary = await userWithRole(t, 'secretary');
    live = await preparedSession(t, staff, 5, [{ kind: 'report', title: '工作报告' }]);
    ({ codes } = await issueCards(t, staff, live.roster.termId));
  });
  afterAll(() => t.close());

  const scan = (code: string, token = staff, sessionId = live.sessionId) =>
    t.http().post(`/api/sessions/${sessionId}/attendance/card`).set(bearer(token)).send({ code });
  const delegateToken = (i: number) => live.tokens.get(live.roster.delegates[i]!.id)!;

  it('prints one card per serving seat with a 证号 and a QR code, and stores only hashes', async () => {
    expect([...codes.keys()].sort()).toEqual(['代表1', '代表2', '代表3', '代表4', '代表5']);
    const rows = await t.sql<{ code_hash: string }>(
      `SELECT code_hash FROM delegate_cards WHERE revoked_at IS NULL`,
    );
    expect(rows).toHaveLength(5);
    for (const code of codes.values()) {
      expect(rows.map((r) => r.code_hash)).not.toContain(code);
      expect(rows.map((r) => r.code_hash)).not.toContain(code.replace('-', ''));
    }
  });

  it('is for staff only, and is not a log-in credential', async () => {
    const code = codes.get('代表1')!;
    expect((await scan(code, secretary)).status).toBe(403);
    expect((await scan(code, delegateToken(0))).status).toBe(403);
    const noToken = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/attendance/card`)
      .send({ code });
    expect(noToken.status).toBe(401);
    const print = await t
      .http()
      .post(`/api/terms/${live.roster.termId}/delegate-cards`)
      .set(bearer(delegateToken(0)))
      .send({});
    expect(print.status).toBe(403);
    const asLoginCode = await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: live.roster.delegates[0]!.username, code });
    expect(asLoginCode.status).toBe(401);
  });

  it('refuses before check-in opens, like every other check-in path', async () => {
    const early = await scan(codes.get('代表1')!);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ATTENDANCE_NOT_OPEN');
    await circulate(t, staff, live.sessionId);
  });

  it('checks the seat in, says so once, and the room hears the new count', async () => {
    const watcher = t.socket(delegateToken(4));
    await connected(watcher);
    await watcher.emitWithAck('session:join', { sessionId: live.sessionId });
    const updates = feed<{ present: number }>(watcher, 'attendance');

    const first = await scan(`congress-card:${codes.get('代表1')!.replace('-', '')}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      result: 'checked_in',
      delegate: { id: live.roster.delegates[0]!.id, name: '代表1', groupName: '第一代表团' },
      summary: { present: 1, total: 5 },
    });
    await updates.until((u) => u.present === 1);

    // Typed by hand from the card: lower case, with its dash; the second time changes nothing.
    const again = await scan(codes.get('代表1')!.toLowerCase());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ result: 'already_checked_in', summary: { present: 1 } });
    watcher.disconnect();

    const list = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/attendance`)
      .set(bearer(staff))
      .expect(200);
    const row = (list.body as { delegateId: string; method: string; status: string }[]).find(
      (r) => r.delegateId === live.roster.delegates[0]!.id,
    );
    expect(row).toMatchObject({ status: 'present', method: 'card' });
  });

  it('turns an absence on record into presence, as the tablet does', async () => {
    await t
      .http()
      .post(`/api/sessions/${live.sessionId}/attendance/${live.roster.delegates[1]!.id}`)
      .set(bearer(staff))
      .send({ status: 'absent', reason: '事假' })
      .expect(200);
    const res = await scan(codes.get('代表2')!);
    expect(res.body).toMatchObject({
      result: 'checked_in',
      summary: { present: 2, absentWithReason: 0 },
    });
  });

  it('writes the staff user into the audit log', async () => {
    const rows = await t.sql<{ actor_username: string; target: string; details: unknown }>(
      `SELECT actor_username, target, details FROM audit_log
        WHERE action = 'attendance.card-check-in' ORDER BY id`,
    );
    expect(rows.map((r) => [r.actor_username, r.target])).toEqual([
      ['staff', `delegate:${live.roster.delegates[0]!.id}`],
      ['staff', `delegate:${live.roster.delegates[0]!.id}`],
      ['staff', `delegate:${live.roster.delegates[1]!.id}`],
    ]);
    expect(rows[1]!.details).toEqual({ sessionId: live.sessionId, checkedIn: false });
  });

  it('refuses a forged or malformed code with 404 and an empty one with 400', async () => {
    const forged = await scan('congress-card:7KQ2M9XF4T');
    expect(forged.status).toBe(404);
    expect(forged.body.code).toBe('ATTENDANCE_CARD_UNKNOWN');
    const garbage = await scan('https://example.com/not-a-card');
    expect(garbage.status).toBe(404);
    expect(garbage.body.code).toBe('ATTENDANCE_CARD_UNKNOWN');
    const empty = await scan('');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
  });

  it("refuses another term's card: not a delegate of this session", async () => {
    const other = await createRoster(t, staff, 1, ['外届代表团']);
    const { codes: otherCodes } = await issueCards(t, staff, other.termId);
    const res = await scan(otherCodes.get('代表1')!);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'ATTENDANCE_CARD_OTHER_TERM',
      message: '不是本次会议的代表',
      details: { delegate: { name: '代表1', groupName: '外届代表团' } },
    });
  });

  it('refuses the card of a recalled delegate', async () => {
    await t
      .http()
      .post(`/api/delegates/${live.roster.delegates[2]!.id}/status`)
      .set(bearer(staff))
      .send({ status: 'recalled', reason: '罢免' })
      .expect(200);
    const res = await scan(codes.get('代表3')!);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ATTENDANCE_CARD_SEAT_ENDED',
      details: { status: 'recalled', delegate: { name: '代表3' } },
    });
  });

  it('a reprinted card revokes the old one', async () => {
    const seat = live.roster.delegates[3]!.id;
    const reprint = await issueCards(t, staff, live.roster.termId, [seat]);
    expect(reprint.revoked).toBe(1);
    expect([...reprint.codes.keys()]).toEqual(['代表4']);
    expect((await scan(codes.get('代表4')!)).body.code).toBe('ATTENDANCE_CARD_UNKNOWN');
    expect((await scan(reprint.codes.get('代表4')!)).body.result).toBe('checked_in');
  });
});
