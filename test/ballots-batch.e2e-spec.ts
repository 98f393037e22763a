import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { CastService } from '../apps/api/src/ballots/cast.service.js';
import {
  ballotShape,
  checkReceipt,
  type ElectionKey,
  encryptBallot,
  marks,
  type PollSpec,
  type SignedReceipt,
  verifyElectionRecordV2,
} from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { waitFor } from './utils/events.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

interface OpenPoll {
  id: string;
  pollSpec: PollSpec;
  electionKey: ElectionKey;
  voter: string;
}
type Ack =
  | { ok: true; receipt: SignedReceipt & { tracker: string; position: number } }
  | { ok: false; error: { code: string } };

const DELEGATES = 30;
const LEFT = 28; // checked in when the poll opens, marked absent before casting
const NEVER = 29; // never checked in

/**
 * Group commit: casts that arrive while a batch of the same poll is being committed go together
 * in the next transaction. A test session holds the poll row's lock (as a long batch of another
 * api process would) while every tablet casts at once, so all but the first cast queue and are
 * committed in one batch when the lock is released.
 */
describe('group commit: many casts at once, one transaction, each its own answer', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  let lock: pg.Client;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    live = await liveSession(t, staff, DELEGATES, DELEGATES - 1, [
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
      { kind: 'decide', title: '程序事项' },
    ]);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
    lock = new pg.Client({ connectionString: databaseUrl(t.database) });
    await lock.connect();
  });
  afterAll(async () => {
    await lock?.end();
    tablets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('acknowledges every eligible cast once, refuses the others by name, and keeps the chain whole', async () => {
    const opened = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['审议通过《集体合同（草案）》'], keyMode: 'custodian' })
      .expect(201);
    const pollId = opened.body.id as string;
    const ballotFor = async (i: number, choice: number) => {
      const state = await tablets[i]!.emitWithAck('poll:state', { sessionId: live.sessionId });
      const p = (state.open as OpenPoll[]).find((x) => x.id === pollId)!;
      return encryptBallot({
        key: p.electionKey,
        shape: ballotShape(p.pollSpec),
        voter: p.voter,
        choices: [marks(3, choice)],
      }).ballot;
    };
    const choiceOf = (i: number) => i % 3;
    const ballots = await Promise.all(tablets.map((_, i) => ballotFor(i, choiceOf(i))));
    const otherOf1 = await ballotFor(1, (choiceOf(1) + 1) % 3);
    // Checked in at the opening (its credential was issued), gone before its ballot arrives.
    await t
      .http()
      .post(`/api/sessions/${live.sessionId}/attendance/${live.roster.delegates[LEFT]!.id}`)
      .set(bearer(staff))
      .send({ status: 'absent', reason: '临时离场' })
      .expect(200);

    await lock.query('BEGIN');
    await lock.query('SELECT 1 FROM polls WHERE id = $1 FOR NO KEY UPDATE', [pollId]);
    const cast = (i: number, ballot: unknown) =>
      tablets[i]!.timeout(60_000).emitWithAck('poll:cast', { pollId, ballot }) as Promise<Ack>;
    const acks = tablets.map((_, i) => cast(i, ballots[i]));
    const retryOf0 = cast(0, ballots[0]); // the same ballot again: a tablet's retry
    const changeOf1 = cast(1, otherOf1); // a different ballot: first press keeps the first
    // 32 casts: NEVER is refused before any batch (no credential issued), one is in the batch
    // waiting for the lock, the other 30 queue for the next batch.
    const castService = t.app.get(CastService);
    await waitFor(async () => castService.queued(pollId) === 30, 60_000, '30 casts queued');
    await lock.query('COMMIT');

    const answers = await Promise.all(acks);
    const [retry, change] = await Promise.all([retryOf0, changeOf1]);

    expect(answers[NEVER]).toMatchObject({ ok: false, error: { code: 'POLL_NOT_CHECKED_IN' } });
    expect(answers[LEFT]).toMatchObject({ ok: false, error: { code: 'POLL_NOT_CHECKED_IN' } });
    // Delegate 1's two ballots are checked side by side: either may reach the board first.
    const ones = [answers[1]!, change];
    const eligible = answers.slice(0, LEFT).map((a, i) => (i === 1 ? ones.find((x) => x.ok)! : a));
    for (const [i, a] of eligible.entries())
      expect({ i, answer: a }).toMatchObject({ i, answer: { ok: true } });
    const receipts = eligible.map((a) => (a as Extract<Ack, { ok: true }>).receipt);
    // The retry gets the same receipt; of delegate 1's two ballots exactly one is stored.
    expect(retry).toEqual(answers[0]);
    expect(ones.filter((a) => a.ok)).toHaveLength(1);
    expect(ones.find((a) => !a.ok)).toMatchObject({ error: { code: 'POLL_ALREADY_VOTED' } });

    // Exactly the acknowledged ballots are stored, at positions 1..28, and the head moved to 28.
    const rows = await t.sql<{ tracker: string; position: number; received_at: Date }>(
      `SELECT tracker, position, received_at FROM poll_ballots WHERE poll_id = $1 ORDER BY position`,
      [pollId],
    );
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: LEFT }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.tracker))).toEqual(new Set(receipts.map((r) => r.tracker)));
    expect(receipts.map((r) => r.position).sort((a, b) => a - b)).toEqual(
      rows.map((r) => r.position),
    );
    const [poll] = await t.sql<{ board_size: number; board_head: string }>(
      `SELECT board_size, board_head FROM polls WHERE id = $1`,
      [pollId],
    );
    expect(poll!.board_size).toBe(rows.length);
    expect(poll!.board_head).toBe(receipts.find((r) => r.position === LEFT)!.chainHead);
    // One transaction per batch (a batch shares its time): the first cast alone, the queued
    // ones together, delegate 0's retry and delegate 1's second ballot in the batch after.
    const perBatch = new Map<number, number>();
    for (const r of rows)
      perBatch.set(r.received_at.getTime(), (perBatch.get(r.received_at.getTime()) ?? 0) + 1);
    expect(Math.max(...perBatch.values())).toBeGreaterThanOrEqual(LEFT - 2);

    // The record verifies with libs/ballot's verifier, and every receipt is counted in it.
    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.ballots).toEqual({ cast: LEFT, counted: LEFT, excluded: 0 });
    const record = await t.http().get(`/api/public/polls/${pollId}/record`).expect(200);
    const report = verifyElectionRecordV2(record.body);
    expect(report.firstFailure).toBeUndefined();
    expect(record.body.board.entries).toHaveLength(LEFT);
    for (const r of receipts) expect(checkReceipt(record.body, r).counted).toBe(true);
  }, 180_000);

  it('keeps the last-press rule within batches: a change supersedes, a retry gets its receipt', async () => {
    const opened = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['程序事项'], secret: false, pressRule: 'last' })
      .expect(201);
    const pollId = opened.body.id as string;
    const FOR = marks(3, 0);
    const AGAINST = marks(3, 1);
    await lock.query('BEGIN');
    await lock.query('SELECT 1 FROM polls WHERE id = $1 FOR NO KEY UPDATE', [pollId]);
    const cast = (i: number, choice: number[]) =>
      tablets[i]!.timeout(60_000).emitWithAck('poll:cast', {
        pollId,
        choice: [choice],
      }) as Promise<Ack>;
    const acks = Array.from({ length: 10 }, (_, i) => cast(i, FOR));
    const change = cast(2, AGAINST); // the same delegate again: goes in the batch after
    const retry = cast(3, FOR); // the same choice again: the same receipt
    const castService = t.app.get(CastService);
    await waitFor(async () => castService.queued(pollId) === 11, 60_000, '11 casts queued');
    await lock.query('COMMIT');
    const answers = await Promise.all([...acks, change, retry]);
    for (const [i, a] of answers.entries())
      expect({ i, answer: a }).toMatchObject({ i, answer: { ok: true } });
    const receipt = (a: Ack) => (a as Extract<Ack, { ok: true }>).receipt;
    expect(receipt(answers[11]!)).toEqual(receipt(answers[3]!));
    const [first2, then2] = [receipt(answers[2]!), receipt(answers[10]!)].sort(
      (a, b) => a.position - b.position,
    );

    const rows = await t.sql<{ position: number; superseded_by: number | null }>(
      `SELECT position, superseded_by FROM poll_ballots WHERE poll_id = $1 ORDER BY position`,
      [pollId],
    );
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.superseded_by !== null)).toEqual([
      { position: first2!.position, superseded_by: then2!.position },
    ]);
    const [poll] = await t.sql<{ board_size: number }>(
      `SELECT board_size FROM polls WHERE id = $1`,
      [pollId],
    );
    expect(poll!.board_size).toBe(11);
    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.ballots).toEqual({ cast: 11, counted: 10, excluded: 1 });
    const changedTo = then2 === receipt(answers[10]!) ? 'against' : 'for';
    expect(closed.body.result.counts).toEqual([changedTo === 'against' ? [9, 1, 0] : [10, 0, 0]]);
  }, 180_000);
});
