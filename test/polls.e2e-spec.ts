import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Ballot,
  ballotShape,
  type ElectionKey,
  encryptBallot,
  marks,
  type PollSpec,
  checkReceipt,
  type SignedReceipt,
  verifyElectionRecordV2,
  verifyReceipt,
} from '../libs/ballot/src/index.js';
import { voterCredential } from '../apps/api/src/ballots/voter-credential.js';
import { bearer, delegateTokens, userWithRole } from './utils/actors.js';
import { feed } from './utils/events.js';
import { liveSession, type LiveSession, watcherSocket } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

interface OpenPoll {
  id: string;
  pollSpec: PollSpec;
  electionKey: ElectionKey;
  board: { publicKey: string; genesis: string; issued: number };
  voter: string;
}

describe('polls over socket.io: secret by default, decided by the majority of all delegates', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  const tablets: TabletSocket[] = [];
  let projector: TabletSocket;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    // 6 delegates, 5 present: quorum (4) reached; a majority of ALL needs 4 votes.
    live = await liveSession(t, staff, 6, 5, [
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
      {
        kind: 'elect',
        title: '选举职工董事',
        vote: { seats: 1, candidates: [{ name: '李明' }, { name: '周红' }] },
      },
      {
        kind: 'evaluate',
        title: '民主评议',
        vote: { scale: 'satisfaction', persons: [{ name: '赵总' }, { name: '钱总' }] },
      },
      { kind: 'decide', title: '程序事项' },
    ]);
    // Delegate 4 sits on the presidium (whose screen shows the turnout); the others do not.
    await t
      .http()
      .patch(`/api/delegates/${live.roster.delegates[4]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
    projector = await watcherSocket(t, staff, live.sessionId);
  });
  afterAll(() => t.close());

  const open = (title: string, secret = true) =>
    t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title], secret, keyMode: 'custodian' });
  const stateOf = async (
    i: number,
  ): Promise<{
    open: OpenPoll[];
    decided: { id: string; result: { counts: number[][] } | null }[];
    receipts: { pollId: string; tracker: string }[];
  }> => tablets[i]!.emitWithAck('poll:state', { sessionId: live.sessionId });
  const myPoll = async (i: number, pollId: string) =>
    (await stateOf(i)).open.find((p) => p.id === pollId)!;
  const encrypt = (p: OpenPoll, choices: number[][]) =>
    encryptBallot({ key: p.electionKey, shape: ballotShape(p.pollSpec), voter: p.voter, choices })
      .ballot;
  const cast = (i: number, body: object) => tablets[i]!.emitWithAck('poll:cast', body);

  it('opens only with the quorum present, on a circulated item of a session in progress', async () => {
    const seen = new Promise<{ id: string; label: string; keyLabel: string }>((r) =>
      tablets[5]!.once('poll:opened', r),
    );
    const res = await open('审议通过《集体合同（草案）》').expect(201);
    expect(res.body).toMatchObject({
      secret: true,
      label: '无记名投票',
      keyMode: 'custodian',
      status: 'open',
    });
    expect(res.body.keyLabel).toContain('托管');
    expect((await seen).id).toBe(res.body.id);
    expect((await open('审议通过《集体合同（草案）》')).body.code).toBe('POLL_ALREADY_OPEN');
    expect((await open('非议程')).status).toBe(400);
  });

  it('takes one encrypted ballot per delegate and answers with a receipt once it is stored', async () => {
    const pollId = (await t.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff)))
      .body[0].id;
    const turnouts = feed<{ cast: number }>(projector, 'poll:turnout');
    const presidiumTurnouts = feed<{ cast: number }>(tablets[4]!, 'poll:turnout');
    const plainTurnouts = feed<{ cast: number }>(tablets[5]!, 'poll:turnout');

    const receipts: SignedReceipt[] = [];
    // 4 for, 1 against.
    for (const [i, choice] of [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 1],
    ] as const) {
      const p = await myPoll(i, pollId);
      const ack = await cast(i, { pollId, ballot: encrypt(p, [marks(3, choice)]) });
      expect(ack).toMatchObject({
        ok: true,
        receipt: { pollId, shortCode: expect.stringMatching(/^[A-Z2-7]{4}-[A-Z2-7]{4}$/) },
      });
      // Signed by the server's board key, at the next position of the chain.
      expect(verifyReceipt(ack.receipt, p.board.publicKey)).toMatchObject({
        position: receipts.length + 1,
      });
      receipts.push(ack.receipt);
    }
    expect((await myPoll(0, pollId)).board.issued).toBe(5);
    const rows = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM poll_ballots WHERE poll_id = $1`,
      [pollId],
    );
    expect(Number(rows[0]!.n)).toBe(5);

    // The tablet that did not check in, and a copy of someone else's ballot.
    const p5 = await myPoll(5, pollId);
    expect((await cast(5, { pollId, ballot: encrypt(p5, [marks(3, 0)]) })).error.code).toBe(
      'POLL_NOT_CHECKED_IN',
    );
    const p0 = await myPoll(0, pollId);
    const copied = encrypt(p0, [marks(3, 1)]);
    expect((await cast(1, { pollId, ballot: copied })).error.code).toBe('POLL_BALLOT_WRONG_VOTER');
    // A second, different ballot is refused; the same one again gets the same receipt.
    expect((await cast(0, { pollId, ballot: encrypt(p0, [marks(3, 1)]) })).error.code).toBe(
      'POLL_ALREADY_VOTED',
    );
    expect((await cast(0, { pollId, choice: [[1, 0, 0]] })).error.code).toBe(
      'POLL_WRONG_BALLOT_KIND',
    );
    expect((await cast(0, { pollId, ballot: { version: 1, nonsense: true } })).error.code).toBe(
      'POLL_BALLOT_MALFORMED',
    );
    expect((await cast(0, { pollId: 'x' })).error.code).toBe('VALIDATION_FAILED');
    expect(tablets[0]!.connected).toBe(true);

    // Reconnecting tablets learn they have voted.
    const state = await stateOf(2);
    expect(state.receipts.find((r) => r.pollId === pollId)?.tracker).toBe(receipts[2].tracker);
    // The whole hall asks at once (the Wi-Fi came back): the requests are read together
    // (PollStates), and each is answered with its own seat's credential and receipts only.
    const burst = await Promise.all(
      [0, 1, 2, 3, 4, 5, 0, 3, 5].map(async (i) => ({ i, state: await stateOf(i) })),
    );
    for (const { i, state } of burst) {
      const seatId = live.roster.delegates[i]!.id;
      expect(state.open.find((p) => p.id === pollId)?.voter).toBe(voterCredential(pollId, seatId));
      expect(state.receipts.map((r) => r.tracker)).toEqual(i < 5 ? [receipts[i]!.tracker] : []);
    }
    const staffState: Awaited<ReturnType<typeof stateOf>> = await projector.emitWithAck(
      'poll:state',
      { sessionId: live.sessionId },
    );
    expect(staffState.open.find((p) => p.id === pollId)?.voter).toBeNull();
    expect(staffState.receipts).toEqual([]);

    // The projector shows the chain's head: the last receipt's.
    expect(await turnouts.until((x) => x.cast === 5)).toEqual({
      pollId,
      cast: 5,
      present: 5,
      head: receipts[4]!.chainHead,
    });
    expect(JSON.stringify(turnouts.seen)).not.toMatch(/for|against|赞成|反对/);
    // The presidium's member watches it too; a plain delegate's tablet, which shows no turnout,
    // is not sent it (checked below, once its result has come after every earlier turnout).
    await presidiumTurnouts.until((x) => x.cast === 5);

    const result = new Promise<{ result: { decision: { passed: boolean } } }>((r) =>
      tablets[5]!.once('poll:result', r),
    );
    const closedEvents = feed<{ pollId: string }>(tablets[5]!, 'poll:closed');
    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.counts).toEqual([[4, 1, 0]]);
    expect(closed.body.result.decision).toMatchObject({
      passed: true,
      counts: { for: 4, against: 1, abstain: 0, notVoted: 0 },
    });
    expect(closed.body.result.decision.rule.text.zh).toContain('全体');
    expect((await result).result.decision.passed).toBe(true);
    expect(plainTurnouts.seen).toEqual([]);
    // Decided within the close (custodian key): its result is the one announcement the hall's
    // tablets get, not a `poll:closed` first (which would have come before the result).
    expect(closedEvents.seen).toEqual([]);
    // A tablet that read the open poll before (stateOf above, the views kept per row version)
    // reads it decided now, never the view it had.
    const after = await stateOf(2);
    expect(after.open.map((p) => p.id)).not.toContain(pollId);
    expect(after.decided.find((p) => p.id === pollId)?.result?.counts).toEqual([[4, 1, 0]]);
    expect(
      (await cast(4, { pollId, ballot: encrypt(await myPollAny(4, pollId), [marks(3, 0)]) })).error
        .code,
    ).toBe('POLL_NOT_OPEN');

    const record = await t.http().get(`/api/public/polls/${pollId}/record`).expect(200);
    expect(record.body.board.entries).toHaveLength(5);
    expect(JSON.stringify(record.body)).not.toMatch(
      // Case-sensitive: the hex of keys and proofs is lower-case.
      /E100|employee|delegateId|delegate_id|userId|代表[0-9]/,
    );
    const report = verifyElectionRecordV2(record.body);
    expect(report.firstFailure).toBeUndefined();
    expect(report.board.filter((b: { counted: boolean }) => b.counted)).toHaveLength(5);
    for (const r of receipts) expect(checkReceipt(record.body, r).counted).toBe(true);
  });

  async function myPollAny(i: number, pollId: string): Promise<OpenPoll> {
    const polls = (
      await t
        .http()
        .get(`/api/sessions/${live.sessionId}/polls`)
        .set(bearer(live.tokens.get(live.roster.delegates[i]!.id)!))
    ).body;
    const p = polls.find((x: { id: string }) => x.id === pollId);
    return { ...p, voter: 'x'.repeat(32) };
  }

  it('refuses a ballot whose proofs fail as it arrives, and the tablet may cast again', async () => {
    const pollId = (await open('选举职工董事').expect(201)).body.id;
    for (const [i, c] of [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
    ] as const) {
      expect(
        (await cast(i, { pollId, ballot: encrypt(await myPoll(i, pollId), [marks(2, c)]) })).ok,
      ).toBe(true);
    }
    // Tablet 4 sends a well-formed ballot with a forged proof response: refused, not stored.
    const forged = encrypt(await myPoll(4, pollId), [marks(2, 1)]) as Ballot;
    const branch = forged.questions[0]!.entries[0]!.proof[0]!;
    branch.s = (branch.s[0] === '0' ? '1' : '0') + branch.s.slice(1);
    const refused = await cast(4, { pollId, ballot: forged });
    expect(refused.error).toMatchObject({
      code: 'POLL_BALLOT_INVALID',
      details: { check: expect.stringMatching(/PROOF_FAILED$/) },
    });
    expect(
      (await cast(4, { pollId, ballot: encrypt(await myPoll(4, pollId), [marks(2, 1)]) })).ok,
    ).toBe(true);

    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.counts).toEqual([[3, 2]]);
    expect(closed.body.result).toMatchObject({
      ballots: { cast: 5, counted: 5, excluded: 0 },
      void: false,
      issued: 5,
      returned: 5,
    });
    const elected = closed.body.result.decision.candidates.find(
      (c: { name: string }) => c.name === '李明',
    );
    expect(elected.status).toBe('not-elected'); // 3 votes: not more than half of all 6 delegates
  });

  it('counts evaluations per person and grade', async () => {
    const pollId = (await open('民主评议').expect(201)).body.id;
    for (const i of [0, 1, 2, 3, 4]) {
      const ack = await cast(i, {
        pollId,
        ballot: encrypt(await myPoll(i, pollId), [marks(3, 0), marks(3, i < 2 ? 2 : 1)]),
      });
      expect(ack.ok).toBe(true);
    }
    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.counts).toEqual([
      [5, 0, 0],
      [0, 3, 2],
    ]);
  });

  it('runs an open (记名) vote only when chosen at creation, and says so', async () => {
    const res = await open('程序事项', false).expect(201);
    expect(res.body).toMatchObject({ secret: false, label: '记名表决（公开）', electionKey: null });
    const pollId = res.body.id;
    expect((await cast(0, { pollId, ballot: {} })).error.code).toBe('POLL_WRONG_BALLOT_KIND');
    expect((await cast(0, { pollId, choice: [[1, 1, 0]] })).error.code).toBe(
      'POLL_BALLOT_MALFORMED',
    );
    for (const i of [0, 1, 2])
      expect((await cast(i, { pollId, choice: [[0, 0, 1]] })).ok).toBe(true);
    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.decision).toMatchObject({
      passed: false,
      counts: { abstain: 3, notVoted: 2 },
    });
  });

  it('refuses attendees and delegates of other terms, and voting before a poll opens', async () => {
    const res = await t
      .http()
      .post(`/api/polls`)
      .set(bearer(live.tokens.get(live.roster.delegates[0]!.id)!))
      .send({ itemId: live.items['程序事项'], keyMode: 'custodian' });
    expect(res.status).toBe(403);
    expect(
      (await cast(0, { pollId: '00000000-0000-4000-8000-000000000000', choice: [[1, 0, 0]] })).error
        .code,
    ).toBe('POLL_NOT_FOUND');
  });

  it('takes the ballot of a seat made after the term’s seats were read for the first casts', async () => {
    // The casts above read the term's seats once; this delegate is seated (补选) after that.
    const seat = await t
      .http()
      .post(`/api/terms/${live.roster.termId}/delegates`)
      .set(bearer(staff))
      .send({
        name: '新代表',
        employeeNumber: 'E7001',
        gender: 'female',
        groupId: live.roster.groupIds[0],
        category: 'technician',
      })
      .expect(201);
    const token = (await delegateTokens(t, staff, live.roster.termId, [seat.body.id])).get(
      seat.body.id,
    )!;
    await t.http().post(`/api/sessions/${live.sessionId}/check-in`).set(bearer(token)).expect(200);
    const s = t.socket(token);
    await connected(s);
    await s.emitWithAck('session:join', { sessionId: live.sessionId });
    tablets.push(s);
    const pollId = (await open('程序事项').expect(201)).body.id;
    const p = await myPoll(tablets.length - 1, pollId);
    const res = await cast(tablets.length - 1, { pollId, ballot: encrypt(p, [marks(3, 0)]) });
    expect(res.error).toBeUndefined();
    expect(res.ok).toBe(true);
    await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
  });
});
