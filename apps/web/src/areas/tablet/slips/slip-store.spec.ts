import { describe, expect, it } from '@jest/globals';
import {
  checkSlipSignatures,
  deterministicRng,
  generateSlipBatch,
  issuedSlips,
  signWithSlips,
  slipText,
} from '@libs/ballot/src/index.js';
import {
  admitSlip,
  forgetSlips,
  keepSlips,
  keptSlips,
  type Slip,
  slipsComplete,
  voterOfSlips,
} from './slip-store.js';

const SESSION = 'session-1';
const rng = deterministicRng('slip-store spec');
/** Three tellers' printed slips (two each) and their published batches. */
const printed = [1, 2, 3].map((teller) =>
  generateSlipBatch({ sessionId: SESSION, teller, count: 2 }, rng),
);
const text = (teller: number, i = 0) => slipText(printed[teller - 1]!.slips[i]!);
const session = { sessionId: SESSION, tellers: 3 };

/** Admits texts in order, failing the spec on a refusal. */
function admitAll(texts: string[]): Slip[] {
  return texts.reduce<Slip[]>((kept, t) => {
    const r = admitSlip(kept, t, session);
    if (!r.ok) throw new Error(r.reason);
    return r.slips;
  }, []);
}

/** localStorage's surface, in memory (the unit project runs in Node). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

describe('a tablet’s ballot slips', () => {
  it('admits one slip per teller of the session, in any order, kept in teller order', () => {
    const slips = admitAll([text(3), text(1), text(2)]);
    expect(slips.map((s) => s.teller)).toEqual([1, 2, 3]);
    expect(slips[0]!.publicKey).toBe(printed[0]!.slips[0]!.publicKey);
    expect(slipsComplete(slips, 3)).toBe(true);
    expect(slipsComplete(slips.slice(0, 2), 3)).toBe(false);
    expect(slipsComplete([], 0)).toBe(false);
  });

  it('reads a slip typed with stray spaces and in lower case (the text under the QR code)', () => {
    const typed = `  ${text(1).replace(/:([A-Z2-7]+)$/, (_, b32: string) => `:${b32.toLowerCase()}`)} `;
    const r = admitSlip([], typed, session);
    expect(r.ok && r.slip.publicKey).toBe(printed[0]!.slips[0]!.publicKey);
  });

  it('refuses, with the reason, what is not a slip, another session’s slip, a teller the session does not have, and a second slip of one teller', () => {
    const reason = (kept: Slip[], t: string) => {
      const r = admitSlip(kept, t, session);
      return r.ok ? 'admitted' : r.reason;
    };
    expect(reason([], 'https://example.org/')).toMatch(/^这不是投票凭证/);
    expect(reason([], text(1).slice(0, -4))).toMatch(/^这不是投票凭证/);
    const other = generateSlipBatch({ sessionId: 'session-2', teller: 1, count: 1 }, rng);
    expect(reason([], slipText(other.slips[0]!))).toBe('这张凭证属于另一次会议，不能用于本次会议');
    const fourth = generateSlipBatch({ sessionId: SESSION, teller: 4, count: 1 }, rng);
    expect(reason([], slipText(fourth.slips[0]!))).toBe(
      '本次会议没有第 4 号监票人（共 3 位监票人），这张凭证不能使用',
    );
    const kept = admitAll([text(2)]);
    expect(reason(kept, text(2))).toBe('这张第 2 号监票人的凭证已经扫描过了');
    expect(reason(kept, text(2, 1))).toBe('已扫描过第 2 号监票人的凭证：每位监票人的凭证只取一张');
  });

  it('makes the ballot’s voter from the slips, and signatures the published batches accept', () => {
    const slips = admitAll([text(2, 1), text(1, 1), text(3, 1)]);
    const voter = voterOfSlips(SESSION, slips);
    const tracker = 'ab'.repeat(32);
    const signatures = signWithSlips('poll-1', tracker, slips);
    const issued = issuedSlips(printed.map((p) => p.batch));
    expect(
      checkSlipSignatures({ pollId: 'poll-1', tracker, voter, slips: signatures }, issued),
    ).toEqual(slips.map((s) => s.publicKey));
  });

  it('keeps the slips per user and session, and forgets all of a user’s at log-out', () => {
    const store = memoryStorage();
    const slips = admitAll([text(1), text(2)]);
    keepSlips(store, 'u1', SESSION, slips);
    keepSlips(store, 'u1', 'session-2', []);
    keepSlips(store, 'u2', SESSION, slips.slice(0, 1));
    expect(keptSlips(store, 'u1', SESSION)).toEqual(slips);
    expect(keptSlips(store, 'u2', SESSION)).toEqual(slips.slice(0, 1));
    expect(keptSlips(store, 'u1', 'session-3')).toEqual([]);
    // Only the printed text is stored: the same text a delegate could type again.
    expect(JSON.parse(store.getItem(`congress.slips.u1.${SESSION}`)!)).toEqual([text(1), text(2)]);
    forgetSlips(store, 'u1');
    expect(keptSlips(store, 'u1', SESSION)).toEqual([]);
    expect(store.getItem(`congress.slips.u1.session-2`)).toBeNull();
    expect(keptSlips(store, 'u2', SESSION)).toHaveLength(1);
  });

  it('reads a damaged entry as no slips (scan them again)', () => {
    const store = memoryStorage();
    store.setItem(`congress.slips.u1.${SESSION}`, '{not json');
    expect(keptSlips(store, 'u1', SESSION)).toEqual([]);
    store.setItem(`congress.slips.u1.${SESSION}`, JSON.stringify(['garbage', text(3)]));
    expect(keptSlips(store, 'u1', SESSION).map((s) => s.teller)).toEqual([3]);
  });
});
