import { describe, expect, it } from '@jest/globals';
import { encryptBallot, verifyBallot } from './ballot.js';
import { deterministicRng } from './rng.js';
import { ballotShape } from './shape.js';
import {
  checkSlipBatch,
  checkSlipSignatures,
  generateSlipBatch,
  issuedSlips,
  readSlip,
  reusedSlipPositions,
  signWithSlips,
  slipBatchDigest,
  slipText,
  slipVoter,
  type Slip,
} from './slips.js';
import { demoElection } from './testing.js';

const rng = deterministicRng('slips');
const SESSION = 'session-5-2';
const POLL = 'poll-1';
// Three tellers, each printing a box of 5 slips for the session.
const made = [1, 2, 3].map((teller) =>
  generateSlipBatch({ sessionId: SESSION, teller, count: 5 }, rng),
);
const issued = issuedSlips(made.map((m) => m.batch));
const election = demoElection(POLL, 1, rng);
const shape = ballotShape({ questions: [{ kind: 'motion' }] });

/** A delegate draws one slip from each box; the tablet scans them and casts 赞成. */
function cast(drawn: Slip[], pollId = POLL) {
  const scanned = drawn.map((s) => readSlip(slipText(s)));
  const voter = slipVoter(
    SESSION,
    scanned.map((s) => s.publicKey),
  );
  const { ballot, tracker } = encryptBallot({
    key: election.key,
    shape,
    voter,
    choices: [[1, 0, 0]],
    rng,
  });
  return { ballot, tracker, voter, slips: signWithSlips(pollId, tracker, scanned) };
}
const draw = (i: number) => made.map((m) => m.slips[i]);

describe('slip batches', () => {
  it('publish sorted, distinct public keys and a digest that names the session and the teller', () => {
    const { batch, slips } = made[0];
    expect(batch.publicKeys).toEqual(slips.map((s) => s.publicKey).sort());
    expect(new Set(batch.publicKeys).size).toBe(5);
    expect(slipBatchDigest(batch)).toMatch(/^[0-9a-f]{64}$/);
    expect(slipBatchDigest({ ...batch, teller: 2 })).not.toBe(slipBatchDigest(batch));
    const unsorted = { ...batch, publicKeys: [...batch.publicKeys].reverse() };
    expect(() => checkSlipBatch(unsorted)).toThrow(/ISSUED_MISMATCH.*sorted/);
    const twice = [made[0].batch, made[0].batch];
    expect(() => issuedSlips(twice)).toThrow(/ISSUED_MISMATCH/);
  });

  it('print a slip as QR text that scans back to the same keys, and refuse anything else', () => {
    const slip = made[1].slips[2];
    const text = slipText(slip);
    expect(text).toMatch(/^congress-slip:1:2:session-5-2:[A-Z2-7]{52}$/);
    expect(readSlip(`  ${text}\n`)).toEqual(slip);
    for (const bad of [
      '',
      'congress-card:7KQ2M9XF4T',
      text.replace(':1:2:', ':2:2:'),
      text.slice(0, -4),
    ])
      expect(() => readSlip(bad)).toThrow(/BAD_ENCODING/);
  });
});

describe('a ballot signed with the slips a delegate drew', () => {
  it('verifies: one slip of each batch, each signing this poll and tracker, the voter derived from them', () => {
    const c = cast(draw(0));
    expect(verifyBallot(c.ballot, { key: election.key, shape, voter: c.voter }).tracker).toBe(
      c.tracker,
    );
    expect(checkSlipSignatures({ pollId: POLL, ...c }, issued)).toEqual(
      c.slips.map((s) => s.publicKey),
    );
  });

  it('cannot be made by a server holding only public keys and one teller short of the slips', () => {
    // The server (or two colluding tellers) lacks teller 3's slip: it makes up a key of its own.
    const [outsider] = generateSlipBatch({ sessionId: SESSION, teller: 3, count: 1 }, rng).slips;
    const forged = cast([made[0].slips[1], made[1].slips[1], outsider]);
    expect(() => checkSlipSignatures({ pollId: POLL, ...forged }, issued)).toThrow(
      /UNISSUED_CREDENTIAL.*teller 3/,
    );
    const short = cast(draw(1).slice(0, 2));
    expect(() => checkSlipSignatures({ pollId: POLL, ...short }, issued)).toThrow(
      /UNISSUED_CREDENTIAL.*3 tellers/,
    );
  });

  it('is refused when a signature is for another poll or ballot, or the voter is not the slips’', () => {
    const c = cast(draw(2));
    const otherPoll = cast(draw(2), 'poll-2');
    expect(() =>
      checkSlipSignatures({ pollId: POLL, ...c, slips: otherPoll.slips }, issued),
    ).toThrow(/BAD_SIGNATURE.*teller 1/);
    const other = cast(draw(3));
    expect(() => checkSlipSignatures({ pollId: POLL, ...c, slips: other.slips }, issued)).toThrow(
      /BAD_SIGNATURE/,
    );
    // Someone else's ballot re-signed with these slips: the proofs name another voter.
    const resigned = { ...other, slips: signWithSlips(POLL, other.tracker, draw(2)) };
    expect(() => checkSlipSignatures({ pollId: POLL, ...resigned }, issued)).toThrow(/WRONG_VOTER/);
    const garbage = c.slips.map((s) => ({ ...s, signature: 'zz' }));
    expect(() => checkSlipSignatures({ pollId: POLL, ...c, slips: garbage }, issued)).toThrow(
      /BAD_ENCODING/,
    );
  });
});

describe('reusedSlipPositions', () => {
  it('excludes a later ballot that shares a slip with an earlier one under other slips (a copied slip)', () => {
    const a = { position: 1, voter: 'A', slipKeys: ['k1', 'k2'] };
    const copied = { position: 2, voter: 'B', slipKeys: ['k1', 'k3'] };
    const again = { position: 3, voter: 'A', slipKeys: ['k1', 'k2'] };
    const fresh = { position: 4, voter: 'C', slipKeys: ['k4', 'k5'] };
    expect(reusedSlipPositions([fresh, again, copied, a])).toEqual([2]);
    expect(reusedSlipPositions([])).toEqual([]);
  });
});
