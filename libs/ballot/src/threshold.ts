/**
 * From checked partial decryptions to the counts.
 *
 * Version 1 keys are additive (x = Σ x_i): every trustee's D_i is needed and M = B − Σ D_i.
 * Version 2 keys are Shamir-shared by the ceremony (x = Σ_j a_j0 = F(0) with F = Σ_j P_j and
 * x_i = F(i)): any t tellers' D_i = x_i·A suffice, M = B − Σ_{i∈S} λ_i·D_i with the Lagrange
 * coefficients at 0, λ_i = Π_{j∈S, j≠i} j / (j − i) mod l. This gives what ElectionGuard calls
 * compensated decryption (the result without the missing tellers) without anyone computing a
 * missing teller's share: the present ones interpolate directly. S is the t valid partials with
 * the lowest indices, so the result does not depend on the order they arrived in.
 */
import { BallotError } from './errors.js';
import type { Ciphertext } from './elgamal.js';
import { RistrettoPoint, mod, mulPublic, smul, type Point } from './group.js';
import type { KeyInfo } from './keys.js';
import { smallDiscreteLog } from './dlog.js';
import type { TallyResult } from './tally.js';

/** λ_i for each i in `indices` (distinct, ≥ 1): the weights that interpolate F(0) from F(i). */
export function lagrangeAtZero(indices: readonly number[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const i of indices) {
    let num = 1n;
    let den = 1n;
    for (const j of indices) {
      if (j === i) continue;
      num = smul(num, BigInt(j));
      den = smul(den, mod(BigInt(j - i)));
    }
    out.set(i, smul(num, RistrettoPoint.Fn.inv(den)));
  }
  return out;
}

/**
 * The counts from checked partials (trustee index → D per question and entry). Uses all of them
 * for a version 1 key (MISSING_TRUSTEE names the first one absent), the t lowest for version 2
 * (MISSING_TRUSTEE when fewer than t). Returns the result and the indices used.
 */
export function resultOf(
  info: KeyInfo,
  sums: readonly (readonly Ciphertext[])[],
  ballots: number,
  partials: ReadonlyMap<number, Point[][]>,
): { result: TallyResult; used: number[] } {
  let weights: Map<number, bigint>;
  if (info.version === 1) {
    const missing = info.shares.find((s) => !partials.has(s.index));
    if (missing)
      throw new BallotError('MISSING_TRUSTEE', `trustee ${missing.index} has not decrypted`, {
        trustee: missing.index,
      });
    weights = new Map(info.shares.map((s) => [s.index, 1n]));
  } else {
    const have = [...partials.keys()].sort((a, b) => a - b);
    if (have.length < info.threshold)
      throw new BallotError(
        'MISSING_TRUSTEE',
        `${have.length} of the ${info.threshold} tellers needed have decrypted`,
        { trustee: info.shares.find((s) => !partials.has(s.index))?.index },
      );
    weights = lagrangeAtZero(have.slice(0, info.threshold));
  }
  const used = [...weights.keys()];
  const counts = sums.map((q, qi) =>
    q.map(({ beta: B }, ei) => {
      let M = B;
      for (const [i, w] of weights) M = M.subtract(mulPublic(partials.get(i)![qi][ei], w));
      const n = smallDiscreteLog(M, ballots);
      if (n === undefined)
        throw new BallotError(
          'COUNT_NOT_FOUND',
          `question ${qi} entry ${ei}: count is not in 0..${ballots}`,
          { question: qi, entry: ei },
        );
      return n;
    }),
  );
  return {
    result: {
      version: 1,
      pollId: info.pollId,
      keyFingerprint: info.fingerprintHex,
      ballots,
      counts,
    },
    used,
  };
}
