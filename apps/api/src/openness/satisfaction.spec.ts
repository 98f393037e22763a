import { describe, expect, it } from '@jest/globals';
import type { PollResult } from '../common/contracts.js';
import { SATISFACTION_SCALE, tallyEvaluation } from '../common/tally.js';
import { ineligible, satisfactionFigures, type PollFacts } from './satisfaction.js';

const result = (counts: Record<string, number>, valid: number, invalid = 0): PollResult =>
  ({
    decision: tallyEvaluation({
      scale: SATISFACTION_SCALE,
      ballots: { valid, invalid },
      persons: [{ id: 'p1', name: '本年度厂务公开工作', counts }],
    }),
    void: false,
    issued: valid + invalid,
    returned: valid + invalid,
    counts: [],
    ballots: { cast: valid + invalid, counted: valid + invalid, excluded: 0 },
    exclusions: [],
  }) as unknown as PollResult;

const facts = (over: Partial<PollFacts> = {}): PollFacts => ({
  secret: true,
  voteSpec: {
    type: 'evaluation',
    scale: 'satisfaction',
    persons: [{ id: 'p1', name: '本年度厂务公开工作' }],
  },
  result: result({ satisfied: 6, 'basically-satisfied': 2, unsatisfied: 1 }, 10),
  held: false,
  ...over,
});

describe('满意度测评 of 厂务公开 work (docs/openness.md "The yearly satisfaction rating")', () => {
  it('counts 满意 + 基本满意 over VALID ballots, a ballot that left the work unrated included', () => {
    // 10 valid ballots: 6 满意, 2 基本满意, 1 不满意, 1 left unrated; 1 invalid is not counted.
    const f = satisfactionFigures(
      result({ satisfied: 6, 'basically-satisfied': 2, unsatisfied: 1 }, 10, 1),
    );
    expect(f).toEqual({
      satisfied: 6,
      basicallySatisfied: 2,
      unsatisfied: 1,
      notRated: 1,
      valid: 10,
      invalid: 1,
      percent: 80,
    });
    expect(
      satisfactionFigures(result({ satisfied: 2, 'basically-satisfied': 0, unsatisfied: 1 }, 3))
        .percent,
    ).toBe(66.7);
    expect(
      satisfactionFigures(result({ satisfied: 0, 'basically-satisfied': 0, unsatisfied: 0 }, 0))
        .percent,
    ).toBeNull();
  });

  it('takes only a secret, counted, released evaluation of one subject on the satisfaction scale', () => {
    expect(ineligible(facts())).toBeNull();
    expect(ineligible(facts({ secret: false }))).toContain('无记名');
    expect(ineligible(facts({ held: true }))).toContain('尚未宣布');
    expect(ineligible(facts({ result: null }))).toContain('尚未计票');
    expect(ineligible(facts({ result: { ...facts().result!, void: true } }))).toContain('无效');
    expect(
      ineligible(
        facts({
          voteSpec: { type: 'evaluation', scale: 'competence', persons: [{ id: 'p', name: 'x' }] },
        }),
      ),
    ).toContain('满意/基本满意/不满意');
    expect(
      ineligible(
        facts({
          voteSpec: {
            type: 'evaluation',
            scale: 'satisfaction',
            persons: [
              { id: 'a', name: '甲' },
              { id: 'b', name: '乙' },
            ],
          },
        }),
      ),
    ).toContain('一个评议对象');
    expect(ineligible(facts({ voteSpec: { type: 'motion', options: ['赞成'] } }))).toContain(
      '满意',
    );
  });
});
