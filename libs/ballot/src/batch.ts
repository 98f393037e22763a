/**
 * Batch verification of many ballots with @noble/curves alone (browser-safe): every equation of
 * every ballot gets an independent random 128-bit weight and the whole batch becomes one
 * multi-scalar multiplication (Pippenger). If the batch fails, it is halved until the failing
 * ballots are isolated, and those are checked equation by equation to name the failed proof.
 * A forged ballot therefore costs its batch about log2(batch) extra multi-scalar multiplications,
 * never a wrong verdict for the others.
 */
import { BallotError } from './errors.js';
import { addCiphertexts, type Ciphertext } from './elgamal.js';
import { ZERO, type Point } from './group.js';
import { verifyElectionKey, type ElectionKey, type KeyInfo } from './keys.js';
import { EqAccumulator, checkEach, randomWeight, type CheckedEq } from './proofs.js';
import {
  accumulatorIsZero,
  ballotTracker,
  nobleDecoder,
  planBallot,
  toParsed,
  type BallotInput,
  type BallotPlan,
  type Decoder,
} from './ballot.js';
import { defaultRng, type Rng } from './rng.js';
import { checkShape, type BallotShape } from './shape.js';
import { tallyJSON, type EncryptedTally } from './tally.js';

export interface BatchItem {
  ballot: BallotInput;
  /** The credential it was submitted under; omit to accept the ballot's own. */
  voter?: string;
}

export type BatchOutcome =
  | { ok: true; tracker: string }
  | { ok: false; error: BallotError; /** when the ballot could be read at all */ tracker?: string };

export interface BatchResult {
  outcomes: BatchOutcome[];
  /** Sum of the ballots that verified. */
  tally: EncryptedTally;
}

export interface BatchOptions {
  rng?: Rng;
  /** Groups of at most this many ballots are checked one by one when their batch fails. */
  leaf?: number;
}

/** How a batch is evaluated: the point representation and its arithmetic (noble or libsodium). */
export interface BatchEngine<P> {
  decode: Decoder<P>;
  /** True when the accumulated combination of equations is the identity. */
  isZero(acc: EqAccumulator<P>): boolean;
  /** Throws the BallotError of the first equation that does not hold. */
  checkEach(eqs: readonly CheckedEq<P>[]): void;
}

/**
 * The batch algorithm, for any engine: read and plan every ballot (format, poll, key, voter,
 * shape, encodings, challenges: each failure named), weight every equation of every ballot
 * randomly, check the whole batch as one combination, and halve failing groups down to `leaf`
 * ballots, which are then checked one by one. Returns each verdict and each valid ballot's plan.
 */
export function batchVerify<P>(
  info: KeyInfo,
  shape: BallotShape,
  items: readonly BatchItem[],
  engine: BatchEngine<P>,
  opts: BatchOptions = {},
): { outcomes: BatchOutcome[]; plans: (BallotPlan<P> | undefined)[] } {
  const rng = opts.rng ?? defaultRng;
  const leaf = Math.max(1, opts.leaf ?? 4);
  const outcomes: BatchOutcome[] = new Array(items.length);
  const plans: (BallotPlan<P> | undefined)[] = new Array(items.length);
  const accs: (EqAccumulator<P> | undefined)[] = new Array(items.length);
  const trackers: (string | undefined)[] = new Array(items.length);
  const fail = (i: number, e: unknown) => {
    if (!(e instanceof BallotError)) throw e;
    outcomes[i] = {
      ok: false,
      error: withBallot(e, i),
      ...(trackers[i] ? { tracker: trackers[i] } : {}),
    };
    plans[i] = undefined;
  };

  items.forEach((item, i) => {
    try {
      const pb = toParsed(item.ballot);
      trackers[i] = ballotTracker(pb);
      const plan = planBallot(pb, info, shape, item.voter, engine.decode);
      const acc = new EqAccumulator<P>();
      for (const eq of plan.eqs) acc.add(eq, randomWeight(rng));
      plans[i] = plan;
      accs[i] = acc;
    } catch (e) {
      fail(i, e);
    }
  });

  const check = (ix: number[]): void => {
    if (ix.length === 0) return;
    let acc = accs[ix[0]]!;
    if (ix.length > 1) {
      acc = new EqAccumulator<P>();
      for (const i of ix) acc.merge(accs[i]!);
    }
    if (engine.isZero(acc)) {
      for (const i of ix) outcomes[i] = { ok: true, tracker: trackers[i]! };
      return;
    }
    if (ix.length <= leaf) {
      for (const i of ix) {
        try {
          if (ix.length > 1 && engine.isZero(accs[i]!))
            outcomes[i] = { ok: true, tracker: trackers[i]! };
          else {
            engine.checkEach(plans[i]!.eqs);
            outcomes[i] = { ok: true, tracker: trackers[i]! };
          }
        } catch (e) {
          fail(i, e);
        }
      }
      return;
    }
    const half = ix.length >> 1;
    check(ix.slice(0, half));
    check(ix.slice(half));
  };
  check(items.map((_, i) => i).filter((i) => accs[i] !== undefined));
  return { outcomes, plans };
}

/**
 * Verifies ballots together with @noble/curves; returns each verdict and each valid ballot's
 * decoded ciphertexts [question][entry] (undefined for an invalid one), for summing subsets.
 */
export function verifyBallotsDetailed(
  ctx: { key: ElectionKey; shape: BallotShape },
  items: readonly BatchItem[],
  opts: BatchOptions = {},
): { info: KeyInfo; outcomes: BatchOutcome[]; ciphertexts: (Ciphertext[][] | undefined)[] } {
  const info = verifyElectionKey(ctx.key);
  const shape = checkShape(ctx.shape);
  const engine: BatchEngine<Point> = {
    decode: nobleDecoder,
    isZero: (acc) => accumulatorIsZero(acc, info.Y),
    checkEach: (eqs) => checkEach(eqs, info.Y),
  };
  const { outcomes, plans } = batchVerify(info, shape, items, engine, opts);
  return { info, outcomes, ciphertexts: plans.map((p) => p?.ciphertexts) };
}

/** Verifies ballots together with @noble/curves and sums the valid ones. Never throws for a bad ballot. */
export function verifyBallots(
  ctx: { key: ElectionKey; shape: BallotShape },
  items: readonly BatchItem[],
  opts: BatchOptions = {},
): BatchResult {
  const { info, outcomes, ciphertexts } = verifyBallotsDetailed(ctx, items, opts);
  const sums: Ciphertext[][] = ctx.shape.questions.map((q) =>
    Array.from({ length: q.entries }, () => ({ alpha: ZERO, beta: ZERO })),
  );
  let valid = 0;
  ciphertexts.forEach((cts) => {
    if (!cts) return;
    valid++;
    cts.forEach((q, qi) =>
      q.forEach((ct, ei) => (sums[qi][ei] = addCiphertexts(sums[qi][ei], ct))),
    );
  });
  return { outcomes, tally: tallyJSON(info, sums, valid) };
}

function withBallot(e: BallotError, ballot: number): BallotError {
  return new BallotError(e.code, e.message.replace(/^[A-Z_]+: /, ''), { ...e.detail, ballot });
}
