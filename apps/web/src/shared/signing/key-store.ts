import {
  decryptSigningKey,
  encryptSigningKey,
  generateSigningKey,
  keyFromRecoveryCode,
  type EncryptedSigningKey,
  type SignatureAlgorithm,
  type SigningKey,
} from '@libs/minutes/src/index.js';

/**
 * The signer's key in this browser (libs/minutes custody): the private key is kept only sealed
 * under the signer's passphrase (scrypt → XChaCha20-Poly1305) in localStorage, one per account.
 * Nothing here talks to the server: the page registers the public part and posts signatures.
 */
const KEY = (userId: string) => `congress.signing-key.${userId}`;

export function storedKey(userId: string): EncryptedSigningKey | null {
  const raw = localStorage.getItem(KEY(userId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as EncryptedSigningKey;
  } catch {
    // A damaged entry is no key: the signer restores from the recovery sheet.
    console.warn('本机保存的签名密钥无法读取');
    return null;
  }
}

function keep(userId: string, sealed: EncryptedSigningKey) {
  localStorage.setItem(KEY(userId), JSON.stringify(sealed));
}

/**
 * A new key, sealed and kept here; the open key is returned for the recovery sheet only.
 * Ed25519 by default; SM2 with SM3 (GB/T 32918, GB/T 32905) where an enterprise requires 国密.
 */
export async function createKey(
  userId: string,
  owner: string,
  passphrase: string,
  algorithm: SignatureAlgorithm = 'ed25519',
): Promise<{ key: SigningKey; sealed: EncryptedSigningKey }> {
  const key = generateSigningKey(algorithm);
  const sealed = await encryptSigningKey(key, passphrase, { owner });
  keep(userId, sealed);
  return { key, sealed };
}

/** The key from the printed recovery code, sealed again under a (new) passphrase and kept here. */
export async function restoreKey(
  userId: string,
  owner: string,
  code: string,
  passphrase: string,
  fingerprints: string[],
): Promise<EncryptedSigningKey> {
  const key = keyFromRecoveryCode(code);
  if (fingerprints.length > 0 && !fingerprints.includes(key.fingerprint))
    throw new Error('恢复码与您登记的任何公钥都不符');
  const sealed = await encryptSigningKey(key, passphrase, { owner });
  keep(userId, sealed);
  return sealed;
}

/** Opens the kept key with the passphrase for one signing; the caller drops it afterwards. */
export function openKey(sealed: EncryptedSigningKey, passphrase: string): Promise<SigningKey> {
  return decryptSigningKey(sealed, passphrase);
}

export function forgetKey(userId: string) {
  localStorage.removeItem(KEY(userId));
}
