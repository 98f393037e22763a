import { describe, expect, it } from '@jest/globals';
import type { ElectionRecordV2 } from '../common/ballot.js';
import { demoRecord, demoSlipsRecord } from '../../../../libs/ballot/src/testing-record.js';
import { joinRecord, type RecordRow, type StoredRecord, storedRecordOf } from './stored-record.js';

const { record } = demoRecord('stored-record spec');
const { record: slipsRecord } = demoSlipsRecord('stored-record spec v3');

/** The board's rows as poll_ballots holds them for a record's entries. */
function rowsOf(r: ElectionRecordV2): RecordRow[] {
  return r.board.entries.map((e) => ({
    position: e.position,
    tracker: e.tracker,
    chain_head: e.chainHead,
    received_at: e.receivedAt,
    ballot: e.ballot,
    slips: e.slips ?? null,
  }));
}

/** Through JSON, as the json column gives it back. */
const stored = (r: ElectionRecordV2) =>
  JSON.parse(JSON.stringify(storedRecordOf(r))) as StoredRecord;

describe('the record as polls.record keeps it', () => {
  it('leaves out the entries and the credentials; joined back, it is the record made at the close', () => {
    const text = JSON.stringify(storedRecordOf(record));
    for (const e of record.board.entries) expect(text).not.toContain(e.tracker);
    // The last entry's chain head is the board's head, which stays.
    for (const e of record.board.entries.slice(0, -1)) expect(text).not.toContain(e.chainHead);
    for (const c of record.issued.credentials) expect(text).not.toContain(`"${c}"`);
    expect(JSON.stringify(joinRecord(stored(record), rowsOf(record), record.issued))).toBe(
      JSON.stringify(record),
    );
  });

  it('gives rows appended before the chain head had its column their heads from the chain', () => {
    const rows = rowsOf(record).map((r) => ({ ...r, chain_head: null }));
    expect(joinRecord(stored(record), rows, record.issued)).toEqual(record);
  });

  it('keeps a slips poll (version 3) whole but for its entries, with each entry its slips', () => {
    expect(slipsRecord.version).toBe(3);
    expect(slipsRecord.board.entries[0]!.slips?.length).toBeGreaterThan(0);
    expect(JSON.stringify(joinRecord(stored(slipsRecord), rowsOf(slipsRecord), null))).toBe(
      JSON.stringify(slipsRecord),
    );
  });

  it('reads a record stored whole, or stored without its ballots only, as it was made', () => {
    expect(joinRecord(record as unknown as StoredRecord, [], null)).toEqual(record);
    const withoutBallots = {
      ...record,
      board: {
        ...record.board,
        entries: record.board.entries.map(({ ballot: _b, ...e }) => e),
      },
    } as unknown as StoredRecord;
    expect(JSON.stringify(joinRecord(withoutBallots, rowsOf(record), null))).toBe(
      JSON.stringify(record),
    );
  });
});
