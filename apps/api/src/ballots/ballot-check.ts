/**
 * One ballot's proofs checked on arrival, the unit of work of the cast verifier (in a worker
 * thread, or in the calling thread when the api runs with BALLOT_VERIFY_THREADS=0). Plain data in
 * and out, so it crosses `postMessage` unchanged.
 */
import {
  type BallotShape,
  combineElectionKey,
  createTrustee,
  type ElectionKey,
  chunkVerifier,
  type ChunkOutcome,
  type ChunkVerifier,
  loadSodium,
  type SlipSignature,
  slipSignedBytes,
} from '../common/ballot.js';

export interface BallotCheck {
  /** Identifies key and shape: verifiers are made once per poll and kept. */
  pollId: string;
  key: ElectionKey;
  shape: BallotShape;
  ballot: unknown;
  voter: string;
  /**
   * A slips poll: the ballot's slip signatures, whose keys and voter the cast checked already
   * (cheap); only the Ed25519 signatures on the tracker are verified here.
   */
  slips?: SlipSignature[];
}

/** The verdict, with `slip` set when the proofs held but a slip's signature did not. */
export type BallotVerdict = ChunkOutcome & { slip?: true };

/** What a poll's verifier is made from. */
export type PollVerifier = Pick<BallotCheck, 'pollId' | 'key' | 'shape'>;

// A handful of polls are open at once; a verifier holds a libsodium instance and the key's tables.
const KEEP = 8;
const verifiers = new Map<string, Promise<ChunkVerifier>>();

function verifierFor(c: PollVerifier): Promise<ChunkVerifier> {
  let v = verifiers.get(c.pollId);
  if (!v) {
    v = chunkVerifier(c.key, c.shape, 'sodium');
    verifiers.set(c.pollId, v);
    // Oldest first (Map keeps insertion order): forget the least recently made.
    if (verifiers.size > KEEP) verifiers.delete(verifiers.keys().next().value!);
  }
  return v;
}

/** The verdict on one ballot: ok with its tracker, or the failing check (never throws for a bad ballot). */
export async function checkBallot(c: BallotCheck): Promise<BallotVerdict> {
  const v = await verifierFor(c);
  const verdict = v.verdicts([{ ballot: c.ballot, voter: c.voter }], 0)[0]!;
  if (!verdict.ok || !c.slips) return verdict;
  const bad = await badSlip(c.pollId, verdict.tracker, c.slips);
  if (bad === null) return verdict;
  return {
    ok: false,
    slip: true,
    code: 'BAD_SIGNATURE',
    message: `teller ${bad}'s slip did not sign this ballot`,
    detail: { check: 'slip signature' },
    tracker: verdict.tracker,
  };
}

/**
 * The first teller whose slip did not sign `str(tag signature) ‖ str(pollId) ‖ tracker` (the
 * bytes of libs/ballot `signWithSlips`), or null. libsodium: ~0.25 ms a signature, against
 * ~2.7 ms with @noble/curves (libs/ballot slipExclusions).
 */
async function badSlip(
  pollId: string,
  tracker: string,
  slips: readonly SlipSignature[],
): Promise<number | null> {
  const sodium = await loadSodium();
  const msg = slipSignedBytes(pollId, tracker);
  for (const s of slips) {
    let ok: boolean;
    try {
      ok = sodium.crypto_sign_verify_detached(
        Buffer.from(s.signature, 'hex'),
        msg,
        Buffer.from(s.publicKey, 'hex'),
      );
    } catch {
      ok = false; // not a curve point: not a valid signature
    }
    if (!ok) return s.teller;
  }
  return null;
}

/** The poll's verifier made now (its key checked, its tables built), before its first ballot. */
export async function preparePoll(poll: PollVerifier): Promise<void> {
  await verifierFor(poll);
}

/**
 * A throwaway motion poll's verifier, made and run on a few throwaway ballots: the thread's
 * libsodium and its JIT are ready before the first real ballot. The first poll after a start was
 * by far the slowest (bench/README.md); the api runs this once per thread when it starts.
 */
export async function warmUp(): Promise<void> {
  const pollId = 'warm-up';
  const key = combineElectionKey(pollId, [createTrustee(pollId, 1).share]);
  const shape: BallotShape = {
    questions: [{ kind: 'motion', entries: 3, minMarks: 1, maxMarks: 1, item: 0 }],
  };
  await chunkVerifier(key, shape, 'sodium', true);
}

export default checkBallot;
