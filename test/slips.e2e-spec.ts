import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ballotShape,
  chainLink,
  type ElectionRecordV2,
  encryptBallot,
  generateSlipBatch,
  marks,
  signWithSlips,
  type Slip,
  type SlipBatch,
  type SlipSignature,
  slipVoter,
  verifyElectionRecordV2,
} from '../libs/ballot/src/index.js';
import type { OpenPollView } from '../libs/contracts/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { feed } from './utils/events.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { answerClose, runCeremony, tellerAccounts, type TellerDevice } from './utils/tellers.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

describe('ballot slips (投票凭证): tellers upload public keys, a slips poll binds them, each ballot is signed by one slip per teller', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  let tellers: TellerDevice[];
  const tablets: TabletSocket[] = [];
  /** The "printed" slips of each teller's box, by teller index. */
  const boxes = new Map<number, Slip[]>();
  const batches = new Map<number, SlipBatch>();
  let slipsPoll: string;
  let plainPoll: string;
  const MOTION = '审议通过《集体合同（草案）》';
  const SECOND = '审议决定《福利基金使用方案》';
  const OPEN_VOTE = '审议通过《职工代表大会工作报告》';
  // 6 serving delegates (the first 5 checked in): each box holds at least 6 slips.
  const DELEGATES = 6;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    live = await liveSession(t, staff, DELEGATES, 5, [
      { kind: 'approve', title: MOTION },
      { kind: 'decide', title: SECOND },
      { kind: 'approve', title: OPEN_VOTE },
    ]);
    tellers = await tellerAccounts(t, 3);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
    for (const d of tellers) {
      const made = generateSlipBatch({ sessionId: live.sessionId, teller: d.index, count: 8 });
      boxes.set(d.index, made.slips);
      batches.set(d.index, made.batch);
    }
  });
  afterAll(() => t.close());

  const upload = (token: string, publicKeys: unknown) =>
    t
      .http()
      .post(`/api/sessions/${live.sessionId}/slip-batches`)
      .set(bearer(token))
      .send({ publicKeys });
  const open = (title: string, body: object = {}) =>
    t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title], ...body });
  /** Delegate `i`'s draw: one slip from each teller's box (slip `pick[j]` of box j + 1). */
  const draw = (pick: number[]): Slip[] => pick.map((k, j) => boxes.get(j + 1)![k]!);
  /**
   * What a tablet does in a slips poll: the voter from the slips drawn, the ballot encrypted for
   * it, each slip signing the tracker. `tamper` changes what is sent.
   */
  const slipBallot = async (i: number, pollId: string, drawn: Slip[], choice = 0) => {
    const state = await tablets[i]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    const p = (state.open as OpenPollView[]).find((x) => x.id === pollId)!;
    const voter = slipVoter(
      live.sessionId,
      drawn.map((s) => s.publicKey),
    );
    const { ballot, tracker } = encryptBallot({
      key: p.electionKey!,
      shape: ballotShape(p.pollSpec),
      voter,
      choices: [marks(3, choice)],
    });
    return { ballot, tracker, voter, slips: signWithSlips(pollId, tracker, drawn) };
  };
  const cast = (i: number, pollId: string, body: { ballot?: unknown; slips?: unknown }) =>
    tablets[i]!.emitWithAck('poll:cast', { pollId, ballot: body.ballot, slips: body.slips });
  const listed = (token: string) =>
    t.http().get(`/api/sessions/${live.sessionId}/slip-batches`).set(bearer(token));

  it('takes no batch before the session has a ready ceremony', async () => {
    const res = await upload(tellers[0]!.token, batches.get(1)!.publicKeys);
    expect([res.status, res.body.code]).toEqual([409, 'TELLERS_SLIPS_NO_CEREMONY']);
    expect((await listed(staff).expect(200)).body).toEqual({
      tellers: 0,
      batches: [],
      complete: false,
    });
  });

  it("takes each teller's batch once, refuses a non-teller, too few keys and a malformed list", async () => {
    await runCeremony(t, staff, live.sessionId, tellers);
    const delegate = live.tokens.get(live.roster.delegates[0]!.id)!;
    const keys = batches.get(1)!.publicKeys;

    const notTeller = await upload(delegate, keys);
    expect([notTeller.status, notTeller.body.code]).toEqual([403, 'TELLERS_NOT_A_TELLER']);
    const tooFew = await upload(tellers[0]!.token, keys.slice(0, DELEGATES - 1));
    expect([tooFew.status, tooFew.body.code]).toEqual([400, 'TELLERS_SLIPS_BAD']);
    expect(tooFew.body.details).toEqual({ count: DELEGATES - 1, needed: DELEGATES });
    const unsorted = await upload(tellers[0]!.token, [...keys].reverse());
    expect([unsorted.status, unsorted.body.code]).toEqual([400, 'TELLERS_SLIPS_BAD']);
    const notHex = await upload(tellers[0]!.token, [...keys.slice(1), 'zz'.repeat(32)]);
    expect([notHex.status, notHex.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    // A hall's batch is larger than the default 100 kB body: this route alone takes up to 8 MB
    // (2,000 keys, checked: refused as unsorted, not as too large); other routes do not.
    const big = Array.from({ length: 2000 }, (_, i) => i.toString(16).padStart(64, '0')).reverse();
    const bigRes = await upload(tellers[0]!.token, big);
    expect([bigRes.status, bigRes.body.code]).toEqual([400, 'TELLERS_SLIPS_BAD']);
    const elsewhere = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[MOTION], padding: big });
    expect(elsewhere.status).toBe(413);

    const first = await upload(tellers[0]!.token, keys).expect(201);
    expect(first.body).toEqual({
      teller: 1,
      count: 8,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedAt: expect.any(String),
    });
    const again = await upload(tellers[0]!.token, keys);
    expect([again.status, again.body.code]).toEqual([409, 'TELLERS_SLIPS_EXISTS']);
    await upload(tellers[1]!.token, batches.get(2)!.publicKeys).expect(201);

    // Staff, the term's delegates and the tellers see which are in (never the keys); others not.
    const seen = (await listed(delegate).expect(200)).body;
    expect(seen).toMatchObject({ tellers: 3, complete: false });
    expect(seen.batches.map((b: { teller: number }) => b.teller)).toEqual([1, 2]);
    expect(JSON.stringify(seen)).not.toContain(keys[0]);
    await listed(tellers[2]!.token).expect(200);
    const admin = await userWithRole(t, 'admin', 'slips-admin');
    const refused = await listed(admin);
    expect([refused.status, refused.body.code]).toEqual([403, 'TELLERS_SLIPS_FORBIDDEN']);
  });

  it("opens a slips poll only under the tellers' key with every teller's batch in; its tablets get no voter", async () => {
    const missing = await open(MOTION, { slips: true });
    expect([missing.status, missing.body.code]).toEqual([409, 'POLL_SLIPS_INCOMPLETE']);
    expect(missing.body.details).toEqual({ reason: 'batches' });
    await upload(tellers[2]!.token, batches.get(3)!.publicKeys).expect(201);
    expect((await listed(staff).expect(200)).body).toMatchObject({ tellers: 3, complete: true });
    const custodian = await open(MOTION, { slips: true, keyMode: 'custodian' });
    expect([custodian.status, custodian.body.details]).toEqual([409, { reason: 'custodian' }]);
    const openVote = await open(OPEN_VOTE, { slips: true, secret: false });
    expect([openVote.status, openVote.body.details]).toEqual([409, { reason: 'open_poll' }]);

    const opened = feed<{ id: string; slips: boolean }>(tablets[0]!, 'poll:opened');
    slipsPoll = (await open(MOTION, { slips: true }).expect(201)).body.id;
    plainPoll = (await open(SECOND).expect(201)).body.id;
    expect(await opened.until((p) => p.id === slipsPoll)).toMatchObject({ slips: true });
    const rest = await t.http().get(`/api/public/polls/${plainPoll}`).expect(200);
    expect(rest.body.slips).toBe(false);
    const state = await tablets[0]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    const mine = (id: string) => (state.open as OpenPollView[]).find((p) => p.id === id)!;
    expect([mine(slipsPoll).slips, mine(slipsPoll).voter]).toEqual([true, null]);
    expect([mine(plainPoll).slips, mine(plainPoll).voter]).toEqual([false, expect.any(String)]);
  });

  it('takes a ballot signed by one drawn slip from each box, and refuses one without slips, with a slip not in a batch, a bad signature or another voter', async () => {
    const mine = draw([0, 0, 0]);
    const b = await slipBallot(0, slipsPoll, mine);

    const none = await cast(0, slipsPoll, { ballot: b.ballot });
    expect(none.error.code).toBe('POLL_SLIPS_REQUIRED');
    // A slip printed by nobody's published batch (a forged slip for teller 2).
    const forged = generateSlipBatch({ sessionId: live.sessionId, teller: 2, count: 1 }).slips;
    const withForged = await slipBallot(0, slipsPoll, [mine[0]!, forged[0]!, mine[2]!]);
    expect((await cast(0, slipsPoll, withForged)).error).toMatchObject({
      code: 'POLL_SLIP_INVALID',
      details: { check: 'UNISSUED_CREDENTIAL' },
    });
    // A signature on another ballot's tracker.
    const other = await slipBallot(0, slipsPoll, mine, 1);
    const badSignature = { ballot: b.ballot, slips: other.slips };
    expect((await cast(0, slipsPoll, badSignature)).error).toMatchObject({
      code: 'POLL_SLIP_INVALID',
      details: { check: 'BAD_SIGNATURE' },
    });
    // A ballot made for other slips than those that sign it.
    const stranger = await slipBallot(0, slipsPoll, draw([7, 7, 7]));
    const wrongVoter = {
      ballot: stranger.ballot,
      slips: signWithSlips(slipsPoll, stranger.tracker, mine),
    };
    expect((await cast(0, slipsPoll, wrongVoter)).error).toMatchObject({
      code: 'POLL_SLIP_INVALID',
      details: { check: 'WRONG_VOTER' },
    });
    // Slips in a poll that takes none.
    const plain = await cast(0, plainPoll, { ballot: b.ballot, slips: b.slips });
    expect(plain.error.code).toBe('POLL_WRONG_BALLOT_KIND');
    // Nothing was stored: the good one is taken, and the same again gets the same receipt.
    const receipt = await cast(0, slipsPoll, { ballot: b.ballot, slips: b.slips });
    expect(receipt.ok).toBe(true);
    expect(receipt.receipt.position).toBe(1);
    const again = await cast(0, slipsPoll, { ballot: b.ballot, slips: b.slips });
    expect(again.receipt.position).toBe(1);
    const [row] = await t.sql<{ credential: string; slips: SlipSignature[] }>(
      `SELECT credential, slips FROM poll_ballots WHERE poll_id = $1`,
      [slipsPoll],
    );
    expect(row).toEqual({ credential: b.voter, slips: b.slips });
  });

  it('refuses a slip another delegate already cast with, also when both cast at once', async () => {
    // Delegate 1 holds a copy of delegate 0's slip from box 1.
    const copied = await slipBallot(1, slipsPoll, draw([0, 1, 1]));
    expect((await cast(1, slipsPoll, copied)).error.code).toBe('POLL_SLIP_TAKEN');
    // A copy of all of delegate 0's slips (the same voter) is no better.
    const wholeCopy = await slipBallot(1, slipsPoll, draw([0, 0, 0]), 2);
    expect((await cast(1, slipsPoll, wholeCopy)).error.code).toBe('POLL_SLIP_TAKEN');
    // Delegates 1 and 2 cast at once with the same copied slip from box 3: one ballot is stored.
    const [one, two] = await Promise.all([
      slipBallot(1, slipsPoll, draw([1, 1, 5])),
      slipBallot(2, slipsPoll, draw([2, 2, 5])),
    ]);
    const acks = await Promise.all([cast(1, slipsPoll, one), cast(2, slipsPoll, two)]);
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(acks.find((a) => !a.ok)!.error.code).toBe('POLL_SLIP_TAKEN');
    // Whoever lost draws again and casts; delegate 3 too. Delegate 4 does not vote.
    const loser = acks[0]!.ok ? 2 : 1;
    const fresh = await slipBallot(loser, slipsPoll, draw([loser, loser, loser]), 1);
    expect((await cast(loser, slipsPoll, fresh)).ok).toBe(true);
    const third = await slipBallot(3, slipsPoll, draw([3, 3, 3]));
    expect((await cast(3, slipsPoll, third)).ok).toBe(true);
  });

  it('closes to a version 3 record that verifies; a ballot the server adds for an absent delegate without valid slips is excluded, and hiding that fails the verifier', async () => {
    // The operator casts for delegate 4 (checked in, did not vote): it has no slip of the
    // tellers' boxes, so it signs with slips it made itself, and chains the ballot like the others.
    const own = ['a', 'b', 'c'].map(
      (_, j) => generateSlipBatch({ sessionId: live.sessionId, teller: j + 1, count: 1 }).slips[0]!,
    );
    const stuffed = await slipBallot(4, slipsPoll, own, 1);
    const [board] = await t.sql<{ board_head: string; board_size: number }>(
      `SELECT board_head, board_size FROM polls WHERE id = $1`,
      [slipsPoll],
    );
    const head = chainLink(board!.board_head, stuffed.tracker);
    await t.sql(
      `INSERT INTO poll_ballots (poll_id, delegate_id, credential, ballot, tracker, received_at,
                                 position, chain_head, verified, slips)
       VALUES ($1, $2, $3, $4, $5, now(), $6, $7, true, $8)`,
      [
        slipsPoll,
        live.roster.delegates[4]!.id,
        stuffed.voter,
        JSON.stringify(stuffed.ballot),
        stuffed.tracker,
        board!.board_size + 1,
        head,
        JSON.stringify(stuffed.slips),
      ],
    );
    await t.sql(`UPDATE polls SET board_size = board_size + 1, board_head = $2 WHERE id = $1`, [
      slipsPoll,
      head,
    ]);

    await t.http().post(`/api/polls/${slipsPoll}/close`).set(bearer(staff)).expect(200);
    expect((await answerClose(t, slipsPoll, tellers[0]!)).status).toBe(201);
    expect((await answerClose(t, slipsPoll, tellers[1]!)).status).toBe(201);
    const record = (await t.http().get(`/api/public/polls/${slipsPoll}/record`).expect(200))
      .body as ElectionRecordV2 & { version: number; slips: unknown };
    expect(record.version).toBe(3);
    expect(record.slips).toEqual({
      sessionId: live.sessionId,
      batches: [1, 2, 3].map((i) => batches.get(i)),
    });
    expect(record.issued).toEqual({ count: 5, credentials: [] });
    expect(record.board.entries).toHaveLength(5);
    expect(record.exclusions).toEqual([
      expect.objectContaining({ position: 5, reason: 'NOT_ISSUED' }),
    ]);
    // 4 counted: delegate 0, the race's winner and delegate 3 for (赞成), the loser against.
    expect(record.result.counts).toEqual([[3, 1, 0]]);
    expect(verifyElectionRecordV2(record).ok).toBe(true);
    // A record that counted the added ballot does not verify.
    const hidden = structuredClone(record);
    hidden.exclusions = [];
    expect(verifyElectionRecordV2(hidden).ok).toBe(false);
  });

  it('under the last-press rule a delegate changes their ballot with the same slips, never with other ones', async () => {
    const pollId = (await open(OPEN_VOTE, { slips: true, pressRule: 'last' }).expect(201)).body
      .id as string;
    const mine = draw([0, 0, 0]); // the same slips serve every poll of the session
    const first = await slipBallot(0, pollId, mine, 0);
    expect((await cast(0, pollId, first)).receipt.position).toBe(1);
    const changed = await slipBallot(0, pollId, mine, 1);
    expect((await cast(0, pollId, changed)).receipt.position).toBe(2);
    const otherSlips = await slipBallot(0, pollId, draw([6, 6, 6]), 2);
    expect((await cast(0, pollId, otherSlips)).error.code).toBe('POLL_BALLOT_WRONG_VOTER');
    // Another delegate holding a copy of all of delegate 0's slips cannot replace their ballot.
    const thief = await slipBallot(1, pollId, mine, 2);
    expect((await cast(1, pollId, thief)).error.code).toBe('POLL_SLIP_TAKEN');

    await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect((await answerClose(t, pollId, tellers[1]!)).status).toBe(201);
    expect((await answerClose(t, pollId, tellers[2]!)).status).toBe(201);
    const record = (await t.http().get(`/api/public/polls/${pollId}/record`).expect(200))
      .body as ElectionRecordV2;
    expect(record.version).toBe(3);
    expect(record.exclusions).toEqual([
      expect.objectContaining({ position: 1, reason: 'SUPERSEDED' }),
    ]);
    expect(record.result.counts).toEqual([[0, 1, 0]]);
    expect(verifyElectionRecordV2(record).ok).toBe(true);
  });
});
