import { describe, expect, it } from '@jest/globals';
import { shanghaiDay } from '../common/time.js';
import {
  assertFindingMove,
  FINDING_TRANSITIONS,
  FindingStatus,
  isFindingOverdue,
} from './finding-status.js';

const S = FindingStatus;

describe("an inspection finding's follow-up", () => {
  it('moves open → in hand → done, or open → done, and never back', () => {
    expect(() => assertFindingMove(S.Open, S.InHand)).not.toThrow();
    expect(() => assertFindingMove(S.InHand, S.Done)).not.toThrow();
    expect(() => assertFindingMove(S.Open, S.Done)).not.toThrow();
    expect(() => assertFindingMove(S.Done, S.InHand)).toThrow('问题当前的办理状态不允许此操作');
    expect(() => assertFindingMove(S.InHand, S.Open)).toThrow();
    expect(FINDING_TRANSITIONS[S.Done]).toEqual([]);
  });
});

describe('an overdue finding (the deadline day counts whole, in Beijing time)', () => {
  // Fixed clock: 2026-12-01 23:30 in Shanghai is still 12-01 there, already past in UTC terms.
  const lateEvening = shanghaiDay(new Date('2026-12-01T15:30:00Z'));
  const nextMorning = shanghaiDay(new Date('2026-12-01T16:00:00Z'));

  it('is not overdue during its deadline day', () => {
    expect(lateEvening).toBe('2026-12-01');
    expect(isFindingOverdue({ status: S.Open, deadline: '2026-12-01' }, lateEvening)).toBe(false);
  });

  it('is overdue from the next Shanghai day while open or in hand', () => {
    expect(nextMorning).toBe('2026-12-02');
    expect(isFindingOverdue({ status: S.Open, deadline: '2026-12-01' }, nextMorning)).toBe(true);
    expect(isFindingOverdue({ status: S.InHand, deadline: '2026-12-01' }, nextMorning)).toBe(true);
  });

  it('is never overdue once done', () => {
    expect(isFindingOverdue({ status: S.Done, deadline: '2026-12-01' }, nextMorning)).toBe(false);
  });
});
