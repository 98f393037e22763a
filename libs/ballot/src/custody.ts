/**
 * Keeping a teller's secret share: sealed under the teller's passphrase on the device (scrypt,
 * then XChaCha20-Poly1305), and a printed recovery sheet (base32 text, also the QR payload) for
 * when the device or the passphrase is lost. The sheet is the share itself: keep it sealed.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { BallotError } from './errors.js';
import {
  B32,
  ByteWriter,
  equalBytes,
  fromBase32Lenient,
  fromHex,
  normalizeBase32,
  toBase32,
  toHex,
  utf8,
} from './encoding.js';
import { mulG, scalarFromBytes, scalarFromHex, scalarToBytes } from './group.js';
import { TAGS, sha256Of, transcript } from './hash.js';
import { fields, integer } from './json.js';
import { verifyCeremonyKey, type CeremonyKey } from './ceremony-key.js';
import type { TellerSecret } from './ceremony.js';
import { defaultRng, type Rng } from './rng.js';

export interface ScryptParams {
  /** CPU/memory cost, a power of 2. Memory used is 128·N·r bytes. */
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8: 32 MiB of memory per guess. About 0.5 s on an idle core of the server in this
 * JavaScript (bench/README.md), a few seconds on a cheap tablet, once per unlock. The parameters
 * are stored with each sealed secret, so a deployment can raise them without a format change.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const MAX = { N: 2 ** 20, r: 16, p: 4 };
export const MIN_PASSPHRASE = 8;

export interface SealedTellerSecret {
  version: 2;
  ceremonyId: string;
  fingerprint: string;
  index: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  /** 24 bytes (hex). */
  nonce: string;
  /** XChaCha20-Poly1305 of x_i: 48 bytes (hex). */
  ciphertext: string;
}

/** The associated data's tail, after each form's own head: u32(index) ‖ u32(N, r, p) ‖ salt. */
export function sealedTail(
  w: ByteWriter,
  index: number,
  kdf: SealedTellerSecret['kdf'],
): Uint8Array {
  return w
    .u32(index)
    .u32(kdf.N)
    .u32(kdf.r)
    .u32(kdf.p)
    .raw(fromHex(kdf.salt, 16, 'salt'))
    .finish();
}

function aad(s: Omit<SealedTellerSecret, 'nonce' | 'ciphertext' | 'version'>): Uint8Array {
  return sealedTail(
    transcript(TAGS.sealedShare)
      .str(s.ceremonyId)
      .raw(fromHex(s.fingerprint, 32, 'fingerprint')),
    s.index,
    s.kdf,
  );
}

function passphraseBytes(passphrase: string): Uint8Array {
  if (typeof passphrase !== 'string' || [...passphrase.normalize('NFKC')].length < MIN_PASSPHRASE)
    throw new BallotError(
      'BAD_ENCODING',
      `the passphrase needs at least ${MIN_PASSPHRASE} characters`,
      { check: 'passphrase' },
    );
  return utf8(passphrase.normalize('NFKC'));
}

function checkKdf(k: ScryptParams): ScryptParams {
  integer(k.N, 2, MAX.N, 'kdf.N');
  if ((k.N & (k.N - 1)) !== 0)
    throw new BallotError('BAD_ENCODING', 'kdf.N must be a power of 2', { check: 'kdf.N' });
  integer(k.r, 1, MAX.r, 'kdf.r');
  integer(k.p, 1, MAX.p, 'kdf.p');
  return k;
}

async function derive(passphrase: string, salt: Uint8Array, k: ScryptParams) {
  return scryptAsync(passphraseBytes(passphrase), salt, { N: k.N, r: k.r, p: k.p, dkLen: 32 });
}

/**
 * The sealing both sealed forms share (custody-round.ts seals a ceremony's round state the same
 * way): scrypt of the passphrase, then XChaCha20-Poly1305 with the header as associated data.
 */
export async function sealBytes<H extends { kdf: SealedTellerSecret['kdf'] }>(
  plain: Uint8Array,
  passphrase: string,
  headOf: (kdf: SealedTellerSecret['kdf']) => H,
  aadOf: (head: H) => Uint8Array,
  opts: { scrypt?: ScryptParams; rng?: Rng } = {},
): Promise<H & { nonce: string; ciphertext: string }> {
  const rng = opts.rng ?? defaultRng;
  const k = checkKdf(opts.scrypt ?? DEFAULT_SCRYPT);
  const salt = rng(16);
  const head = headOf({ name: 'scrypt', N: k.N, r: k.r, p: k.p, salt: toHex(salt) });
  const nonce = rng(24);
  const key = await derive(passphrase, salt, k);
  const ct = xchacha20poly1305(key, nonce, aadOf(head)).encrypt(plain);
  return { ...head, nonce: toHex(nonce), ciphertext: toHex(ct) };
}

