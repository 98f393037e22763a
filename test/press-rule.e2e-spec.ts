import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Ballot,
  ballotShape,
  checkReceipt,
  type ElectionRecordV2,
  encryptBallot,
  marks,
  type RecordReportV2,
  verifyElectionRecordV2,
} from '../libs/ballot/src/index.js';
import type {
  OpenPollView,
  PollView,
  Receipt,
  SignedReceipt,
} from '../libs/contracts/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { feed } from './utils/events.js';
import { liveSession, type LiveSession, watcherSocket } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

const LAST = '审议通过《集体合同（草案）》';
const FIRST = '审议通过《女职工权益保护专项集体合同》';
const NAMED = '审议决定：会议议程';
const HELD = '审议通过《工资集体协商方案》';
const NEXT = '审议通过《劳动安全卫生专项集体合同》';

const FOR = marks(3, 0);
const AGAINST = marks(3, 1);
const ABSTAIN = marks(3, 2);

function failure(report: RecordReportV2) {
  expect(report.ok).toBe(false);
  return { check: report.firstFailure?.name, code: report.firstFailure?.error?.code };
}

/**
 * GB 50799 §6.2, chosen per poll: first or last press counts (a delegate may change a ballot until
 * the close, the older kept on the board marked superseded), and the result shown at once or held
 * until the chair releases it.
 */
