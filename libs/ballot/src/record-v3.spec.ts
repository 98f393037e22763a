import { describe, it, expect } from '@jest/globals';
import { BoardFollower } from './follow.js';
import { verifyElectionRecordV2, type RecordReportV2 } from './record-verify.js';
import type { ElectionRecordV2 } from './record-v2.js';
import { deterministicRng } from './rng.js';
import { generateSlipBatch, signWithSlips } from './slips.js';
import { demoSlipsRecord } from './testing-record.js';

// A slips poll (format version 3): 3 tellers' boxes of 8 slips, four delegates vote.
const demo = demoSlipsRecord('record-v3 spec');
const rng = deterministicRng('record-v3 spec, tests');

function failure(report: RecordReportV2) {
  expect(report.ok).toBe(false);
  return { check: report.firstFailure?.name, code: report.firstFailure?.error?.code };
}

const copy = (r: ElectionRecordV2): ElectionRecordV2 => JSON.parse(JSON.stringify(r));

describe('a slips poll record (version 3)', () => {
  it('verifies, slip signatures included, and says how many it checked', () => {
    const report = verifyElectionRecordV2(demo.record);
    expect(report.firstFailure).toBeUndefined();
    expect(demo.record.version).toBe(3);
    expect(demo.record.issued).toEqual({ count: 6, credentials: [] });
    expect(report.checks.find((c) => c.name === 'issued')?.facts).toMatchObject({
      slipTellers: 3,
      slipKeys: 24,
    });
    expect(report.checks.find((c) => c.name === 'eligibility')?.facts.slipsChecked).toBe(12);
    expect(report.counts).toEqual([[2, 1, 1]]);
  });

  it('fails a counted ballot whose slip signature was changed', () => {
    const r = copy(demo.record);
    const s = r.board.entries[1].slips![2];
    s.signature = s.signature.slice(0, -2) + (s.signature.endsWith('00') ? '01' : '00');
    expect(failure(verifyElectionRecordV2(r))).toEqual({
      check: 'eligibility',
      code: 'UNISSUED_CREDENTIAL',
    });
  });

  it('excludes a ballot the server made without slips, and fails a record that counts it', () => {
    // The server holds public keys only: it signs with keys of its own, or copies a published key
    // with a signature it cannot make. Either way the ballot is excluded as NOT_ISSUED.
    const forged = generateSlipBatch({ sessionId: 'session-5-2', teller: 1, count: 1 }, rng);
    const stuffed = demoSlipsRecord('record-v3 spec', {
      casts: [
        { draw: 0, choice: 0 },
        { draw: 1, choice: 1 },
        { draw: 4, choice: 0 },
      ],
    });
    const entry = stuffed.entries[2];
    const bad = [...entry.slips];
    bad[0] = signWithSlips(demo.record.poll.pollId, '00'.repeat(32), forged.slips)[0];
    const made = demoSlipsRecord('record-v3 spec', {
      casts: [
        { draw: 0, choice: 0 },
        { draw: 1, choice: 1 },
        { draw: 4, choice: 0, slips: bad },
      ],
    });
    expect(made.record.exclusions).toEqual([
      { position: 3, reason: 'NOT_ISSUED', code: 'UNISSUED_CREDENTIAL' },
    ]);
    expect(verifyElectionRecordV2(made.record).firstFailure).toBeUndefined();
    expect(made.record.result.counts).toEqual([[1, 1, 0]]);
    // Publishing it as counted (hiding the exclusion) is caught.
    const hidden = copy(made.record);
    hidden.exclusions = [];
    expect(failure(verifyElectionRecordV2(hidden)).check).toBe('eligibility');
  });

  it('excludes a later ballot that reuses a slip drawn by someone else (a photographed slip)', () => {
    // Delegate 3 holds a copy of delegate 1's slip from box 1, and fresh slips from boxes 2 and 3.
    const made = demoSlipsRecord('record-v3 spec', {
      casts: [
        { draw: 0, choice: 0 },
        { draw: 1, choice: 1 },
        { draw: [0, 5, 5], choice: 1 },
      ],
    });
    expect(made.record.exclusions).toEqual([
      { position: 3, reason: 'NOT_ISSUED', code: 'SLIP_REUSED' },
    ]);
    expect(verifyElectionRecordV2(made.record).firstFailure).toBeUndefined();
    expect(made.record.result.counts).toEqual([[1, 1, 0]]);
    const counted = copy(made.record);
    counted.exclusions = [];
    expect(failure(verifyElectionRecordV2(counted))).toEqual({
      check: 'eligibility',
      code: 'UNISSUED_CREDENTIAL',
    });
  });

  it('refuses slips of only some tellers, a swapped batch, and slips in a version 2 record', () => {
    const some = copy(demo.record);
    some.slips!.batches = some.slips!.batches.slice(0, 2);
    expect(failure(verifyElectionRecordV2(some))).toEqual({
      check: 'issued',
      code: 'ISSUED_MISMATCH',
    });
    const swapped = copy(demo.record);
    swapped.slips!.batches[2] = generateSlipBatch(
      { sessionId: 'session-5-2', teller: 3, count: 8 },
      rng,
    ).batch;
    expect(failure(verifyElectionRecordV2(swapped)).check).toBe('chain');
    const v2 = copy(demo.record);
    v2.version = 2;
    expect(failure(verifyElectionRecordV2(v2))).toEqual({ check: 'format', code: 'BAD_ENCODING' });
    const unsigned = copy(demo.record);
    delete unsigned.board.entries[0].slips;
    expect(failure(verifyElectionRecordV2(unsigned)).check).toBe('format');
  });

  it("is answered by a teller's device that followed the board", () => {
    const f = new BoardFollower({ poll: demo.record.poll, key: demo.record.key });
    f.follow(demo.record.board.entries);
    const prepared: Partial<ElectionRecordV2> = { ...demo.record };
    for (const k of ['decryptions', 'refusedDecryptions', 'electorate', 'result'] as const)
      delete prepared[k];
    const answer = f.answer(prepared as ElectionRecordV2, demo.ceremony.secrets[0], rng);
    expect(answer.counted).toBe(4);
  });
});
