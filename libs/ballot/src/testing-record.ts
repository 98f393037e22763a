/**
 * A whole secret poll under a tellers' key, closed and recorded (format version 2, and version 3
 * with ballot slips), made in one
 * place from a seed: the known-answer record (test-vectors/record-v2.json), the record tests and
 * the benchmarks. The app makes the same record from its database with prepareClose/finishRecord.
 */
import { MAJORITY_OF_ALL } from '../../tally/src/index.js';
import { encryptBallot, marks, type Ballot } from './ballot.js';
import { boardKeyPair, signReceipt, type SignedReceipt } from './board.js';
import type { TellerSecret } from './ceremony.js';
import { shortCode } from './ballot.js';
import type { ElectionKey } from './keys.js';
import { pollKey } from './keys.js';
import { sortCredentials, type Issued, type RecordPoll } from './record-poll.js';
import { finishRecord, prepareClose, type ElectionRecordV2, type RecordKey } from './record-v2.js';
import { deterministicRng, type Rng } from './rng.js';
import { ballotShape } from './shape.js';
import { partialDecrypt } from './tally.js';
import { pollSpecOf } from './record-poll.js';
import { demoCeremony, type DemoCeremony } from './testing.js';
import {
  generateSlipBatch,
  signWithSlips,
  slipVoter,
  type RecordSlips,
  type Slip,
  type SlipSignature,
} from './slips.js';

export interface DemoCast {
  /** Credential name (cred-a…). */
  voter: string;
  /** Option index. */
  choice: number;
}

export interface DemoRecord {
  record: ElectionRecordV2;
  receipts: SignedReceipt[];
  ceremony: DemoCeremony;
  boardSecretKey: string;
  key: ElectionKey;
  poll: RecordPoll;
  issued: Issued;
  /** Board entries as cast, for remaking the record differently in tests. */
  entries: { ballot: Ballot; receivedAt: string }[];
}

export const DEMO_POLL: RecordPoll = {
  pollId: 'poll-2026-11-21-3',
  title: '关于《职工福利调整方案》的表决',
  vote: {
    type: 'motion',
    options: [
      { label: '赞成', meaning: 'for' },
      { label: '反对', meaning: 'against' },
      { label: '弃权', meaning: 'abstain' },
    ],
  },
  recast: 'last-counts',
  rule: MAJORITY_OF_ALL,
};

/**
 * Six credentials issued (cred-a … cred-f), eight serving delegates. cred-a votes 赞成 then
 * re-casts 弃权 (the first is superseded); cred-d's delegate is recalled before the close
 * (SEAT_LOST); tellers 1 and 3 decrypt, teller 2 is absent. Counted: 赞成 2, 反对 1, 弃权 1.
 */
export const DEMO_CASTS: DemoCast[] = [
  { voter: 'cred-a', choice: 0 },
  { voter: 'cred-b', choice: 1 },
  { voter: 'cred-c', choice: 0 },
  { voter: 'cred-a', choice: 2 },
  { voter: 'cred-d', choice: 0 },
  { voter: 'cred-e', choice: 0 },
];

export function demoRecord(
  seed = 'congress-ballot known-answer record v2',
  opts: { casts?: DemoCast[]; seatLost?: number[]; tellers?: number[]; rng?: Rng } = {},
): DemoRecord {
  const rng = opts.rng ?? deterministicRng(seed);
  const ceremony = demoCeremony(
    { ceremonyId: '第五届职代会第二次会议 监票人', threshold: 2, tellers: 3 },
    rng,
  );
  const board = boardKeyPair(rng);
  const poll = DEMO_POLL;
  const key = pollKey(poll.pollId, ceremony.key);
  const shape = ballotShape(pollSpecOf(poll));
  const issued: Issued = {
    count: 6,
    credentials: sortCredentials(['cred-a', 'cred-b', 'cred-c', 'cred-d', 'cred-e', 'cred-f']),
  };
  const casts = opts.casts ?? DEMO_CASTS;
  const entries = casts.map((c, i) => ({
    ballot: encryptBallot({ key, shape, voter: c.voter, choices: [marks(3, c.choice)], rng })
      .ballot,
    receivedAt: `2026-11-21T06:${String(30 + i).padStart(2, '0')}:00.000Z`,
  }));
  const recordKey: RecordKey = { mode: 'tellers', ceremony: ceremony.transcript };
  const made = closeDemo(
    { poll, key: recordKey, issued, boardKey: board.publicKey, entries },
    ceremony.secrets,
    opts.seatLost ?? [5],
    opts.tellers ?? [1, 3],
    rng,
  );
  const receipts = made.board.entries.map((e) =>
    signReceipt(
      {
        version: 2,
        pollId: poll.pollId,
        tracker: e.tracker,
        shortCode: shortCode(e.tracker),
        position: e.position,
        chainHead: e.chainHead,
        receivedAt: e.receivedAt,
      },
      board.secretKey,
    ),
  );
  return {
    record: made,
    receipts,
    ceremony,
    boardSecretKey: board.secretKey,
    key,
    poll,
    issued,
    entries,
  };
}

