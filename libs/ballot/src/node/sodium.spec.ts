import { describe, it, expect, beforeAll } from '@jest/globals';
import fc from 'fast-check';
import { RistrettoPoint, L, mulG, pointToHex, scalarToBytes } from '../group.js';
import { toHex, fromHex } from '../encoding.js';
import { checkBallot, encryptBallot, type Ballot } from '../ballot.js';
import { batchVerify, verifyBallots } from '../batch.js';
import { verifyElectionKey } from '../keys.js';
import { deterministicRng } from '../rng.js';
import { ballotShape, type PollSpec } from '../shape.js';
import { BallotError } from '../errors.js';
import { demoElection, randomChoices, seededRandom } from '../testing.js';
import { SodiumGroup, loadSodium, verifyBallotSodium } from './sodium.js';

let group: SodiumGroup;
beforeAll(async () => {
  group = new SodiumGroup(await loadSodium());
});

const rng = deterministicRng('sodium-spec');
const el = demoElection('sodium-poll', 2, rng);

describe('libsodium and @noble/curves agree on ristretto255 (RFC 9496 encodings)', () => {
  it('on multiples of the generator and on scalar multiplication of arbitrary points', () => {
    for (let i = 1n; i < 16n; i++) expect(toHex(group.mulBase(i))).toBe(pointToHex(mulG(i)));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: L - 1n }),
        fc.bigInt({ min: 0n, max: L - 1n }),
        fc.bigInt({ min: 1n, max: L - 1n }),
        (p, k, q) => {
          const P = mulG(p);
          const Q = mulG(q);
          expect(toHex(group.mul(k, P.toBytes()))).toBe(
            pointToHex(k === 0n ? RistrettoPoint.ZERO : P.multiply(k)),
          );
          expect(toHex(group.add(P.toBytes(), Q.toBytes()))).toBe(pointToHex(P.add(Q)));
          expect(toHex(group.sub(P.toBytes(), Q.toBytes()))).toBe(pointToHex(P.subtract(Q)));
          expect(
            toHex(
              group.s.crypto_scalarmult_ristretto255(scalarToBytes(k === 0n ? 1n : k), P.toBytes()),
            ),
          ).toBe(pointToHex(P.multiply(k === 0n ? 1n : k)));
        },
      ),
      { numRuns: 50 },
    );
  });
  it('on which encodings are invalid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        let noble = true;
        try {
          RistrettoPoint.fromBytes(b);
        } catch {
          noble = false;
        }
        expect(group.valid(b)).toBe(noble);
      }),
      { numRuns: 300 },
    );
    expect(
      group.valid(
        fromHex('ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 32, 'p'),
      ),
    ).toBe(false);
  });
});

const polls: PollSpec[] = [
  { questions: [{ kind: 'motion' }] },
  {
    questions: [
      { kind: 'election', candidates: 4, maxMarks: 2 },
      { kind: 'evaluation', persons: 1, grades: 3 },
    ],
  },
];

describe('verifyBallotSodium', () => {
  it('accepts what the noble verifier accepts and rejects with the same code and detail', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...polls),
        fc.integer(),
        fc.nat(),
        fc.integer({ min: 1, max: 15 }),
        fc.boolean(),
        (poll, seed, at, x, tamper) => {
          const shape = ballotShape(poll);
          const { ballot } = encryptBallot({
            key: el.key,
            shape,
            voter: 'v',
            choices: randomChoices(shape, seededRandom(seed)),
            rng,
          });
          let input: Ballot | string = ballot;
          if (tamper) {
            const text = JSON.stringify(ballot);
            const hexAt = [...text.matchAll(/"[0-9a-f]{64}"/g)].flatMap((m) =>
              Array.from({ length: 64 }, (_, i) => m.index + 1 + i),
            );
            const i = hexAt[at % hexAt.length];
            input = text.slice(0, i) + (parseInt(text[i], 16) ^ x).toString(16) + text.slice(i + 1);
          }
          const noble = checkBallot(input, { key: el.key, shape }, { method: 'direct' });
          let sodium: BallotError | undefined;
          try {
            verifyBallotSodium(group, input, verifyElectionKey(el.key), shape);
          } catch (e) {
            sodium = e as BallotError;
          }
          expect(noble.ok).toBe(sodium === undefined);
          expect(noble.ok).toBe(!tamper);
          if (!noble.ok) {
            expect(sodium).toBeInstanceOf(BallotError);
            expect(sodium?.code).toBe(noble.error.code);
            expect(sodium?.detail).toEqual(noble.error.detail);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('libsodium batch engine', () => {
  it('finds the same bad ballots, with the same errors, as the noble batch', () => {
    const shape = ballotShape(polls[1]);
    const random = seededRandom(9);
    const honest = Array.from(
      { length: 10 },
      (_, i) =>
        encryptBallot({
          key: el.key,
          shape,
          voter: `v${i}`,
          choices: randomChoices(shape, random),
          rng,
        }).ballot,
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(9), { maxLength: 3 }), fc.nat(), (bad, which) => {
        const items = honest.map((ballot, i) => {
          if (!bad.includes(i)) return { ballot };
          const d: Ballot = structuredClone(ballot);
          const q = d.questions[(which + i) % 2];
          const br = (which + i) % 2 === 0 ? q.sumProof[0] : q.entries[0].proof[1];
          br.s = honest[(i + 1) % 10].questions[0].sumProof[0].s;
          return { ballot: d };
        });
        const info = verifyElectionKey(el.key);
        const sodium = batchVerify(info, shape, items, group.engine(info), { leaf: 2 }).outcomes;
        const noble = verifyBallots({ key: el.key, shape }, items).outcomes;
        expect(sodium.map((o) => (o.ok ? 'ok' : o.error.toJSON()))).toEqual(
          noble.map((o) => (o.ok ? 'ok' : o.error.toJSON())),
        );
        expect(sodium.filter((o) => !o.ok)).toHaveLength(bad.length);
      }),
      { numRuns: 10 },
    );
  });
});
