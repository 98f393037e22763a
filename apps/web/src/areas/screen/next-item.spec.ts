import { describe, expect, it } from '@jest/globals';
import { type AgendaLine, nextVotedItem } from './next-item.js';

const item = (id: string, position: number, vote: unknown = { type: 'motion' }): AgendaLine => ({
  id,
  position,
  title: `议程${position}`,
  kindLabel: vote ? '审议通过' : '听取报告',
  vote,
});

// The presidium's rule (release.service.ts `nextItemId`): the first votable item without a poll.
describe('the agenda item the projector shows between polls', () => {
  const items = [item('c', 3), item('report', 1, null), item('a', 2), item('d', 4)];

  it('is the first item put to a vote, in agenda order, skipping reports', () => {
    expect(nextVotedItem(items, [])?.id).toBe('a');
  });

  it('skips items that had a poll, whatever its outcome', () => {
    expect(nextVotedItem(items, ['a'])?.id).toBe('c');
    expect(nextVotedItem(items, ['c', 'a'])?.id).toBe('d');
  });

  it('is none once every votable item had its poll', () => {
    expect(nextVotedItem(items, ['a', 'c', 'd'])).toBeNull();
    expect(nextVotedItem([item('report', 1, null)], [])).toBeNull();
  });
});