/** Seals a teller's secret under a passphrase (async: scrypt yields to the page while it works). */
export async function sealTellerSecret(
  secret: TellerSecret,
  passphrase: string,
  opts: { scrypt?: ScryptParams; rng?: Rng } = {},
): Promise<SealedTellerSecret> {
  const x = scalarToBytes(scalarFromHex(secret.secret, 'secret'));
  const sealed = await sealBytes(
    x,
    passphrase,
    (kdf) => ({
      ceremonyId: secret.ceremonyId,
      fingerprint: secret.fingerprint,
      index: secret.index,
      kdf,
    }),
    aad,
    opts,
  );
  return { version: 2, ...sealed };
}

/**
 * Opens a sealed secret. A wrong passphrase and an altered file both fail authentication:
 * WRONG_PASSPHRASE. With `key`, also checks the secret against the teller's verification key.
 */
export async function openTellerSecret(
  sealed: SealedTellerSecret,
  passphrase: string,
  key?: CeremonyKey,
): Promise<TellerSecret> {
  const o = fields(
    sealed,
    ['version', 'ceremonyId', 'fingerprint', 'index', 'kdf', 'nonce', 'ciphertext'],
    'sealed secret',
  );
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `sealed secret version ${String(o.version)}`);
  const x = await openSealed(sealed, passphrase, () => aad(sealed), 48, 'sealed file');
  const secret: TellerSecret = {
    version: 2,
    ceremonyId: sealed.ceremonyId,
    fingerprint: sealed.fingerprint,
    index: sealed.index,
    secret: toHex(scalarToBytes(scalarFromBytes(x, 'secret'))),
  };
  if (key) checkTellerSecret(key, secret);
  return secret;
}

/**
 * The opening both sealed forms share (custody-round.ts seals a ceremony's round state the same
 * way): checks the kdf header, derives the key and decrypts; WRONG_PASSPHRASE when the
 * authentication fails (a wrong passphrase, or an altered header or ciphertext).
 */
export async function openSealed(
  s: { index: number; kdf: SealedTellerSecret['kdf']; nonce: string; ciphertext: string },
  passphrase: string,
  aadOf: () => Uint8Array,
  ciphertextLength: number | undefined,
  what: string,
): Promise<Uint8Array> {
  const kdf = fields(s.kdf, ['name', 'N', 'r', 'p', 'salt'], 'kdf');
  if (kdf.name !== 'scrypt') throw new BallotError('BAD_ENCODING', 'kdf.name must be scrypt');
  checkKdf(s.kdf);
  integer(s.index, 1, 64, 'index');
  const nonce = fromHex(s.nonce, 24, 'nonce');
  const ct = fromHex(s.ciphertext, ciphertextLength, 'ciphertext');
  const k = await derive(passphrase, fromHex(s.kdf.salt, 16, 'salt'), s.kdf);
  try {
    return xchacha20poly1305(k, nonce, aadOf()).decrypt(ct);
  } catch {
    throw new BallotError(
      'WRONG_PASSPHRASE',
      `the passphrase is wrong, or the ${what} was altered`,
      {
        trustee: s.index,
      },
    );
  }
}

/** Checks that a secret is teller `index`'s share of this ceremony key; returns x_i. */
export function checkTellerSecret(key: CeremonyKey, secret: TellerSecret): bigint {
  const info = verifyCeremonyKey(key);
  if (secret.fingerprint !== info.fingerprintHex)
    throw new BallotError('WRONG_KEY', "the teller's secret is for another ceremony key", {
      trustee: secret.index,
    });
  const vk = info.verificationKeys.find((v) => v.index === secret.index);
  if (!vk)
    throw new BallotError('MISSING_TRUSTEE', `no teller ${secret.index} in this key`, {
      trustee: secret.index,
    });
  const x = scalarFromHex(secret.secret, 'secret');
  if (x === 0n || !mulG(x).equals(vk.Y))
    throw new BallotError('WRONG_SECRET', `this is not teller ${secret.index}'s share`, {
      trustee: secret.index,
    });
  return x;
}

