/**
 * Signing keys that only their owner can use, made and kept in the signer's browser: generate a
 * key, keep the private key encrypted under the owner's passphrase (scrypt → XChaCha20-Poly1305),
 * and print a recovery code (base32 with a checksum) on paper. The server is only ever given the
 * public key and signatures. Everything here is pure and browser-safe.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  ALGORITHM_LABELS,
  ALGORITHMS,
  defaultRng,
  scheme,
  type Rng,
  type SignatureAlgorithm,
} from './algorithms.js';
import {
  concatBytes,
  equalBytes,
  fromBase32Lenient,
  fromHex,
  groupsOf4,
  isHex,
  toBase32,
  toHex,
  utf8,
} from './bytes.js';
import { MinutesError } from './errors.js';
import { canonicalBytes } from './jcs.js';
import {
  keyFingerprint,
  ROLE_LABELS,
  shortFingerprint,
  type SignerRole,
  type SigningKey,
} from './signatures.js';

export const KEY_FILE_FORMAT = 'congress-minutes-key' as const;
const RECOVERY_CONTEXT = 'congress-minutes/1/recovery-code';

/** scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB, about a second on a laptop); tests lower N. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface EncryptedSigningKey {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  algorithm: SignatureAlgorithm;
  publicKey: string;
  fingerprint: string;
  /** The owner's name, for the person choosing the file (not secret). */
  owner: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'xchacha20-poly1305'; nonce: string };
  /** Encrypted 32-byte private key and its 16-byte tag; hex. */
  ciphertext: string;
}

export function signingKeyFromPrivate(
  algorithm: SignatureAlgorithm,
  privateKey: Uint8Array,
): SigningKey {
  if (privateKey.length !== 32)
    throw new MinutesError('BAD_ENCODING', '私钥应为 32 字节', { field: 'privateKey' });
  const publicKey = scheme(algorithm).publicKey(privateKey);
  return { algorithm, publicKey, fingerprint: keyFingerprint(algorithm, publicKey), privateKey };
}

/** A fresh signing key (Ed25519 unless the enterprise chose SM2). */
export function generateSigningKey(
  algorithm: SignatureAlgorithm = 'ed25519',
  rng: Rng = defaultRng,
): SigningKey {
  return signingKeyFromPrivate(algorithm, scheme(algorithm).newPrivateKey(rng));
}

/** The public part, which is all the server receives. */
export const publicPart = ({ algorithm, publicKey, fingerprint }: SigningKey) => ({
  algorithm,
  publicKey,
  fingerprint,
});

function normalise(passphrase: string): Uint8Array {
  // NFKC: full-width digits and letters from a Chinese input method equal their ASCII forms.
  const p = passphrase.normalize('NFKC');
  if ([...p].length < MIN_PASSPHRASE_LENGTH)
    throw new MinutesError('WRONG_PASSPHRASE', `口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符`);
  return utf8(p);
}

const header = (e: Omit<EncryptedSigningKey, 'ciphertext'>) => canonicalBytes(e);

/** Encrypts the private key under the passphrase; the header (public key, owner, parameters) is authenticated too. */
export async function encryptSigningKey(
  key: SigningKey,
  passphrase: string,
  opts: { owner: string; scrypt?: { N: number; r: number; p: number }; rng?: Rng },
): Promise<EncryptedSigningKey> {
  const rng = opts.rng ?? defaultRng;
  const cost = opts.scrypt ?? DEFAULT_SCRYPT;
  const salt = rng(16);
  const nonce = rng(24);
  const head: Omit<EncryptedSigningKey, 'ciphertext'> = {
    format: KEY_FILE_FORMAT,
    version: 1,
    algorithm: key.algorithm,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    owner: opts.owner,
    kdf: { name: 'scrypt', ...cost, salt: toHex(salt) },
    cipher: { name: 'xchacha20-poly1305', nonce: toHex(nonce) },
  };
  const k = await scryptAsync(normalise(passphrase), salt, { ...cost, dkLen: 32 });
  const ct = xchacha20poly1305(k, nonce, header(head)).encrypt(key.privateKey);
  return { ...head, ciphertext: toHex(ct) };
}

