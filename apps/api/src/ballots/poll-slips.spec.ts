import { describe, expect, it } from '@jest/globals';
import { recordIssued } from './poll-slips.js';

// libs/ballot RECORD.md §7: a slips poll's record states 发出 as a count with no credentials
// (who may vote is who holds slips); any other poll's states the seats' credentials.
describe('recordIssued: what the record states as issued (发出)', () => {
  const issued = { count: 2, credentials: ['aa', 'bb'] };

  it('keeps the credentials outside slips mode', () => {
    expect(recordIssued({ issued, withSlips: false })).toEqual(issued);
  });

  it('states the count only in slips mode, the seats staying on the server', () => {
    expect(recordIssued({ issued, withSlips: true })).toEqual({ count: 2, credentials: [] });
    expect(issued.credentials).toEqual(['aa', 'bb']);
  });
});
