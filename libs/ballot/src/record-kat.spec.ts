/**
 * The known-answer record (libs/ballot/test-vectors/record-v2.json): a whole poll under a
 * tellers' key (3 tellers, t = 2), closed with tellers 1 and 3, with a re-cast ballot and a
 * recalled voter, and every receipt. It pins format version 2: the stored record must verify,
 * deterministic generation must reproduce it byte for byte, and the hash inputs of RECORD.md are
 * re-implemented here from the text to check them against it. Regenerate (only when the order of
 * drawing randomness changed on purpose) with
 *   BALLOT_WRITE_VECTORS=1 npm run test:unit -- --testPathPatterns libs/ballot/src/record-kat
 */
import { describe, it, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { verifyElectionRecordV2, checkReceipt } from './record-verify.js';
import type { ElectionRecordV2 } from './record-v2.js';
import type { SignedReceipt } from './board.js';
import { demoRecord, demoSlipsRecord } from './testing-record.js';

// The record alone (what `npm run verify-poll` reads), and beside it the receipts of its ballots.
const FILE = new URL('../test-vectors/record-v2.json', import.meta.url);
const RECEIPTS = new URL('../test-vectors/record-v2-receipts.json', import.meta.url);

interface Vectors {
  record: ElectionRecordV2;
  receipts: { comment: string; seed: string; receipts: SignedReceipt[] };
}

const SEED = 'congress-ballot known-answer record v2';

function generate(): Vectors {
  const d = demoRecord(SEED);
  return {
    record: d.record,
    receipts: {
      comment:
        'Signed receipts of the ballots of record-v2.json (libs/ballot known-answer record, RECORD.md)',
      seed: SEED,
      receipts: d.receipts,
    },
  };
}

if (process.env.BALLOT_WRITE_VECTORS === '1') {
  const v = generate();
  writeFileSync(FILE, JSON.stringify(v.record, null, 2) + '\n');
  writeFileSync(RECEIPTS, JSON.stringify(v.receipts, null, 2) + '\n');
}
const stored: Vectors = {
  record: JSON.parse(readFileSync(FILE, 'utf8')) as ElectionRecordV2,
  receipts: JSON.parse(readFileSync(RECEIPTS, 'utf8')) as Vectors['receipts'],
};
const receipts = stored.receipts.receipts;

// Version 3 (RECORD.md §7): the same poll voted with ballot slips.
const FILE_V3 = new URL('../test-vectors/record-v3.json', import.meta.url);
const SEED_V3 = 'congress-ballot known-answer record v3';
if (process.env.BALLOT_WRITE_VECTORS === '1')
  writeFileSync(FILE_V3, JSON.stringify(demoSlipsRecord(SEED_V3).record, null, 2) + '\n');
const storedV3 = JSON.parse(readFileSync(FILE_V3, 'utf8')) as ElectionRecordV2;

// Byte strings of RECORD.md, written again from the text.
const enc = new TextEncoder();
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const str = (s: string) => {
  const b = enc.encode(s);
  return cat(u32(b.length), b);
};
function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) out.set(p, (i += p.length) - p.length);
  return out;
}

/** pollDigest of a motion under majority:all:gt:1/2 (RECORD.md §6), written from the text. */
function motionPollDigest(r: ElectionRecordV2): string {
  const v = r.poll.vote as { options: { label: string; meaning: string }[] };
  const meaning = { for: 1, against: 2, abstain: 3 } as Record<string, number>;
  return hex(
    sha256(
      cat(
        str('congress-ballot/2/poll'),
        str(r.poll.pollId),
        str(r.poll.title),
        Uint8Array.of(1),
        u32(v.options.length),
        ...v.options.flatMap((o) => [str(o.label), Uint8Array.of(meaning[o.meaning])]),
        Uint8Array.of(r.poll.recast === 'once' ? 1 : 2),
        str('majority:all:gt:1/2'),
      ),
    ),
  );
}

