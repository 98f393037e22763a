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
import { BallotError } from '../errors.js';
import { pointToBytes } from '../group.js';
import { pollKey, type ElectionKey } from '../keys.js';
import type { TellerSecret } from '../ceremony.js';
import type { TrusteeSecret } from '../keys.js';
import { demoCeremony, demoElection, plainSums, randomChoices, seededRandom } from '../testing.js';
import { partialDecryptSodium, verifyPartialDecryptionSodium } from './partial.js';
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

/** The verdict of a check: the decoded D's encodings, or the error's code and detail. */
function verdict(check: () => Uint8Array[][]) {
  try {
    return { ok: check().map((q) => q.map((d) => Buffer.from(d).toString('hex'))) };
  } catch (e) {
    if (!(e instanceof BallotError)) throw e;
    return { code: e.code, detail: e.detail };
  }
}

describe('verifyPartialDecryptionSodium', () => {
  const tellers = demoCeremony(
    { ceremonyId: 'partial-spec', threshold: 2, tellers: 3 },
    deterministicRng('partial-ceremony'),
  );
  const keys: [string, ElectionKey, readonly (TrusteeSecret | TellerSecret)[]][] = [
    ['one key per trustee (version 1)', el.key, el.secrets],
    ["a ceremony's key (tellers, t of n)", pollKey('partial-poll', tellers.key), tellers.secrets],
  ];
  type Pd = ReturnType<typeof partialDecrypt>;
  const entry = (pd: Pd, q = 1, e = 2) => pd.questions[q]!.entries[e]!;
  // Each a partial the noble check refuses, and how it is spoiled.
  const spoiled: [string, (pd: Pd, other: Pd) => unknown][] = [
    ['not an object', () => null],
    ['another version', (pd) => ({ ...pd, version: 2 })],
    ['a trustee the key does not have', (pd) => ({ ...pd, trustee: 9 })],
    ['another poll', (pd) => ({ ...pd, pollId: 'other' })],
    ['another key', (pd) => ({ ...pd, keyFingerprint: '00'.repeat(32) })],
    ['a question missing', (pd) => ({ ...pd, questions: pd.questions.slice(1) })],
    [
      'an entry missing',
      (pd) => {
        pd.questions[1]!.entries.pop();
        return pd;
      },
    ],
    ['d not hex', (pd) => ((entry(pd).d = 'zz'), pd)],
    ['d not a point', (pd) => ((entry(pd).d = 'ff'.repeat(32)), pd)],
    ['t2 not a point', (pd) => ((entry(pd).t2 = 'ff'.repeat(32)), pd)],
    ['s not a scalar', (pd) => ((entry(pd).s = 'ff'.repeat(32)), pd)],
    ["another trustee's d", (pd, other) => ((entry(pd).d = entry(other).d), pd)],
    ['d the identity', (pd) => ((entry(pd).d = '00'.repeat(32)), pd)],
    ['t1 of another entry', (pd) => ((entry(pd).t1 = entry(pd, 0, 0).t1), pd)],
    ["another trustee's response", (pd, other) => ((entry(pd, 0, 1).s = entry(other, 0, 1).s), pd)],
  ];

  describe.each(keys)('%s', (_, key, secrets) => {
    const t = sumCiphertexts(
      key,
      shape,
      choices.map((c, i) => {
        const { ballot } = encryptBallot({ key, shape, voter: `v${i}`, choices: c, rng });
        return verifyBallot(ballot, { key, shape, voter: `v${i}` }).ciphertexts;
      }),
    );
    const made = () => secrets.slice(0, 2).map((s) => partialDecrypt(key, shape, s, t));

    it("accepts an honest partial and gives noble's D", async () => {
      const group = new SodiumGroup(await loadSodium());
      for (const pd of made()) {
        const noble = verifyPartialDecryption(key, shape, t, pd).map((q) => q.map(pointToBytes));
        const sodium = verdict(() => verifyPartialDecryptionSodium(group, key, shape, t, pd));
        expect(sodium).toEqual(verdict(() => noble));
      }
    });

    it.each(spoiled)('refuses %s with the code and detail noble gives', async (_, spoil) => {
      const group = new SodiumGroup(await loadSodium());
      const [pd, other] = made();
      const bad = spoil(structuredClone(pd!), other!) as Pd;
      const noble = verdict(() =>
        verifyPartialDecryption(key, shape, t, bad).map((q) => q.map(pointToBytes)),
      );
      expect(noble).toHaveProperty('code'); // the spoiled partial really is refused
      expect(verdict(() => verifyPartialDecryptionSodium(group, key, shape, t, bad))).toEqual(
        noble,
      );
    });
  });
});
