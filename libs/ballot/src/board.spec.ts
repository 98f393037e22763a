import { describe, it, expect } from '@jest/globals';
import {
  boardKeyPair,
  chainHeads,
  chainLink,
  signReceipt,
  verifyChain,
  verifyReceipt,
  type Receipt,
} from './board.js';
import { shortCode } from './ballot.js';
import { deterministicRng } from './rng.js';

const rng = deterministicRng('board');
const genesis = 'aa'.repeat(32);
const trackers = ['01', '02', '03'].map((b) => b.repeat(32));
const key = boardKeyPair(rng);

describe('board chain', () => {
  it('links each tracker to the previous head; the head is the last link', () => {
    const heads = chainHeads(genesis, trackers);
    expect(heads[0]).toBe(chainLink(genesis, trackers[0]));
    expect(heads[2]).toBe(chainLink(heads[1], trackers[2]));
    const entries = trackers.map((tracker, i) => ({ tracker, chainHead: heads[i] }));
    expect(() => verifyChain(genesis, entries, heads[2])).not.toThrow();
    expect(() => verifyChain(genesis, [], genesis)).not.toThrow();
    // Reordering two ballots changes every head from there on.
    const swapped = [entries[1], entries[0], entries[2]];
    expect(() => verifyChain(genesis, swapped, heads[2])).toThrow(/CHAIN_MISMATCH.*position 1/);
    expect(() => verifyChain(genesis, entries, heads[1])).toThrow(/CHAIN_MISMATCH.*head/);
  });
});

describe('receipts', () => {
  const receipt: Receipt = {
    version: 2,
    pollId: 'poll-1',
    tracker: trackers[1],
    shortCode: shortCode(trackers[1]),
    position: 2,
    chainHead: chainHeads(genesis, trackers)[1],
    receivedAt: '2026-11-21T06:30:00.000Z',
  };

  it('verifies under the board key and no other; any changed field breaks it', () => {
    const signed = signReceipt(receipt, key.secretKey);
    expect(verifyReceipt(signed, key.publicKey)).toEqual(receipt);
    expect(() => verifyReceipt(signed, boardKeyPair(rng).publicKey)).toThrow(/BAD_SIGNATURE/);
    expect(() => verifyReceipt({ ...signed, position: 1 }, key.publicKey)).toThrow(/BAD_SIGNATURE/);
    expect(() =>
      verifyReceipt({ ...signed, receivedAt: '2026-11-21T06:31:00.000Z' }, key.publicKey),
    ).toThrow(/BAD_SIGNATURE/);
    expect(() => verifyReceipt(signed, '00'.repeat(32))).toThrow(/BAD_SIGNATURE/);
  });

  it('refuses a local time, a short code of another tracker, unknown fields', () => {
    expect(() =>
      signReceipt({ ...receipt, receivedAt: '2026-11-21 14:30' }, key.secretKey),
    ).toThrow(/BAD_ENCODING/);
    expect(() => signReceipt({ ...receipt, shortCode: 'AAAA-AAAA' }, key.secretKey)).toThrow(
      /BAD_ENCODING/,
    );
    const signed = signReceipt(receipt, key.secretKey);
    expect(() => verifyReceipt({ ...signed, extra: 1 } as never, key.publicKey)).toThrow(
      /BAD_ENCODING/,
    );
  });
});