/** Opens the key file with the passphrase; a wrong passphrase or any edited byte fails. */
export async function decryptSigningKey(
  file: EncryptedSigningKey,
  passphrase: string,
): Promise<SigningKey> {
  if (
    file?.format !== KEY_FILE_FORMAT ||
    file.version !== 1 ||
    !ALGORITHMS.includes(file.algorithm)
  )
    throw new MinutesError('BAD_ENCODING', '不是签名密钥文件');
  const { ciphertext, ...head } = file;
  const { N, r, p } = file.kdf;
  if (!Number.isSafeInteger(N) || N < 2 ** 10 || N > 2 ** 22 || r !== 8 || p !== 1)
    throw new MinutesError('BAD_ENCODING', '密钥文件的口令参数不在允许范围内');
  const k = await scryptAsync(normalise(passphrase), fromHex(file.kdf.salt, 16, 'kdf.salt'), {
    N,
    r,
    p,
    dkLen: 32,
  });
  let privateKey: Uint8Array;
  try {
    privateKey = xchacha20poly1305(
      k,
      fromHex(file.cipher.nonce, 24, 'cipher.nonce'),
      header(head),
    ).decrypt(fromHex(ciphertext, 48, 'ciphertext'));
  } catch {
    throw new MinutesError('WRONG_PASSPHRASE');
  }
  const key = signingKeyFromPrivate(file.algorithm, privateKey);
  if (key.publicKey !== file.publicKey || key.fingerprint !== file.fingerprint)
    throw new MinutesError('WRONG_PASSPHRASE', '密钥文件中的公钥与私钥不符');
  return key;
}

const ALGORITHM_BYTE: Record<SignatureAlgorithm, number> = { ed25519: 1, 'sm2-sm3': 2 };

function checksum(payload: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8(RECOVERY_CONTEXT), payload)).subarray(0, 4);
}

/**
 * The recovery code printed on paper: base32 of `algorithm byte ‖ private key (32) ‖ first 4 bytes
 * of SHA-256("congress-minutes/1/recovery-code" ‖ the 33 bytes before)`: 60 characters in 15
 * groups of 4. Whoever holds it can sign as the owner: it is kept like a seal.
 */
export function recoveryCode(key: SigningKey): string {
  const payload = concatBytes(new Uint8Array([ALGORITHM_BYTE[key.algorithm]]), key.privateKey);
  return groupsOf4(toBase32(concatBytes(payload, checksum(payload))));
}

/** The key back from a typed recovery code (case, spaces, hyphens and 0/1/8 for O/I/B ignored). */
export function keyFromRecoveryCode(code: string, expectedFingerprint?: string): SigningKey {
  const bytes = fromBase32Lenient(code);
  if (!bytes || bytes.length !== 37)
    throw new MinutesError('BAD_RECOVERY_CODE', '恢复码应为 60 个字母和数字（2–7）');
  const payload = bytes.subarray(0, 33);
  if (!equalBytes(checksum(payload), bytes.subarray(33)))
    throw new MinutesError('BAD_RECOVERY_CODE');
  const algorithm = (Object.keys(ALGORITHM_BYTE) as SignatureAlgorithm[]).find(
    (a) => ALGORITHM_BYTE[a] === payload[0],
  );
  if (!algorithm) throw new MinutesError('BAD_RECOVERY_CODE', '恢复码中的算法无法识别');
  const key = signingKeyFromPrivate(algorithm, payload.slice(1));
  if (
    expectedFingerprint !== undefined &&
    isHex(expectedFingerprint) &&
    key.fingerprint !== expectedFingerprint
  )
    throw new MinutesError('BAD_RECOVERY_CODE', '恢复码与登记的公钥不符');
  return key;
}

/** The text of the printed recovery sheet (the web app lays it out; this is its content). */
export function recoverySheetText(
  key: SigningKey,
  who: { owner: string; role: SignerRole; createdAt: string; session?: string },
): string {
  return [
    '会议记录签名密钥 恢复单',
    '',
    `持有人：${who.owner}`,
    `签署身份：${ROLE_LABELS[who.role]}`,
    ...(who.session ? [`会议：${who.session}`] : []),
    `算法：${ALGORITHM_LABELS[key.algorithm]}`,
    `密钥指纹：${shortFingerprint(key.fingerprint)}`,
    `生成时间（UTC）：${who.createdAt}`,
    '',
    '恢复码：',
    recoveryCode(key),
    '',
    '说明：',
    '1. 恢复码即签名私钥，持有者可以您的名义签署会议记录，请像保管印章一样保管本单，切勿拍照或发送给他人。',
    '2. 浏览器中保存的密钥丢失或忘记口令时，在签名页面选择“用恢复码恢复”并输入上面的恢复码。',
    '3. 恢复后的密钥指纹应与上面的密钥指纹一致；服务器只保存公钥，无法替您找回私钥。',
  ].join('\n');
}
