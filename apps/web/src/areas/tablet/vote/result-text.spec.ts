import { describe, expect, it } from '@jest/globals';
import type { PollResult } from '@libs/contracts/src/index.js';
import { tallyMotion } from '@libs/tally/src/index.js';
import { resultSentences } from './result-text.js';

const failed = tallyMotion({
  electorate: { total: 10, present: 9 },
  counts: { for: 3, against: 5, abstain: 1, invalid: 0 },
});

const result = (decision: PollResult['decision']) => ({ decision });

describe('the tablet result in words', () => {
  it('says a failed motion did not reach the rule, as the projector does', () => {
    const lines = resultSentences(result(failed));
    expect(lines[0]).toBe('未通过');
    expect(lines[1]).toBe('赞成 3 票，未超过全体代表 10 人的半数，未通过');
  });

  it('says a void poll is held again', () => {
    expect(resultSentences(result(null))).toEqual([
      '本次表决无效',
      '收回的选票多于发出的选票，表决无效，须重新表决。',
    ]);
  });

  it('says nothing before a result', () => {
    expect(resultSentences(null)).toEqual([]);
  });
});
