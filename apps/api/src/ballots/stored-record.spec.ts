import { describe, expect, it } from '@jest/globals';
import { demoRecord } from '../../../../libs/ballot/src/testing-record.js';
import { needsBallots, storedRecordOf, withBallots } from './stored-record.js';

const { record } = demoRecord('stored-record spec');
const ballotAt = new Map(record.board.entries.map((e) => [e.position, e.ballot as unknown]));

describe('the record as polls.record keeps it', () => {
  it('leaves the ballots out, and joining them back by position gives the record made at the close', () => {
    const stored = storedRecordOf(record);
    expect(JSON.stringify(stored)).not.toContain('"ballot"');
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(record).length / 2);
    expect(needsBallots(stored)).toBe(true);
    expect(JSON.stringify(withBallots(JSON.parse(JSON.stringify(stored)), ballotAt))).toBe(
      JSON.stringify(record),
    );
  });

  it('reads a record stored whole (before this version) as it is', () => {
    expect(needsBallots(record)).toBe(false);
    expect(withBallots(record, new Map())).toEqual(record);
  });
});
