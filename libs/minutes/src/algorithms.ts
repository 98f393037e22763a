/**
 * The signature algorithms a signer may choose: Ed25519 (RFC 8032, @noble/curves) by default, and
 * SM2 with SM3 (GB/T 32918.2, GB/T 32905; the `sm-crypto-v2` package) where an enterprise requires
 * 国密. Both sign raw bytes (the canonical statement, see signatures.ts); keys are hex strings.
 * Why sm-crypto-v2 and what it was tested against: README.md, "SM2/SM3".
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { sm2 } from 'sm-crypto-v2';
import { fromHex, isHex, toHex } from './bytes.js';
import { MinutesError } from './errors.js';

export const ALGORITHMS = ['ed25519', 'sm2-sm3'] as const;
export type SignatureAlgorithm = (typeof ALGORITHMS)[number];

export const ALGORITHM_LABELS: Record<SignatureAlgorithm, string> = {
  ed25519: 'Ed25519',
  'sm2-sm3': 'SM2/SM3（国密）',
};

/** Random bytes source; the default is crypto.getRandomValues. Tests pass a seeded one. */
export type Rng = (length: number) => Uint8Array;
export const defaultRng: Rng = (n) => randomBytes(n);

/**
 * The user identity SM2 hashes into Z_A (GB/T 32918.2 §5.5). Nothing names a signer's own ID, so
 * the default of GM/T 0009-2012 is used, as most SM2 software does.
 */
export const SM2_USER_ID = '1234567812345678';

/** Order n of the SM2 recommended curve (GB/T 32918.5). */
const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

interface Scheme {
  /** Bytes of a public key in its hex form. */
  publicKeyBytes: number;
  signatureBytes: number;
  /** A fresh private key (32 bytes) from `rng`. */
  newPrivateKey(rng: Rng): Uint8Array;
  publicKey(privateKey: Uint8Array): string;
  sign(message: Uint8Array, privateKey: Uint8Array, publicKey: string): string;
  verify(message: Uint8Array, signature: string, publicKey: string): boolean;
  validPublicKey(publicKey: string): boolean;
}

const SCHEMES: Record<SignatureAlgorithm, Scheme> = {
  ed25519: {
    publicKeyBytes: 32,
    signatureBytes: 64,
    newPrivateKey: (rng) => rng(32),
    publicKey: (sk) => toHex(ed25519.getPublicKey(sk)),
    sign: (msg, sk) => toHex(ed25519.sign(msg, sk)),
    // Strict RFC 8032 verification (no ZIP-215 leniency): one signature per (key, message) form.
    verify: (msg, sig, pk) => {
      try {
        return ed25519.verify(fromHex(sig, 64, 'signature'), msg, fromHex(pk, 32, 'publicKey'), {
          zip215: false,
        });
      } catch {
        return false;
      }
    },
    validPublicKey: (pk) => {
      try {
        ed25519.Point.fromBytes(fromHex(pk, 32, 'publicKey'));
        return true;
      } catch {
        return false;
      }
    },
  },
  'sm2-sm3': {
    publicKeyBytes: 65,
    signatureBytes: 64,
    // Uniform in 1..n-1: 48 random bytes reduced mod n-1 (bias below 2^-128), plus one.
    newPrivateKey: (rng) => {
      const d = (BigInt('0x' + toHex(rng(48))) % (SM2_N - 1n)) + 1n;
      return fromHex(d.toString(16).padStart(64, '0'), 32, 'privateKey');
    },
    publicKey: (sk) => {
      const d = BigInt('0x' + toHex(sk));
      if (d < 1n || d >= SM2_N - 1n)
        throw new MinutesError('BAD_ENCODING', 'SM2 私钥超出范围', { field: 'privateKey' });
      return sm2.getPublicKeyFromPrivateKey(toHex(sk));
    },
    sign: (msg, sk, pk) =>
      sm2.doSignature(msg, toHex(sk), { hash: true, publicKey: pk, userId: SM2_USER_ID }),
    verify: (msg, sig, pk) => {
      if (!isHex(sig, 64)) return false;
      const r = BigInt('0x' + sig.slice(0, 64));
      const s = BigInt('0x' + sig.slice(64));
      // GB/T 32918.2 §7.1 B1–B2: r and s in [1, n-1]; the library leaves this to the caller.
      if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false;
      try {
        return sm2.doVerifySignature(msg, sig, pk, { hash: true, userId: SM2_USER_ID });
      } catch {
        return false;
      }
    },
    validPublicKey: (pk) => {
      if (!isHex(pk, 65) || !pk.startsWith('04')) return false;
      try {
        return sm2.verifyPublicKey(pk);
      } catch {
        return false;
      }
    },
  },
};

export function isAlgorithm(a: unknown): a is SignatureAlgorithm {
  return ALGORITHMS.includes(a as SignatureAlgorithm);
}

export function scheme(algorithm: unknown): Scheme {
  if (!isAlgorithm(algorithm))
    throw new MinutesError('UNKNOWN_ALGORITHM', `不支持的签名算法：${String(algorithm)}`, {
      field: 'algorithm',
    });
  return SCHEMES[algorithm];
}

/** Whether `publicKey` is a valid public key of `algorithm` (length, encoding, on the curve). */
export function isValidPublicKey(algorithm: unknown, publicKey: unknown): boolean {
  return (
    isAlgorithm(algorithm) &&
    typeof publicKey === 'string' &&
    SCHEMES[algorithm].validPublicKey(publicKey)
  );
}
