import { describe, expect, it } from '@jest/globals';
import { boardHeadOf, electionRecordIn } from './record.js';

// The known-answer records of libs/ballot (read with node's fs, in the test only).
const vector = async (name: string) => {
  const { readFileSync } = await import('node:fs');
  const url = new URL(`../../../../libs/ballot/test-vectors/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as { board: { head: string } };
};

describe('the election record in the record route’s answer', () => {
  it('finds a version 2 and a version 3 (ballot slips) record and their board heads', async () => {
    for (const name of ['record-v2.json', 'record-v3.json']) {
      const record = await vector(name);
      const found = electionRecordIn(record);
      expect(found?.version).toBe(name === 'record-v2.json' ? 2 : 3);
      expect(boardHeadOf(found)).toBe(record.board.head);
    }
  });

  it('finds a version 1 record in its wrapper, without a board head; nothing for an unknown version', () => {
    const found = electionRecordIn({ electionRecord: { version: 1, poll: {} } });
    expect(found?.version).toBe(1);
    expect(boardHeadOf(found)).toBeNull();
    expect(electionRecordIn({ version: 4, poll: {} })).toBeNull();
  });
});
