import { isBallotError } from '@libs/ballot/src/errors.js';
import { readSlip, type Slip, slipText, slipVoter } from '@libs/ballot/src/slips.js';

/**
 * The ballot slips (投票凭证) this tablet scanned, one per teller of the session: their secret keys
 * stay on the device (localStorage, per user and session, dropped at log-out); the server only
 * ever receives their public keys and signatures. See libs/ballot/src/slips.ts.
 */
export type { Slip };

/** What the page knows of the session's slips: the tellers (n) and whether slips are in use. */
export interface SlipSession {
  sessionId: string;
  /** n of the session's ready ceremony (0: none). */
  tellers: number;
}

/** A scanned text admitted (the slips, in teller order) or refused with a Chinese reason. */
export type Admission = { ok: true; slips: Slip[]; slip: Slip } | { ok: false; reason: string };

/**
 * Admits one scanned or typed slip text: a slip of this session, of one of its tellers, whose
 * teller has no slip on this tablet yet. Pure: the caller keeps the result.
 */
export function admitSlip(kept: readonly Slip[], text: string, s: SlipSession): Admission {
  let slip: Slip;
  try {
    slip = readSlip(text);
  } catch (e) {
    if (!isBallotError(e)) throw e;
    return {
      ok: false,
      reason: '这不是投票凭证：请扫描监票人发放的凭证上的二维码，或照抄二维码下方的整行文字',
    };
  }
  if (slip.sessionId !== s.sessionId)
    return { ok: false, reason: '这张凭证属于另一次会议，不能用于本次会议' };
  if (slip.teller > s.tellers)
    return {
      ok: false,
      reason: `本次会议没有第 ${slip.teller} 号监票人（共 ${s.tellers} 位监票人），这张凭证不能使用`,
    };
  const same = kept.find((k) => k.teller === slip.teller);
  if (same)
    return {
      ok: false,
      reason:
        same.publicKey === slip.publicKey
          ? `这张第 ${slip.teller} 号监票人的凭证已经扫描过了`
          : `已扫描过第 ${slip.teller} 号监票人的凭证：每位监票人的凭证只取一张`,
    };
  const slips = [...kept, slip].sort((a, b) => a.teller - b.teller);
  return { ok: true, slips, slip };
}

/** One slip from each of the session's n tellers. */
export const slipsComplete = (slips: readonly Slip[], tellers: number): boolean =>
  tellers > 0 && slips.length === tellers && slips.every((s, i) => s.teller === i + 1);

/** The ballot's voter for a complete set: the slips' public keys in teller order. */
export function voterOfSlips(sessionId: string, slips: readonly Slip[]): string {
  const ordered = [...slips].sort((a, b) => a.teller - b.teller);
  return slipVoter(
    sessionId,
    ordered.map((s) => s.publicKey),
  );
}

const PREFIX = 'congress.slips.';
const storageKey = (userId: string, sessionId: string) => `${PREFIX}${userId}.${sessionId}`;

/** The slips kept for this user and session; a damaged entry is the same as none (scan again). */
export function keptSlips(store: Storage, userId: string, sessionId: string): Slip[] {
  try {
    const raw = store.getItem(storageKey(userId, sessionId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    // Kept as the texts printed on the slips, read back the same way they were admitted.
    return parsed.reduce<Slip[]>((out, text: unknown) => {
      const r = admitSlip(out, String(text), { sessionId, tellers: 64 });
      return r.ok ? r.slips : out;
    }, []);
  } catch {
    return [];
  }
}

export function keepSlips(
  store: Storage,
  userId: string,
  sessionId: string,
  slips: readonly Slip[],
): void {
  store.setItem(storageKey(userId, sessionId), JSON.stringify(slips.map(slipText)));
}

/** At log-out: every session's slips of this user leave the tablet. */
export function forgetSlips(store: Storage, userId: string): void {
  const mine = `${PREFIX}${userId}.`;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(mine)) keys.push(k);
  }
  keys.forEach((k) => store.removeItem(k));
}