// ---------------------------------------------------------------------------------------------
// Recovery sheet. Payload (46 bytes): u8(2) ‖ u8(index) ‖ first 8 bytes of the fingerprint ‖ x_i
// ‖ first 4 bytes of SHA-256(str(tag) ‖ the 42 bytes before). Base32 (74 characters), printed in
// lines of 16 characters (4 groups of 4) each followed by one check character, the base32 digit
// of SHA-256(str(tag) ‖ u32(line number, from 1) ‖ the line's ASCII characters)[0] mod 32; so a
// typo is reported with its line. The QR code holds the same characters without spaces.

const LINE = 16;

function lineCheck(n: number, chars: string): string {
  return B32[sha256Of(transcript(TAGS.recoverySheet).u32(n).raw(utf8(chars)).finish())[0] & 31];
}

function payloadChecksum(body: Uint8Array): Uint8Array {
  return sha256Of(transcript(TAGS.recoverySheet).raw(body).finish()).subarray(0, 4);
}

export interface RecoverySheet {
  /** Lines to print, e.g. "ABCD EFGH IJKL MNOP Q". */
  lines: string[];
  /** The characters without spaces: the QR payload (QR alphanumeric mode). */
  qr: string;
}

export function recoverySheet(secret: TellerSecret): RecoverySheet {
  const body = new ByteWriter()
    .u8(2)
    .u8(integer(secret.index, 1, 64, 'index'))
    .raw(fromHex(secret.fingerprint, 32, 'fingerprint').subarray(0, 8))
    .raw(scalarToBytes(scalarFromHex(secret.secret, 'secret')))
    .finish();
  const text = toBase32(new ByteWriter().raw(body).raw(payloadChecksum(body)).finish());
  const lines: string[] = [];
  for (let i = 0; i * LINE < text.length; i++) {
    const chars = text.slice(i * LINE, (i + 1) * LINE);
    lines.push(`${chars.match(/.{1,4}/g)!.join(' ')} ${lineCheck(i + 1, chars)}`);
  }
  return { lines, qr: lines.map((l) => l.replace(/ /g, '')).join('') };
}

const SHEET_CHARS = 74;
const SHEET_LENGTH = SHEET_CHARS + Math.ceil(SHEET_CHARS / LINE);

/**
 * Reads a recovery sheet typed or scanned back (case, spaces, hyphens and line breaks do not
 * matter; 0/1/8 read as O/I/B) and checks it against the ceremony key. Throws BAD_RECOVERY_CODE
 * naming the line of a typo, WRONG_KEY for a sheet of another ceremony, WRONG_SECRET when the
 * share does not match the teller's verification key.
 */
export function tellerSecretFromRecoverySheet(key: CeremonyKey, text: string): TellerSecret {
  const clean = normalizeBase32(text);
  if (clean.length !== SHEET_LENGTH || /[^A-Z2-7]/.test(clean))
    throw new BallotError(
      'BAD_RECOVERY_CODE',
      `a recovery sheet has ${SHEET_LENGTH} letters and digits 2-7, this has ${clean.length}`,
    );
  let data = '';
  for (let i = 0, n = 1; i < clean.length; i += LINE + 1, n++) {
    const line = clean.slice(i, i + LINE + 1);
    const chars = line.slice(0, -1);
    if (lineCheck(n, chars) !== line.slice(-1))
      throw new BallotError('BAD_RECOVERY_CODE', `line ${n} has a typo`, { check: `line ${n}` });
    data += chars;
  }
  const bytes = fromBase32Lenient(data);
  const body = bytes?.subarray(0, 42);
  if (!bytes || !body || !equalBytes(payloadChecksum(body), bytes.subarray(42)))
    throw new BallotError('BAD_RECOVERY_CODE', 'checksum does not match: a character was mistyped');
  if (body[0] !== 2) throw new BallotError('BAD_VERSION', `recovery sheet version ${body[0]}`);
  const info = verifyCeremonyKey(key);
  if (!equalBytes(body.subarray(2, 10), info.fingerprint.subarray(0, 8)))
    throw new BallotError('WRONG_KEY', 'this recovery sheet is for another key ceremony', {
      trustee: body[1],
    });
  const secret: TellerSecret = {
    version: 2,
    ceremonyId: info.ceremonyId,
    fingerprint: info.fingerprintHex,
    index: body[1],
    secret: toHex(body.subarray(10, 42)),
  };
  checkTellerSecret(key, secret);
  return secret;
}
