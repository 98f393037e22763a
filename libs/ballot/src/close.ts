/**
 * Closing a poll with tellers. The server (which holds no secret) relays the encrypted tally,
 * checks each partial decryption as it arrives, refuses a failing one naming its teller, and
 * combines as soon as t valid ones are in. A teller's device recomputes the tally from the
 * ballots itself before it decrypts anything, so it never decrypts a sum it has not checked.
 */
import { BallotError } from './errors.js';
import type { Point } from './group.js';
import type { ElectionKey, TrusteeSecret } from './keys.js';
import type { TellerSecret } from './ceremony.js';
import { verifyBallots, type BatchItem } from './batch.js';
import type { BallotShape } from './shape.js';
import {
  checkPartial,
  parseTally,
  partialDecrypt,
  type EncryptedTally,
  type PartialDecryption,
  type TallyResult,
} from './tally.js';
import { resultOf } from './threshold.js';
import type { Rng } from './rng.js';

export interface RefusedPartial {
  /** The teller it claims to come from, when readable. */
  trustee?: number;
  error: BallotError;
}

export interface CombineOutcome {
  result: TallyResult;
  /** Indices whose partials were combined (t of them for a v2 key, all n for v1). */
  used: number[];
  /** The partials combined, by index (what the record publishes). */
  partials: PartialDecryption[];
  /** Partials refused, each with the teller and the reason (e.g. DECRYPTION_PROOF_FAILED). */
  refused: RefusedPartial[];
}

/**
 * Checks every partial decryption, refuses the failing or repeated ones, and combines the valid
 * ones (any t for a tellers' key). Throws MISSING_TRUSTEE only when too few are valid: wait for
 * more tellers (the error's detail names one that is missing). `checked`: the tellers whose
 * partials the caller already checked against this tally (`verifyPartialDecryption`, as a server
 * does on arrival): their proofs are not checked twice; their form and D still are read.
 */
export function combinePartials(
  key: ElectionKey,
  shape: BallotShape,
  tally: EncryptedTally,
  partials: readonly PartialDecryption[],
  checked: ReadonlySet<number> = new Set(),
): CombineOutcome {
  const { info, sums } = parseTally(key, shape, tally);
  const valid = new Map<number, Point[][]>();
  const accepted = new Map<number, PartialDecryption>();
  const refused: RefusedPartial[] = [];
  for (const pd of partials) {
    const trustee = typeof pd?.trustee === 'number' ? pd.trustee : undefined;
    try {
      if (trustee !== undefined && valid.has(trustee))
        throw new BallotError('MISSING_TRUSTEE', `teller ${trustee} decrypted twice`, { trustee });
      const proofChecked = trustee !== undefined && checked.has(trustee);
      valid.set(trustee as number, checkPartial(info, sums, pd, proofChecked));
      accepted.set(trustee as number, pd);
    } catch (e) {
      if (!(e instanceof BallotError)) throw e;
      refused.push({ ...(trustee !== undefined ? { trustee } : {}), error: e });
    }
  }
  const { result, used } = resultOf(info, sums, tally.ballots, valid);
  return { result, used, partials: used.map((i) => accepted.get(i)!), refused };
}

/**
 * A teller's device at the close: re-verifies the counted ballots (as the board shows them),
 * recomputes their sum, refuses (TALLY_MISMATCH) a tally that differs, and only then decrypts.
 */
export function decryptAsTeller(p: {
  key: ElectionKey;
  shape: BallotShape;
  secret: TrusteeSecret | TellerSecret;
  tally: EncryptedTally;
  /** The ballots the tally claims to sum, with the credential each was cast under. */
  counted: readonly BatchItem[];
  rng?: Rng;
}): PartialDecryption {
  const { outcomes, tally } = verifyBallots({ key: p.key, shape: p.shape }, p.counted, {
    rng: p.rng,
  });
  const bad = outcomes.findIndex((o) => !o.ok);
  if (bad >= 0)
    throw new BallotError('TALLY_MISMATCH', `counted ballot ${bad} does not verify`, {
      ballot: bad,
    });
  if (JSON.stringify(tally) !== JSON.stringify(p.tally))
    throw new BallotError('TALLY_MISMATCH', 'the tally is not the sum of the counted ballots');
  return partialDecrypt(p.key, p.shape, p.secret, p.tally, p.rng);
}
