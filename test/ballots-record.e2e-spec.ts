import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Ballot,
  ballotShape,
  ballotToJSON,
  chainLink,
  checkReceipt,
  type ElectionKey,
  type ElectionRecordV2,
  encryptBallot,
  marks,
  parseBallot,
  type PollSpec,
  type RecordReportV2,
  type SignedReceipt,
  verifyElectionRecordV2,
} from '../libs/ballot/src/index.js';
import { forgeBallot } from '../libs/ballot/src/testing.js';
import { pointToHex, mulG } from '../libs/ballot/src/group.js';
import { bearer, userWithRole } from './utils/actors.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

const run = promisify(execFile);
const VERIFY_POLL = new URL('../dist/libs/ballot/src/cli/verify-poll.js', import.meta.url);

interface OpenPoll {
  id: string;
  pollSpec: PollSpec;
  electionKey: ElectionKey;
  voter: string;
}

function failure(report: RecordReportV2) {
  expect(report.ok).toBe(false);
  return { check: report.firstFailure?.name, code: report.firstFailure?.error?.code };
}

describe('the honest record: issued ballots, checked at cast, a chained and signed board, version 2 record', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    // 6 delegates, the first 5 checked in: 5 ballots issued at each opening.
    live = await liveSession(t, staff, 6, 5, [
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
      { kind: 'decide', title: '审议决定《福利基金使用方案》' },
    ]);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
  });
  afterAll(() => t.close());

  const open = async (title: string): Promise<string> =>
    (
      await t
        .http()
        .post('/api/polls')
        .set(bearer(staff))
        .send({ itemId: live.items[title], keyMode: 'custodian' })
        .expect(201)
    ).body.id;
  const myPoll = async (i: number, pollId: string): Promise<OpenPoll> =>
    (await tablets[i]!.emitWithAck('poll:state', { sessionId: live.sessionId })).open.find(
      (p: OpenPoll) => p.id === pollId,
    );
  const encrypt = (p: OpenPoll, choice: number): Ballot =>
    encryptBallot({
      key: p.electionKey,
      shape: ballotShape(p.pollSpec),
      voter: p.voter,
      choices: [marks(3, choice)],
    }).ballot;
  const cast = (i: number, pollId: string, ballot: unknown) =>
    tablets[i]!.emitWithAck('poll:cast', { pollId, ballot });
  const close = (pollId: string) =>
    t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
  const recordOf = async (pollId: string): Promise<ElectionRecordV2> =>
    (await t.http().get(`/api/public/polls/${pollId}/record`).expect(200)).body;

  let honest: { pollId: string; record: ElectionRecordV2; receipts: SignedReceipt[] };

  it('refuses at cast, without using up the ballot: an empty proof, an undecodable point, α = identity', async () => {
    const pollId = await open('审议通过《集体合同（草案）》');
    const p = await myPoll(0, pollId);

    const emptyProof = encrypt(p, 0);
    emptyProof.questions[0]!.entries[0]!.proof = [];
    const undecodable = encrypt(p, 0);
    // 32 bytes that are not the encoding of any ristretto255 point.
    undecodable.questions[0]!.entries[1]!.alpha = 'ff'.repeat(32);
    const key = p.electionKey;
    const zeroRandomness = forgeBallot(
      key,
      ballotShape(p.pollSpec),
      p.voter,
      [marks(3, 0)],
      undefined,
      {
        zeroRandomness: true,
      },
    );
    expect(zeroRandomness.questions[0]!.entries[0]!.alpha).toBe('00'.repeat(32));

    expect((await cast(0, pollId, emptyProof)).error).toMatchObject({
      code: 'POLL_BALLOT_INVALID',
      details: { check: 'SHAPE_MISMATCH' },
    });
    expect((await cast(0, pollId, undecodable)).error).toMatchObject({
      code: 'POLL_BALLOT_INVALID',
      details: { check: 'BAD_ENCODING' },
    });
    expect((await cast(0, pollId, zeroRandomness)).error).toMatchObject({
      code: 'POLL_BALLOT_INVALID',
      details: { check: 'DEGENERATE_CIPHERTEXT' },
    });
    const rows = await t.sql(`SELECT 1 FROM poll_ballots WHERE poll_id = $1`, [pollId]);
    expect(rows).toHaveLength(0);

    // The delegate's one ballot is still there to cast, and is the first on the board.
    const receipts: SignedReceipt[] = [];
    for (const [i, choice] of [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 1],
    ] as const) {
      const ack = await cast(i, pollId, encrypt(await myPoll(i, pollId), choice));
      expect(ack.ok).toBe(true);
      receipts.push(ack.receipt);
    }
    expect(receipts.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    honest = { pollId, record: undefined as unknown as ElectionRecordV2, receipts };
  });

  it('an honest close with a voter recalled after voting verifies; present is the checked-in count', async () => {
    const { pollId, receipts } = honest;
    const recalled = live.roster.delegates[4]!;
    await t
      .http()
      .post(`/api/delegates/${recalled.id}/status`)
      .set(bearer(staff))
      .send({ status: 'recalled', reason: '罢免' })
      .expect(200);

    const closed = await close(pollId);
    expect(closed.body.result).toMatchObject({
      counts: [[4, 0, 0]],
      void: false,
      issued: 5,
      returned: 5,
      ballots: { cast: 5, counted: 4, excluded: 1 },
      exclusions: [{ board: '5', reason: 'SEAT_LOST', tracker: receipts[4]!.tracker }],
    });
    // 4 of the 5 serving delegates checked in; never the number of ballots.
    expect(closed.body.result.decision.electorate).toMatchObject({ total: 5, present: 4 });

    const record = await recordOf(pollId);
    expect(record).toMatchObject({
      version: 2,
      electorate: { total: 5, present: 4 },
      issued: { count: 5 },
      exclusions: [{ position: 5, reason: 'SEAT_LOST' }],
      key: { mode: 'custodian' },
    });
    expect(record.poll.vote).toEqual({
      type: 'motion',
      options: [
        { label: '赞成', meaning: 'for' },
        { label: '反对', meaning: 'against' },
        { label: '弃权', meaning: 'abstain' },
      ],
    });
    const report = verifyElectionRecordV2(record);
    expect(report.firstFailure).toBeUndefined();
    expect(report.ok).toBe(true);
    // Every delegate's signed receipt holds against the published record.
    for (const r of receipts) expect(checkReceipt(record, r).position).toBe(r.position);
    honest.record = record;
  });

  it('each tampering of the published record fails with its own reason', () => {
    const { record } = honest;
    const changed = structuredClone(record);
    const q = changed.board.entries[1]!.ballot.questions[0]!;
    [q.entries[0], q.entries[1]] = [q.entries[1]!, q.entries[0]!];
    expect(failure(verifyElectionRecordV2(changed))).toEqual({
      check: 'chain',
      code: 'TRACKER_MISMATCH',
    });

    const dropped = structuredClone(record);
    dropped.board.entries.splice(2, 1);
    dropped.board.entries.forEach((e, i) => (e.position = i + 1));
    expect(failure(verifyElectionRecordV2(dropped))).toEqual({
      check: 'chain',
      code: 'CHAIN_MISMATCH',
    });

    const broken = structuredClone(record);
    broken.board.entries[3]!.chainHead = broken.board.entries[2]!.chainHead;
    expect(failure(verifyElectionRecordV2(broken))).toEqual({
      check: 'chain',
      code: 'CHAIN_MISMATCH',
    });

    const forged = structuredClone(record);
    forged.decryptions[0]!.questions[0]!.entries[0]!.d = pointToHex(mulG(3n));
    expect(failure(verifyElectionRecordV2(forged))).toEqual({
      check: 'decryption',
      code: 'DECRYPTION_PROOF_FAILED',
    });

    // SEAT_LOST is the server's claim: without it the recalled voter's ballot should count, and
    // the published tally (which left it out) no longer matches.
    const unclaimed = structuredClone(record);
    unclaimed.exclusions = [];
    expect(failure(verifyElectionRecordV2(unclaimed))).toEqual({
      check: 'tally',
      code: 'TALLY_MISMATCH',
    });
  });

  it('npm run verify-poll checks the record at its URL, finds a tracker and holds a receipt against it', async () => {
    if (!existsSync(VERIFY_POLL)) throw new Error('dist/ is missing: run `npm run build` first');
    const url = `${t.url}/api/public/polls/${honest.pollId}/record`;
    const receipt = honest.receipts[0]!;
    const dir = await mkdtemp(path.join(tmpdir(), 'receipt-'));
    try {
      const file = path.join(dir, 'receipt.json');
      await writeFile(file, JSON.stringify(receipt));
      const { stdout } = await run(process.execPath, [
        VERIFY_POLL.pathname,
        url,
        '--tracker',
        receipt.shortCode,
        '--receipt',
        file,
      ]);
      expect(stdout).toContain(`追踪码 ${receipt.shortCode}：公告板第 1 位，已计入`);
      expect(stdout).toContain('回执：签名有效');
      expect(stdout).toContain('托管密钥');
      expect(stdout).toMatch(/全部检查通过。\n$/);
      // A tracker not on the board: exit 1.
      const missing = await run(process.execPath, [
        VERIFY_POLL.pathname,
        url,
        '--tracker',
        'AAAA-AAAA',
      ]).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
      expect(missing).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a ballot stuffed into the database beyond the ballots issued makes the poll void, and the record says so', async () => {
    const pollId = await open('审议决定《福利基金使用方案》');
    // Delegate 4 was recalled: 4 ballots issued (delegates 0–3, serving and checked in).
    const issued = (
      await t.sql<{ issued: { count: number } }>(`SELECT issued FROM polls WHERE id = $1`, [pollId])
    )[0]!.issued;
    expect(issued.count).toBe(4);
    for (const i of [0, 1, 2, 3])
      expect((await cast(i, pollId, encrypt(await myPoll(i, pollId), 0))).ok).toBe(true);
    // Tablet 5 never checked in: it is refused …
    const p5 = await myPoll(5, pollId);
    expect((await cast(5, pollId, encrypt(p5, 1))).error.code).toBe('POLL_NOT_CHECKED_IN');
    // … so an operator writes its ballot straight into the database, chained like the others.
    const stuffed = ballotToJSON(parseBallot(encrypt(p5, 1)));
    const [board] = await t.sql<{ board_head: string; board_size: number }>(
      `SELECT board_head, board_size FROM polls WHERE id = $1`,
      [pollId],
    );
    const { ballotTracker } = await import('../libs/ballot/src/index.js');
    const tracker = ballotTracker(stuffed);
    const head = chainLink(board!.board_head, tracker);
    await t.sql(
      `INSERT INTO poll_ballots (poll_id, delegate_id, credential, ballot, tracker, received_at, position, chain_head, verified)
       VALUES ($1, $2, $3, $4, $5, now(), $6, $7, true)`,
      [
        pollId,
        live.roster.delegates[5]!.id,
        p5.voter,
        JSON.stringify(stuffed),
        tracker,
        board!.board_size + 1,
        head,
      ],
    );
    await t.sql(`UPDATE polls SET board_size = board_size + 1, board_head = $2 WHERE id = $1`, [
      pollId,
      head,
    ]);

    const closed = await close(pollId);
    // 收回 5 > 发出 4: void, no decision; the stuffed ballot is not counted either.
    expect(closed.body.result).toMatchObject({
      void: true,
      decision: null,
      issued: 4,
      returned: 5,
      counts: [[4, 0, 0]],
      exclusions: [{ board: '5', reason: 'NOT_ISSUED' }],
    });
    const record = await recordOf(pollId);
    const report = verifyElectionRecordV2(record);
    expect(report.ok).toBe(true);
    expect(record.result).toMatchObject({ void: true, decision: null, returned: 5 });
    // A record that hid the void would not verify.
    const hidden = structuredClone(record);
    hidden.result.void = false;
    expect(failure(verifyElectionRecordV2(hidden))).toEqual({
      check: 'issued-rule',
      code: 'VOID_RULE',
    });
  });
});
