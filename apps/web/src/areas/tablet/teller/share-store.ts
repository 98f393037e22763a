import type { SealedTellerSecret } from '@libs/ballot/src/index.js';

/**
 * The teller's share on this tablet: only sealed under the teller's passphrase (libs/ballot
 * `sealTellerSecret`: scrypt, then XChaCha20-Poly1305), in localStorage, one per account and
 * ceremony. Nothing here talks to the server.
 */
const KEY = (userId: string, ceremonyId: string) => `congress.teller-share.${userId}.${ceremonyId}`;

export function storedShare(userId: string, ceremonyId: string): SealedTellerSecret | null {
  const raw = localStorage.getItem(KEY(userId, ceremonyId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SealedTellerSecret;
  } catch {
    // A damaged entry is no share: the teller restores it from the recovery sheet.
    console.warn('本机保存的监票人份额无法读取');
    return null;
  }
}

export function keepShare(userId: string, ceremonyId: string, sealed: SealedTellerSecret): void {
  localStorage.setItem(KEY(userId, ceremonyId), JSON.stringify(sealed));
}