describe('known-answer record v2', () => {
  it('the stored record verifies, every check passing', () => {
    const report = verifyElectionRecordV2(stored.record);
    expect(report.firstFailure).toBeUndefined();
    expect(report.counts).toEqual([[2, 1, 1]]);
    for (const r of receipts) expect(checkReceipt(stored.record, r).position).toBe(r.position);
  });

  it('deterministic generation reproduces it exactly', () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(stored));
  });

  it('the chain, the ceremony fingerprint and a receipt follow RECORD.md', () => {
    const r = stored.record;
    const c = r.key.mode === 'tellers' ? r.key.ceremony : undefined;
    expect(c).toBeDefined();
    // ceremony fingerprint
    const parts = [
      str('congress-ballot/2/ceremony-fingerprint'),
      str(c!.ceremonyId),
      u32(c!.threshold),
      u32(c!.tellers),
    ];
    for (const m of c!.round1)
      parts.push(u32(m.index), unhex(m.transportKey), ...m.commitments.map(unhex));
    const fp = hex(sha256(cat(...parts)));
    expect(r.tally.keyFingerprint).toBe(fp);
    // issued digest and genesis
    const issued = hex(
      sha256(
        cat(str('congress-ballot/2/issued'), u32(r.issued.count), ...r.issued.credentials.map(str)),
      ),
    );
    const poll = motionPollDigest(r);
    const genesis = hex(
      sha256(
        cat(
          str('congress-ballot/2/board-genesis'),
          str(r.poll.pollId),
          unhex(fp),
          unhex(poll),
          unhex(issued),
        ),
      ),
    );
    expect(r.board.genesis).toBe(genesis);
    let h = genesis;
    for (const e of r.board.entries) {
      h = hex(sha256(cat(str('congress-ballot/2/board-link'), unhex(h), unhex(e.tracker))));
      expect(e.chainHead).toBe(h);
    }
    expect(r.board.head).toBe(h);
    // a receipt's signed bytes
    const rc = receipts[3];
    const bytes = cat(
      str('congress-ballot/2/receipt'),
      str(rc.pollId),
      unhex(rc.tracker),
      str(rc.shortCode),
      u32(rc.position),
      unhex(rc.chainHead),
      str(rc.receivedAt),
    );
    expect(ed25519.verify(unhex(rc.signature), bytes, unhex(r.board.publicKey))).toBe(true);
  });
});

describe('known-answer record v3 (ballot slips)', () => {
  it('the stored record verifies and deterministic generation reproduces it', () => {
    expect(verifyElectionRecordV2(storedV3).firstFailure).toBeUndefined();
    expect(JSON.stringify(demoSlipsRecord(SEED_V3).record)).toBe(JSON.stringify(storedV3));
  });

  it('h_0, the voters and the slip signatures follow RECORD.md §7', () => {
    const r = storedV3;
    const slips = r.slips!;
    const batchDigest = (b: (typeof slips.batches)[number]) =>
      sha256(
        cat(
          str('congress-ballot/3/slip-batch'),
          str(b.sessionId),
          u32(b.teller),
          u32(b.publicKeys.length),
          ...b.publicKeys.map(unhex),
        ),
      );
    const issued = hex(
      sha256(
        cat(
          str('congress-ballot/3/issued-slips'),
          u32(r.issued.count),
          str(slips.sessionId),
          u32(slips.batches.length),
          ...slips.batches.flatMap((b) => [u32(b.teller), batchDigest(b)]),
        ),
      ),
    );
    const fp = r.tally.keyFingerprint;
    const genesisOf = (pollDigest: string) =>
      hex(
        sha256(
          cat(
            str('congress-ballot/2/board-genesis'),
            str(r.poll.pollId),
            unhex(fp),
            unhex(pollDigest),
            unhex(issued),
          ),
        ),
      );
    const pollDigest = motionPollDigest(r);
    expect(r.board.genesis).toBe(genesisOf(pollDigest));
    for (const e of r.board.entries) {
      const voter = hex(
        sha256(
          cat(
            str('congress-ballot/3/slip-voter'),
            str(slips.sessionId),
            u32(e.slips!.length),
            ...e.slips!.map((x) => unhex(x.publicKey)),
          ),
        ),
      );
      expect((e.ballot as { voter: string }).voter).toBe(voter);
      const signed = cat(
        str('congress-ballot/3/slip-signature'),
        str(r.poll.pollId),
        unhex(e.tracker),
      );
      for (const x of e.slips!)
        expect(ed25519.verify(unhex(x.signature), signed, unhex(x.publicKey))).toBe(true);
    }
  });
});
