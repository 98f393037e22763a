import { describe, it, expect } from '@jest/globals';
import { BallotError } from './errors.js';
import { BoardFollower, type FollowedRecord } from './follow.js';
import { combinePartials } from './close.js';
import { chunkVerifier } from './node/chunk.js';
import { prepareClose, type PreparedClose } from './record-v2.js';
import { deterministicRng } from './rng.js';
import { demoRecord } from './testing-record.js';

const demo = demoRecord('follow spec');
const rng = deterministicRng('follow spec, tests');
const board = demo.record.board.entries.map((e) => ({ position: e.position, ballot: e.ballot }));

/** What the api hands the tellers at the close (the record before the partials). */
function preparedOf(seatLost = [5], entries = demo.entries): PreparedClose['record'] {
  return prepareClose({
    poll: demo.poll,
    key: demo.record.key,
    issued: demo.issued,
    boardKey: demo.record.board.publicKey,
    entries,
    seatLost,
    rng,
  }).record;
}

const follower = () => new BoardFollower({ poll: demo.poll, key: demo.record.key });

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof BallotError) return e.code;
    throw e;
  }
  return 'answered';
}

describe('BoardFollower (a teller device following the board during the poll)', () => {
  it('follows in chunks, then answers the close with a partial that combines, honouring a superseded ballot and a seat lost', () => {
    const record = preparedOf();
    // Exclusions of the demo: position 1 superseded by 4 (last press counts), 5 seat lost.
    expect(record.exclusions.map((x) => [x.position, x.reason])).toEqual([
      [1, 'SUPERSEDED'],
      [5, 'SEAT_LOST'],
    ]);
    const [t1, t3] = [follower(), follower()];
    for (const f of [t1, t3]) {
      expect(f.follow(board.slice(0, 2))).toEqual({ followed: 2, valid: 2, invalid: 0 });
      // Entries already followed are skipped, new ones added.
      expect(f.follow(board.slice(1, 4))).toMatchObject({ followed: 4 });
    }
    // The last two arrived just before the close: verified at the answer.
    const a1 = t1.answer(record, demo.ceremony.secrets[0], rng);
    const a3 = t3.answer(record, demo.ceremony.secrets[2], rng);
    expect(a1).toMatchObject({ counted: 4, verifiedAtClose: 2 });
    const { result, used } = combinePartials(t1.key, t1.shape, record.tally, [
      a1.partial,
      a3.partial,
    ]);
    expect(used).toEqual([1, 3]);
    expect(result.counts).toEqual(demo.record.result.counts);
  });

  it('answers from the record without the ballots it followed, as the api serves it to a following device', () => {
    const record = preparedOf();
    const excluded = new Set(record.exclusions.map((x) => x.position));
    // What `decryption/input?followed=4` gives: ballots after 4, and the excluded ones (1 and 5).
    const light = (r: PreparedClose['record'], followed: number): FollowedRecord => ({
      ...r,
      board: {
        ...r.board,
        entries: r.board.entries.map(({ ballot, ...e }) =>
          e.position > followed || excluded.has(e.position) ? { ...e, ballot } : e,
        ),
      },
    });
    const whole = follower();
    whole.follow(board.slice(0, 4));
    const f = follower();
    f.follow(board.slice(0, 4));
    const a = f.answer(light(record, 4), demo.ceremony.secrets[0], deterministicRng('same'));
    expect(a).toEqual(whole.answer(record, demo.ceremony.secrets[0], deterministicRng('same')));
    expect(light(record, 4).board.entries.map((e) => 'ballot' in e)).toEqual([
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    // A ballot it has not verified left out (position 5 is excluded, 6 is new): refused.
    const started = () => {
      const g = follower();
      g.follow(board.slice(0, 4));
      return g;
    };
    const unseen = light(record, 6);
    expect(codeOf(() => started().answer(unseen, demo.ceremony.secrets[0]))).toBe('TALLY_MISMATCH');
    // An excluded ballot it must subtract left out: refused.
    const noExcluded = light(record, 4);
    delete noExcluded.board.entries[0].ballot;
    expect(codeOf(() => started().answer(noExcluded, demo.ceremony.secrets[0]))).toBe(
      'TALLY_MISMATCH',
    );
    // An entry without its ballot is compared by its tracker.
    const moved = light(record, 4);
    moved.board.entries[2].tracker = moved.board.entries[3].tracker;
    expect(codeOf(() => started().answer(moved, demo.ceremony.secrets[0]))).toBe(
      'TRACKER_MISMATCH',
    );
  });

  it('uses libsodium to verify chunks when given (a laptop), with the same sums', async () => {
    const v = await chunkVerifier(follower().key, follower().shape, 'sodium');
    const f = new BoardFollower({
      poll: demo.poll,
      key: demo.record.key,
      check: (items) => v.verify(items, 0),
    });
    f.follow(board);
    expect(f.answer(preparedOf(), demo.ceremony.secrets[1], rng).counted).toBe(4);
  });

  it('refuses a tally that is not the sum of the counted ballots it verified', () => {
    const honest = preparedOf();
    // The server leaves out a counted ballot from the tally (claims a seat lost it cannot show
    // for a ballot this device counts otherwise is caught as an exclusion; here only the sum).
    const other = preparedOf([5, 2]);
    const f = follower();
    f.follow(board);
    expect(
      codeOf(() => f.answer({ ...honest, tally: other.tally }, demo.ceremony.secrets[0])),
    ).toBe('TALLY_MISMATCH');
    // A SEAT_LOST claim is the server's word (nobody can recompute it): the sum follows it.
    expect(follower().answer(other, demo.ceremony.secrets[0], rng).counted).toBe(3);
  });

  it('refuses a board that differs from the one followed, and exclusions the rule does not give', () => {
    const record = preparedOf();
    const f = follower();
    f.follow(board);
    // A ballot at position 3 other than the one this device verified.
    const swapped = structuredClone(record);
    swapped.board.entries[2].ballot = board[5].ballot;
    expect(codeOf(() => f.answer(swapped, demo.ceremony.secrets[0]))).toBe('TRACKER_MISMATCH');
    // A valid ballot excluded as INVALID (a dropped vote).
    const dropped = structuredClone(record);
    dropped.exclusions.push({ position: 3, reason: 'INVALID', code: 'ENTRY_PROOF_FAILED' });
    expect(codeOf(() => f.answer(dropped, demo.ceremony.secrets[0]))).toBe('EXCLUSION_MISMATCH');
    // The superseded ballot counted instead of the later one.
    const older = structuredClone(record);
    older.exclusions = older.exclusions.filter((x) => x.reason !== 'SUPERSEDED');
    expect(codeOf(() => f.answer(older, demo.ceremony.secrets[0]))).toBe('EXCLUSION_MISMATCH');
    // A board shorter than what was followed.
    const short = structuredClone(record);
    short.board.entries.pop();
    expect(codeOf(() => f.answer(short, demo.ceremony.secrets[0]))).toBe('TALLY_MISMATCH');
    // Another poll's record.
    const other = structuredClone(record);
    other.poll = { ...other.poll, title: '另一项表决' };
    expect(codeOf(() => f.answer(other, demo.ceremony.secrets[0]))).toBe('TALLY_MISMATCH');
  });

  it('refuses a forged ballot counted, and positions given out of order', () => {
    const forged = structuredClone(demo.entries);
    const branch = forged[1].ballot.questions[0].entries[0].proof[0];
    branch.s = (branch.s[0] === '0' ? '1' : '0') + branch.s.slice(1);
    const honest = preparedOf([5], forged);
    expect(honest.exclusions).toContainEqual({
      position: 2,
      reason: 'INVALID',
      code: 'ENTRY_PROOF_FAILED',
    });
    const f = follower();
    expect(f.follow(forged.map((e, i) => ({ position: i + 1, ballot: e.ballot })))).toMatchObject({
      valid: 5,
      invalid: 1,
    });
    expect(f.answer(honest, demo.ceremony.secrets[0], rng).counted).toBe(3);
    // The forged ballot counted (its exclusion removed): refused.
    const counted = structuredClone(honest);
    counted.exclusions = counted.exclusions.filter((x) => x.position !== 2);
    expect(codeOf(() => follower().answer(counted, demo.ceremony.secrets[0]))).toBe(
      'EXCLUSION_MISMATCH',
    );
    expect(codeOf(() => follower().follow(board.slice(1, 3)))).toBe('CHAIN_MISMATCH');
  });
});
