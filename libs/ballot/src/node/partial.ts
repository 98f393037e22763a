/**
 * A trustee's partial decryption made with libsodium: the same output as `partialDecrypt`
 * (tally.ts), byte for byte for the same random stream, with its three multiplications per entry
 * done by libsodium instead of @noble/curves. The custodian's close makes one for every poll; in
 * its profile noble's multiplications were ~60 ms of a 200 ms close on a busy 2-core machine.
 */
import { fromHex, toHex } from '../encoding.js';
import { sadd, scalarToHex, smul } from '../group.js';
import type { TellerSecret } from '../ceremony.js';
import { checkTrusteeSecret, type ElectionKey, type TrusteeSecret } from '../keys.js';
import { defaultRng, randomScalar, type Rng } from '../rng.js';
import type { BallotShape } from '../shape.js';
import {
  checkPartialWith,
  decryptionChallengeOf,
  type EncryptedTally,
  type PartialArithmetic,
  type PartialDecryption,
  parseTally,
} from '../tally.js';
import type { SodiumGroup } from './sodium.js';

export function partialDecryptSodium(
  group: SodiumGroup,
  key: ElectionKey,
  shape: BallotShape,
  secret: TrusteeSecret | TellerSecret,
  tally: EncryptedTally,
  rng: Rng = defaultRng,
): PartialDecryption {
  // The tally's form and points checked as partialDecrypt checks them.
  const { info } = parseTally(key, shape, tally);
  const x = checkTrusteeSecret(key, secret);
  const share = info.shares[secret.index - 1]!;
  return {
    version: 1,
    pollId: info.pollId,
    keyFingerprint: info.fingerprintHex,
    trustee: secret.index,
    questions: tally.questions.map((q, qi) => ({
      entries: q.entries.map(({ alpha }, ei) => {
        // parseTally decoded it: a canonical encoding, the bytes noble's encoding gives.
        const A = fromHex(alpha, 32, 'alpha');
        const D = group.mul(x, A);
        // As proveChaumPedersen: the nonce, then w·G and w·A, then the challenge.
        const w = randomScalar(rng);
        const t1 = group.mulBase(w);
        const t2 = group.mul(w, A);
        const c = decryptionChallengeOf(info, secret.index, share.bytes, qi, ei, A, D, t1, t2);
        return { d: toHex(D), t1: toHex(t1), t2: toHex(t2), s: scalarToHex(sadd(w, smul(c, x))) };
      }),
    })),
  };
}

/**
 * `verifyPartialDecryption` (tally.ts) with libsodium: the same checks, in the same order, with
 * the same error codes; the proofs' multiplications (four per entry) by libsodium. The server
 * checks each teller's partial with it as it arrives (noble took ~25 ms of a busy close per
 * partial). Returns each entry's D as its encoding.
 */
export function verifyPartialDecryptionSodium(
  group: SodiumGroup,
  key: ElectionKey,
  shape: BallotShape,
  tally: EncryptedTally,
  pd: PartialDecryption,
): Uint8Array[][] {
  // The tally's form and points checked as verifyPartialDecryption checks them.
  const { info } = parseTally(key, shape, tally);
  const decode = group.decoder();
  const arithmetic: PartialArithmetic<Uint8Array> = {
    point: (hex, what, detail) => decode(fromHex(hex, 32, what, detail), what, detail),
    encode: (p) => p,
    share: (s) => s.bytes,
    checkEach: (eqs) => group.checkEach(eqs, info.Ybytes),
  };
  // parseTally decoded each alpha: canonical encodings, the bytes noble's encoding gives.
  const alphas = tally.questions.map((q) => q.entries.map((e) => fromHex(e.alpha, 32, 'alpha')));
  return checkPartialWith(info, alphas, pd, arithmetic);
}
