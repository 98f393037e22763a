import { describe, expect, it } from '@jest/globals';
import {
  MAJORITY_OF_CAST,
  SATISFACTION_SCALE,
  TWO_THIRDS_OF_ALL,
  tallyElection,
  tallyEvaluation,
  tallyMotion,
} from '@libs/tally/src/index.js';
import { resultWords } from './result-words.js';

// Decisions made by libs/tally itself, as the api stores them.
const hall = { total: 320, present: 300 };
/** One seat, two candidates. */
const election = (ballots: { valid: number; invalid: number }, votes: Record<string, number>) =>
  tallyElection({
    seats: 1,
    candidates: [
      { id: 'a', name: '李明' },
      { id: 'b', name: '周红' },
    ],
    electorate: hall,
    ballots,
    votes,
  });

describe('resultWords', () => {
  it('says the motion’s outcome with the rule of all delegates and its numbers', () => {
    const d = tallyMotion({
      electorate: hall,
      counts: { for: 170, against: 100, abstain: 20, invalid: 5 },
    });
    expect(resultWords(d)).toEqual({
      headline: '通过',
      passed: true,
      lines: [
        '赞成 170 票，超过全体代表 320 人的半数，通过',
        '反对 100 票，弃权 20 票，无效 5 票，未投票 5 人',
      ],
    });
  });

  it('says a failed motion failed, with 160 of 320 being exactly half and not more', () => {
    const d = tallyMotion({
      electorate: hall,
      counts: { for: 160, against: 130, abstain: 10, invalid: 0 },
    });
    expect(resultWords(d).lines[0]).toBe('赞成 160 票，未超过全体代表 320 人的半数，未通过');
    expect(resultWords(d).passed).toBe(false);
  });

  it('follows another rule when the congress set one (at least two thirds; of the valid ballots)', () => {
    const twoThirds = tallyMotion({
      electorate: hall,
      rule: TWO_THIRDS_OF_ALL,
      counts: { for: 214, against: 80, abstain: 0, invalid: 0 },
    });
    expect(resultWords(twoThirds).lines[0]).toBe(
      '赞成 214 票，达到全体代表 320 人的三分之二，通过',
    );
    const ofCast = tallyMotion({
      electorate: hall,
      rule: MAJORITY_OF_CAST,
      counts: { for: 100, against: 150, abstain: 40, invalid: 10 },
    });
    expect(resultWords(ofCast).lines[0]).toBe('赞成 100 票，未超过有效票 290 票的半数，未通过');
  });

  it('names each candidate with votes, the rule and whether elected', () => {
    const d = election({ valid: 296, invalid: 4 }, { a: 200, b: 96 });
    expect(resultWords(d)).toEqual({
      headline: '应选 1 人，当选 1 人',
      passed: true,
      lines: [
        '李明 得票 200 票，超过全体代表 320 人的半数，当选',
        '周红 得票 96 票，未超过全体代表 320 人的半数，未当选',
        '有效票 296 张，无效票 4 张，未投票 0 人',
      ],
    });
  });

  it('says a seat stays empty when nobody met the rule', () => {
    const d = election({ valid: 300, invalid: 0 }, { a: 150, b: 150 });
    const w = resultWords(d);
    expect([w.headline, w.passed, w.lines.at(-1)]).toEqual([
      '应选 1 人，当选 0 人',
      false,
      '尚有 1 个席位空缺，须另行选举',
    ]);
  });

  it('gives each person’s grades and approval rate in an evaluation', () => {
    const d = tallyEvaluation({
      scale: SATISFACTION_SCALE,
      electorate: { total: 6, present: 5 },
      ballots: { valid: 5, invalid: 0 },
      persons: [
        {
          id: 'z',
          name: '赵总',
          counts: { satisfied: 3, 'basically-satisfied': 1, unsatisfied: 1 },
        },
      ],
    });
    const w = resultWords(d);
    expect(w.passed).toBeNull();
    expect(w.headline).toBe('评议 1 人，有效票 5 张');
    expect(w.lines[0]).toMatch(/^赵总：满意 3 票，基本满意 1 票，不满意 1 票；认可率 80/);
  });

  it('says a void poll (more ballots returned than issued) is void and held again', () => {
    const w = resultWords(null);
    expect([w.headline, w.passed]).toEqual(['本次表决无效', false]);
    expect(w.lines).toEqual(['收回的选票多于发出的选票，表决无效，须重新表决。']);
  });
});
