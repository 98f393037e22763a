import { describe, it, expect } from '@jest/globals';
import { encryptBallot, type Ballot } from '../ballot.js';
import { verifyBallots } from '../batch.js';
import { deterministicRng } from '../rng.js';
import { ballotShape } from '../shape.js';
import { combineDecryptions, partialDecrypt } from '../tally.js';
import { demoElection, plainSums, randomChoices, seededRandom } from '../testing.js';
import { BallotVerifierPool } from './pool.js';

const rng = deterministicRng('pool-spec');
const el = demoElection('pool-poll', 2, rng);
const shape = ballotShape({ questions: [{ kind: 'motion' }] });
const random = seededRandom(3);
const choices = Array.from({ length: 12 }, () => randomChoices(shape, random));
const ballots = choices.map(
  (c, i) => encryptBallot({ key: el.key, shape, voter: `v${i}`, choices: c, rng }).ballot,
);

describe('BallotVerifierPool (in-process; worker threads are exercised by bench/ballot.bench.ts on the compiled code)', () => {
  it.each(['sodium', 'sodium-direct', 'noble'] as const)(
    '%s engine: verdicts and tally match verifyBallots',
    async (engine) => {
      const forged: Ballot = structuredClone(ballots[4]);
      forged.questions[0].entries[1].proof[0].c = ballots[5].questions[0].entries[1].proof[0].c;
      const items = ballots.map((ballot, i) => ({
        ballot: i === 4 ? forged : ballot,
        voter: i === 7 ? 'someone-else' : `v${i}`,
      }));
      const pool = await BallotVerifierPool.create({
        key: el.key,
        shape,
        threads: 0,
        engine,
        chunkSize: 5,
      });
      const r = await pool.verify(items);
      await pool.close();
      expect(
        r.outcomes.map((o) => (o.ok ? 'ok' : `${o.error.code}@${o.error.detail.ballot}`)),
      ).toEqual(
        items.map((_, i) => (i === 4 ? 'ENTRY_PROOF_FAILED@4' : i === 7 ? 'WRONG_VOTER@7' : 'ok')),
      );
      expect(r.valid).toBe(10);
      expect(r.tally).toEqual(verifyBallots({ key: el.key, shape }, items).tally);
      const counted = choices.filter((_, i) => i !== 4 && i !== 7);
      const pds = el.secrets.map((s) => partialDecrypt(el.key, shape, s, r.tally, rng));
      expect(combineDecryptions(el.key, shape, r.tally, pds).counts).toEqual(
        plainSums(shape, counted),
      );
    },
  );

  it('says how to get worker threads when the compiled worker is missing', async () => {
    await expect(BallotVerifierPool.create({ key: el.key, shape, threads: 1 })).rejects.toThrow(
      /compiled library|threads: 0/,
    );
  });
});