describe('first or last press counts; results shown at once or held for the chair', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    // 5 delegates, 4 checked in (quorum 4 of 5).
    live = await liveSession(t, staff, 5, 4, [
      { kind: 'approve', title: LAST },
      { kind: 'approve', title: FIRST },
      { kind: 'decide', title: NAMED },
      { kind: 'approve', title: HELD },
      { kind: 'approve', title: NEXT },
    ]);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
  });
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await t.close();
  });

  const open = (title: string, body: object) =>
    t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title], keyMode: 'custodian', ...body });
  const close = async (id: string) =>
    (await t.http().post(`/api/polls/${id}/close`).set(bearer(staff)).expect(200)).body as PollView;
  const tokenOf = (i: number) => live.tokens.get(live.roster.delegates[i]!.id)!;

  /** A tablet's encrypted ballot for the open poll (what BallotFlow makes), not yet cast. */
  async function encrypt(i: number, pollId: string, choice: number[]): Promise<Ballot> {
    const state = await tablets[i]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    const poll = (state.open as OpenPollView[]).find((p) => p.id === pollId)!;
    return encryptBallot({
      key: poll.electionKey!,
      shape: ballotShape(poll.pollSpec),
      voter: poll.voter!,
      choices: [choice],
    }).ballot;
  }
  async function cast(i: number, pollId: string, payload: object) {
    return tablets[i]!.emitWithAck('poll:cast', { pollId, ...payload }) as Promise<{
      ok: boolean;
      receipt?: Receipt;
      error?: { code: string };
    }>;
  }

  let lastRecord: ElectionRecordV2;
  const firstReceipts: SignedReceipt[] = [];

  it('refuses a press rule or a release mode it does not know, naming the field', async () => {
    for (const body of [{ pressRule: 'middle' }, { resultRelease: 'later' }]) {
      const res = await open(LAST, body).expect(400);
      const field = Object.keys(body)[0];
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it("with 'last' a delegate changes a secret ballot twice; each change is a new receipt, the last counts", async () => {
    const res = await open(LAST, { pressRule: 'last' }).expect(201);
    const poll = res.body as PollView;
    expect(poll.pressRule).toBe('last');
    expect(poll.resultRelease).toBe('immediate');
    const turnouts = feed<{ pollId: string; cast: number }>(
      await watcherSocket(t, staff, live.sessionId),
      'poll:turnout',
    );

    // Delegate 0: 赞成, then 反对, then 弃权; the same ballot sent twice gets the same receipt.
    const b1 = await encrypt(0, poll.id, FOR);
    const r1 = await cast(0, poll.id, { ballot: b1 });
    const again = await cast(0, poll.id, { ballot: b1 });
    expect(again.receipt).toEqual(r1.receipt);
    const r2 = await cast(0, poll.id, { ballot: await encrypt(0, poll.id, AGAINST) });
    const r3 = await cast(0, poll.id, { ballot: await encrypt(0, poll.id, ABSTAIN) });
    for (const r of [r1, r2, r3]) expect(r.ok).toBe(true);
    const receipts = [r1, r2, r3].map((r) => r.receipt as SignedReceipt);
    expect(receipts.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(new Set(receipts.map((r) => r.tracker)).size).toBe(3);
    firstReceipts.push(receipts[0]!);
    // Others vote once: 赞成 and 反对.
    expect((await cast(1, poll.id, { ballot: await encrypt(1, poll.id, FOR) })).ok).toBe(true);
    expect((await cast(2, poll.id, { ballot: await encrypt(2, poll.id, AGAINST) })).ok).toBe(true);

    // Turnout counts delegates (3), not the board's five ballots.
    await turnouts.until((x) => x.pollId === poll.id && x.cast === 3);
    expect(turnouts.seen.every((x) => x.cast <= 3)).toBe(true);
    const rows = await t.sql<{ position: number; superseded_by: number | null }>(
      `SELECT position, superseded_by FROM poll_ballots WHERE poll_id = $1 ORDER BY position`,
      [poll.id],
    );
    expect(rows.map((r) => r.superseded_by)).toEqual([2, 3, null, null, null]);
    // A superseded mark is written once: the database refuses to move it.
    await expect(
      t.sql(`UPDATE poll_ballots SET superseded_by = 5 WHERE poll_id = $1 AND position = 1`, [
        poll.id,
      ]),
    ).rejects.toThrow(/final/);
    // After a reconnect the tablet gets the receipt of its current ballot only.
    const state = await tablets[0]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    const mine = (state.receipts as Receipt[]).filter((r) => r.pollId === poll.id);
    expect(mine.map((r) => r.tracker)).toEqual([receipts[2]!.tracker]);

    const decided = await close(poll.id);
    expect(decided.result?.counts).toEqual([[1, 1, 1]]);
    expect(decided.result).toMatchObject({
      issued: 4,
      returned: 3,
      void: false,
      ballots: { cast: 5, counted: 3, excluded: 2 },
    });
    expect(decided.result?.exclusions.map((x) => [x.board, x.reason])).toEqual([
      ['1', 'SUPERSEDED'],
      ['2', 'SUPERSEDED'],
    ]);
    // The close wrote each excluded ballot's reason on its board row, in the same statement as
    // the result, and on no other row.
    const marked = await t.sql<{ exclusion: string | null }>(
      `SELECT exclusion FROM poll_ballots WHERE poll_id = $1 ORDER BY position`,
      [poll.id],
    );
    expect(marked.map((r) => r.exclusion)).toEqual(['SUPERSEDED', 'SUPERSEDED', null, null, null]);

    const record = (await t.http().get(`/api/public/polls/${poll.id}/record`).expect(200))
      .body as ElectionRecordV2;
    expect(record.poll.recast).toBe('last-counts');
    expect(record.board.entries).toHaveLength(5);
    expect(record.exclusions).toEqual([
      { position: 1, reason: 'SUPERSEDED', by: 3 },
      { position: 2, reason: 'SUPERSEDED', by: 3 },
    ]);
    const report = verifyElectionRecordV2(record);
    expect(report.firstFailure).toBeUndefined();
    expect(report.ok).toBe(true);
    // Each receipt holds against the record; the first two say they were superseded.
    expect(checkReceipt(record, receipts[0]!).exclusion?.reason).toBe('SUPERSEDED');
    expect(checkReceipt(record, receipts[2]!).exclusion).toBeUndefined();
    lastRecord = record;
  });

  it('a record that hides or moves a superseded mark fails verification', () => {
    const hidden = structuredClone(lastRecord);
    hidden.exclusions = [];
    expect(failure(verifyElectionRecordV2(hidden)).check).toBe('exclusions');

    // Counting the first press instead of the last.
    const first = structuredClone(lastRecord);
    first.exclusions = [
      { position: 2, reason: 'SUPERSEDED', by: 1 },
      { position: 3, reason: 'SUPERSEDED', by: 1 },
    ];
    expect(failure(verifyElectionRecordV2(first)).check).toBe('exclusions');

    // Claiming the rule was "first counts" changes the poll's digest, bound into h_0.
    const rule = structuredClone(lastRecord);
    rule.poll.recast = 'once';
    expect(verifyElectionRecordV2(rule).ok).toBe(false);
  });

  it("with 'first' (the default) a different second ballot is refused, the same one gets the same receipt", async () => {
    const res = await open(FIRST, {}).expect(201);
    const poll = res.body as PollView;
    expect(poll.pressRule).toBe('first');
    const b = await encrypt(0, poll.id, FOR);
    const r1 = await cast(0, poll.id, { ballot: b });
    expect((await cast(0, poll.id, { ballot: b })).receipt).toEqual(r1.receipt);
    const changed = await cast(0, poll.id, { ballot: await encrypt(0, poll.id, AGAINST) });
    expect(changed.ok).toBe(false);
    expect(changed.error?.code).toBe('POLL_ALREADY_VOTED');
    const decided = await close(poll.id);
    expect(decided.result?.counts).toEqual([[1, 0, 0]]);
    expect(decided.result?.ballots).toEqual({ cast: 1, counted: 1, excluded: 0 });
  });

  it("with 'last' a named (记名) ballot changes too, back to an earlier choice as well", async () => {
    const res = await open(NAMED, { secret: false, pressRule: 'last' }).expect(201);
    const poll = res.body as PollView;
    const choices = [[FOR], [AGAINST], [FOR]];
    const trackers: string[] = [];
    for (const choice of choices) {
      const r = await cast(3, poll.id, { choice });
      expect(r.ok).toBe(true);
      trackers.push(r.receipt!.tracker);
    }
    // The same choice as the current one is a retry: the same receipt.
    expect((await cast(3, poll.id, { choice: [FOR] })).receipt!.tracker).toBe(trackers[2]);
    expect(new Set(trackers).size).toBe(3);
    expect((await cast(1, poll.id, { choice: [AGAINST] })).ok).toBe(true);
    const decided = await close(poll.id);
    expect(decided.result?.counts).toEqual([[1, 1, 0]]);
    expect(decided.result).toMatchObject({
      issued: 4,
      returned: 2,
      ballots: { cast: 4, counted: 2, excluded: 2 },
    });
    expect(decided.result?.exclusions.map((x) => x.reason)).toEqual(['SUPERSEDED', 'SUPERSEDED']);
  });

  it('a held result reaches no delegate or public route or event until the chair releases it', async () => {
    const res = await open(HELD, { secret: false, resultRelease: 'held' }).expect(201);
    const poll = res.body as PollView;
    expect(poll.resultRelease).toBe('held');
    // Everything the delegates' tablets receive from now on.
    const frames: string[] = [];
    for (const s of tablets)
      s.onAny((event, payload) => frames.push(JSON.stringify([event, payload])));
    const results = feed<PollView>(tablets[4]!, 'poll:result');
    for (const i of [0, 1, 2]) expect((await cast(i, poll.id, { choice: [FOR] })).ok).toBe(true);

    const closed = await close(poll.id);
    // Staff (the console) see the counts, marked held.
    expect(closed.resultHeld).toBe(true);
    expect(closed.result?.counts).toEqual([[3, 0, 0]]);
    const pushed = await results.until((p) => p.id === poll.id);
    expect(pushed).toMatchObject({ resultHeld: true, result: null });

    const hidden = async (token?: string) => {
      const list = await t
        .http()
        .get(`/api/sessions/${live.sessionId}/polls`)
        .set(token ? bearer(token) : {})
        .expect(200);
      return list.body.find((p: PollView) => p.id === poll.id) as PollView;
    };
    expect(await hidden(tokenOf(0))).toMatchObject({ resultHeld: true, result: null });
    expect((await hidden(staff)).result?.counts).toEqual([[3, 0, 0]]);
    const state = await tablets[0]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect((state.decided as PollView[]).find((p) => p.id === poll.id)).toMatchObject({
      resultHeld: true,
      result: null,
    });
    const board = await t.http().get(`/api/public/sessions/${live.sessionId}/results`).expect(200);
    expect(board.body.find((p: PollView) => p.id === poll.id)).toMatchObject({
      resultHeld: true,
      result: null,
    });
    const record = await t.http().get(`/api/public/polls/${poll.id}/record`).expect(409);
    expect(record.body.details.reason).toBe('结果待主持人宣布');
    // No frame any tablet received carries the counts.
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) expect(f).not.toContain('"counts"');

    // Only staff or a presidium member may release it; an immediate poll has nothing to release.
    const notChair = await t
      .http()
      .post(`/api/polls/${poll.id}/release`)
      .set(bearer(tokenOf(1)))
      .expect(403);
    expect(notChair.body.code).toBe('POLL_NOT_PRESIDIUM');
    const immediate = (
      await t.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff))
    ).body.find((p: PollView) => p.title === FIRST) as PollView;
    const notHeld = await t
      .http()
      .post(`/api/polls/${immediate.id}/release`)
      .set(bearer(staff))
      .expect(409);
    expect(notHeld.body.code).toBe('POLL_NOT_HELD');

    await t
      .http()
      .patch(`/api/delegates/${live.roster.delegates[0]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    const released = await t
      .http()
      .post(`/api/polls/${poll.id}/release`)
      .set(bearer(tokenOf(0)))
      .expect(200);
    expect(released.body).toMatchObject({ resultHeld: false, result: { counts: [[3, 0, 0]] } });
    expect(released.body.releasedAt).not.toBeNull();
    // The release goes out to every screen; now every route shows it.
    const out = await results.until((p) => p.id === poll.id && p.result !== null);
    expect(out.result?.counts).toEqual([[3, 0, 0]]);
    expect((await hidden(tokenOf(2))).result?.counts).toEqual([[3, 0, 0]]);
    const after = await t.http().get(`/api/public/sessions/${live.sessionId}/results`).expect(200);
    expect(after.body.find((p: PollView) => p.id === poll.id).result.counts).toEqual([[3, 0, 0]]);
    await t.http().get(`/api/public/polls/${poll.id}/record`).expect(200);
    // Releasing again changes nothing.
    const twice = await t
      .http()
      .post(`/api/polls/${poll.id}/release`)
      .set(bearer(staff))
      .expect(200);
    expect(twice.body.releasedAt).toBe(released.body.releasedAt);
  });

  it("the presidium's view: attendance, every poll with held results, the next item; only for the chair", async () => {
    const refused = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/presidium-view`)
      .set(bearer(tokenOf(1)))
      .expect(403);
    expect(refused.body.code).toBe('POLL_NOT_PRESIDIUM');
    const view = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/presidium-view`)
      .set(bearer(tokenOf(0)))
      .expect(200);
    expect(view.body.attendance).toMatchObject({ total: 5, present: 4 });
    expect(view.body.polls).toHaveLength(4);
    expect(view.body.items.map((i: { title: string }) => i.title)).toEqual([
      LAST,
      FIRST,
      NAMED,
      HELD,
      NEXT,
    ]);
    expect(view.body.nextItemId).toBe(live.items[NEXT]);
  });
});
