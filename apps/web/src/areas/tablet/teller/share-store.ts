import type { SealedRoundState, SealedTellerSecret } from '@libs/ballot/src/index.js';

/**
 * The teller's share on this tablet: only sealed under the teller's passphrase (libs/ballot
 * `sealTellerSecret`: scrypt, then XChaCha20-Poly1305), in localStorage, one per account and
 * ceremony. While a ceremony runs, its round state is kept the same way (`sealRoundState`), so a
 * reload resumes it; it is dropped when the ceremony is over. Nothing here talks to the server.
 */
const KEY = (userId: string, ceremonyId: string) => `congress.teller-share.${userId}.${ceremonyId}`;
const ROUND = (userId: string, ceremonyId: string) =>
  `congress.teller-round.${userId}.${ceremonyId}`;

function read<T>(key: string, what: string): T | null {
  const raw = localStorage.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    // A damaged entry is none: the share comes back from the recovery sheet, a ceremony is
    // started again by staff.
    console.warn(`本机保存的${what}无法读取`);
    return null;
  }
}

export function storedShare(userId: string, ceremonyId: string): SealedTellerSecret | null {
  return read(KEY(userId, ceremonyId), '监票人份额');
}

export function keepShare(userId: string, ceremonyId: string, sealed: SealedTellerSecret): void {
  localStorage.setItem(KEY(userId, ceremonyId), JSON.stringify(sealed));
}

export function storedRound(userId: string, ceremonyId: string): SealedRoundState | null {
  return read(ROUND(userId, ceremonyId), '密钥仪式进行状态');
}

export function keepRound(userId: string, ceremonyId: string, sealed: SealedRoundState): void {
  localStorage.setItem(ROUND(userId, ceremonyId), JSON.stringify(sealed));
}

export function dropRound(userId: string, ceremonyId: string): void {
  localStorage.removeItem(ROUND(userId, ceremonyId));
}
