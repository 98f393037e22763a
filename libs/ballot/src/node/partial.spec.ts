import { describe, expect, it } from '@jest/globals';
import { encryptBallot, verifyBallot } from '../ballot.js';
import { deterministicRng } from '../rng.js';
import { ballotShape } from '../shape.js';
import {
  combineDecryptions,
  emptyTally,
  partialDecrypt,
  sumCiphertexts,
  verifyPartialDecryption,
} from '../tally.js';
import { demoElection, plainSums, randomChoices, seededRandom } from '../testing.js';
import { partialDecryptSodium } from './partial.js';
import { loadSodium, SodiumGroup } from './sodium.js';

const el = demoElection('partial-poll', 2, deterministicRng('partial-spec'));
const shape = ballotShape({
  questions: [{ kind: 'motion' }, { kind: 'election', candidates: 4, maxMarks: 2 }],
});
const random = seededRandom(7);
const choices = Array.from({ length: 9 }, () => randomChoices(shape, random));
const rng = deterministicRng('partial-ballots');
const cts = choices.map((c, i) => {
  const { ballot } = encryptBallot({ key: el.key, shape, voter: `v${i}`, choices: c, rng });
  return verifyBallot(ballot, { key: el.key, shape, voter: `v${i}` }).ciphertexts;
});
const tally = sumCiphertexts(el.key, shape, cts);

describe('partialDecryptSodium', () => {
  it("is partialDecrypt's output byte for byte for the same random stream", async () => {
    const group = new SodiumGroup(await loadSodium());
    for (const secret of el.secrets) {
      const noble = partialDecrypt(el.key, shape, secret, tally, deterministicRng('nonce'));
      const sodium = partialDecryptSodium(
        group,
        el.key,
        shape,
        secret,
        tally,
        deterministicRng('nonce'),
      );
      expect(sodium).toEqual(noble);
    }
  });

  it('verifies, and both partials decrypt the tally', async () => {
    const group = new SodiumGroup(await loadSodium());
    const pds = el.secrets.map((s) => partialDecryptSodium(group, el.key, shape, s, tally));
    for (const pd of pds) verifyPartialDecryption(el.key, shape, tally, pd);
    expect(combineDecryptions(el.key, shape, tally, pds).counts).toEqual(plainSums(shape, choices));
  });

  it('decrypts an empty tally (every entry the identity)', async () => {
    const group = new SodiumGroup(await loadSodium());
    const empty = emptyTally(el.key, shape);
    const pds = el.secrets.map((s) => partialDecryptSodium(group, el.key, shape, s, empty));
    for (const pd of pds) verifyPartialDecryption(el.key, shape, empty, pd);
    expect(combineDecryptions(el.key, shape, empty, pds).counts).toEqual(
      shape.questions.map((q) => new Array(q.entries).fill(0)),
    );
  });

  it("refuses another trustee's secret under this index, as partialDecrypt does", async () => {
    const group = new SodiumGroup(await loadSodium());
    const wrong = { ...el.secrets[0]!, index: 2 };
    expect(() => partialDecryptSodium(group, el.key, shape, wrong, tally)).toThrow(
      expect.objectContaining({ code: 'WRONG_SECRET' }),
    );
  });
});
