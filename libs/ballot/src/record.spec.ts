import { describe, it, expect } from '@jest/globals';
import { encryptBallot, marks, type Ballot } from './ballot.js';
import { verifyBallots } from './batch.js';
import type { BallotError } from './errors.js';
import { findTracker, verifyElectionRecord, type ElectionRecord } from './record.js';
import { deterministicRng } from './rng.js';
import { ballotShape, type PollSpec } from './shape.js';
import { combineDecryptions, partialDecrypt } from './tally.js';
import { demoElection } from './testing.js';

const rng = deterministicRng('record-spec');
const el = demoElection('record-poll', 2, rng);
const poll: PollSpec = { questions: [{ kind: 'motion' }] };
const shape = ballotShape(poll);
const enc = (voter: string, i: number) =>
  encryptBallot({ key: el.key, shape, voter, choices: [marks(3, i)], rng });
const made = [enc('a', 0), enc('b', 0), enc('c', 2), enc('a', 1)];
const broken: Ballot = structuredClone(made[1].ballot);
broken.questions[0].sumProof[0].s = made[2].ballot.questions[0].sumProof[0].s;
const board = [made[0].ballot, broken, made[2].ballot, made[3].ballot];

function publish(ballots: Ballot[]): ElectionRecord {
  const counted = [ballots[0], ballots[2]];
  const { tally } = verifyBallots(
    { key: el.key, shape },
    counted.map((ballot) => ({ ballot })),
    { rng },
  );
  const decryptions = el.secrets.map((s) => partialDecrypt(el.key, shape, s, tally, rng));
  return {
    version: 1,
    poll,
    key: el.key,
    ballots,
    tally,
    decryptions,
    result: combineDecryptions(el.key, shape, tally, decryptions),
  };
}

describe('election record', () => {
  const record = publish(board);

  it('recomputes which ballots count (a bad proof and a second ballot of the same voter do not) and the result', () => {
    const report = verifyElectionRecord(record, { rng });
    expect(report.counted).toBe(2);
    expect(report.board.map((b) => (b.counted ? 'counted' : b.error?.code))).toEqual([
      'counted',
      'SUM_PROOF_FAILED',
      'counted',
      'DUPLICATE_VOTER',
    ]);
    expect(report.result.counts).toEqual([[1, 0, 1]]);
  });

  it('finds a tracker by full hex or by short code as typed', () => {
    const report = verifyElectionRecord(record, { rng });
    expect(findTracker(report, made[2].tracker)).toMatchObject({ index: 2, counted: true });
    expect(findTracker(report, made[0].shortCode.toLowerCase().replace('-', ' '))).toMatchObject({
      index: 0,
      counted: true,
    });
    expect(findTracker(report, made[3].shortCode)).toMatchObject({ index: 3, counted: false });
    expect(findTracker(report, 'AAAA-AAAA')).toBeUndefined();
  });

  it('catches a published tally, decryption or result that does not follow', () => {
    const code = (r: ElectionRecord) => {
      try {
        verifyElectionRecord(r, { rng });
        return 'none';
      } catch (e) {
        return (e as BallotError).code;
      }
    };
    expect(code({ ...record, tally: publish([board[0], board[1], board[0]]).tally })).toBe(
      'TALLY_MISMATCH',
    );
    expect(code({ ...record, result: { ...record.result, counts: [[2, 0, 0]] } })).toBe(
      'RESULT_MISMATCH',
    );
    expect(
      code({
        ...record,
        decryptions: [
          record.decryptions[0],
          publish([board[3], board[1], board[3]]).decryptions[1],
        ],
      }),
    ).toBe('DECRYPTION_PROOF_FAILED');
    expect(code({ ...record, decryptions: record.decryptions.slice(1) })).toBe('MISSING_TRUSTEE');
  });
});