/** prepareClose, the tellers' partial decryptions, finishRecord. */
export function closeDemo(
  p: Parameters<typeof prepareClose>[0],
  secrets: readonly TellerSecret[],
  seatLost: readonly number[],
  tellers: readonly number[],
  rng: Rng,
): ElectionRecordV2 {
  const prepared = prepareClose({ ...p, seatLost, rng });
  const partials = tellers.map((t) =>
    partialDecrypt(prepared.key, prepared.shape, secrets[t - 1], prepared.record.tally, rng),
  );
  return finishRecord(prepared, partials, { total: 8, present: 6 });
}

export interface DemoSlipsRecord {
  record: ElectionRecordV2;
  /** Each teller's printed slips (the boxes), teller 1 first. */
  boxes: Slip[][];
  slips: RecordSlips;
  /** Board entries as cast, with their slip signatures. */
  entries: { ballot: Ballot; receivedAt: string; slips: SlipSignature[] }[];
  ceremony: DemoCeremony;
  boardKey: string;
  issued: Issued;
}

/**
 * The same poll voted with ballot slips (format version 3): each of the 3 tellers prints a box
 * of 8 slips; delegate k draws slip `draw` from every box (or `draw[b]` from box b). By default: four delegates vote
 * (赞成, 反对, 赞成, 弃权), six were issued ballots. `casts` override (draw index, choice).
 */
export function demoSlipsRecord(
  seed = 'congress-ballot known-answer record v3',
  opts: {
    casts?: { draw: number | number[]; choice: number; slips?: SlipSignature[] }[];
    rng?: Rng;
  } = {},
): DemoSlipsRecord {
  const rng = opts.rng ?? deterministicRng(seed);
  const ceremony = demoCeremony(
    { ceremonyId: '第五届职代会第二次会议 监票人', threshold: 2, tellers: 3 },
    rng,
  );
  const board = boardKeyPair(rng);
  const sessionId = 'session-5-2';
  const made = [1, 2, 3].map((teller) => generateSlipBatch({ sessionId, teller, count: 8 }, rng));
  const slips: RecordSlips = { sessionId, batches: made.map((m) => m.batch) };
  const boxes = made.map((m) => m.slips);
  const poll: RecordPoll = { ...DEMO_POLL, recast: 'once' };
  const key = pollKey(poll.pollId, ceremony.key);
  const shape = ballotShape(pollSpecOf(poll));
  const issued: Issued = { count: 6, credentials: [] };
  const casts = opts.casts ?? [
    { draw: 0, choice: 0 },
    { draw: 1, choice: 1 },
    { draw: 2, choice: 0 },
    { draw: 3, choice: 2 },
  ];
  const entries = casts.map((c, i) => {
    const drawn = boxes.map((box, b) => box[typeof c.draw === 'number' ? c.draw : c.draw[b]]);
    const voter = slipVoter(
      sessionId,
      drawn.map((s) => s.publicKey),
    );
    const { ballot, tracker } = encryptBallot({
      key,
      shape,
      voter,
      choices: [marks(3, c.choice)],
      rng,
    });
    return {
      ballot,
      receivedAt: `2026-11-21T07:${String(10 + i).padStart(2, '0')}:00.000Z`,
      slips: c.slips ?? signWithSlips(poll.pollId, tracker, drawn),
    };
  });
  const record = closeDemo(
    {
      poll,
      key: { mode: 'tellers', ceremony: ceremony.transcript },
      issued,
      slips,
      boardKey: board.publicKey,
      entries,
    },
    ceremony.secrets,
    [],
    [1, 2],
    rng,
  );
  return { record, boxes, slips, entries, ceremony, boardKey: board.publicKey, issued };
}
