import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  COMPETENCE_SCALE,
  countEvaluationBallots,
  SATISFACTION_SCALE,
  tallyEvaluation,
  type EvaluationBallot,
  type EvaluationInput,
  type EvaluationScale,
} from './evaluation.js';

const competence = (excellent: number, competent: number, basic: number, incompetent: number) => ({
  excellent,
  competent,
  'basically-competent': basic,
  incompetent,
});

describe('evaluation: counts per grade and approval rate', () => {
  const r = tallyEvaluation({
    title: '2025 年度中层干部民主评议',
    scale: COMPETENCE_SCALE,
    electorate: { total: 100, present: 90 },
    ballots: { valid: 60, invalid: 2 },
    persons: [{ id: 'p1', name: '王五', counts: competence(30, 15, 5, 10) }],
  });
  const p = r.persons[0]!;

  it('reports every grade in scale order', () => {
    expect(p.grades.map((g) => [g.zh, g.count, g.approving, g.flagGrade])).toEqual([
      ['优秀', 30, true, false],
      ['称职', 15, true, false],
      ['基本称职', 5, true, false],
      ['不称职', 10, false, true],
    ]);
    expect(p.rated).toBe(60);
    expect(p.notRated).toBe(0);
  });

  it('approval = approving / valid ratings, exact plus rounded', () => {
    expect(p.approving).toBe(50);
    expect(p.approvalRate).toEqual({
      numerator: 50,
      denominator: 60,
      percent: 83.33,
      text: '83.33%',
    });
  });

  it('is not flagged with 10 of 60 不称职 (need 21)', () => {
    expect(p.flagGrade.flagged).toBe(false);
    expect(p.flagGrade.rule.required).toBe(21);
    expect(p.flagGrade.rule.id).toBe('flag:ratings:gt:1/3');
    expect(p.flagGrade.rule.text.zh).toBe(
      '“不称职”票超过有效评议票的三分之一（需 ≥ 21 票，有效评议票 60 张）',
    );
    expect(p.flags).toEqual([]);
    expect(r.flagged).toEqual([]);
  });

  it('reports the ballots and the electorate, as plain JSON', () => {
    expect(r.ballots).toEqual({ cast: 62, valid: 60, invalid: 2 });
    expect(r.electorate).toEqual({ total: 100, present: 90, absent: 10 });
    expect(p.summary.zh).toBe(
      '王五：优秀 30 票，称职 15 票，基本称职 5 票，不称职 10 票；认可率 83.33%（50/60）。',
    );
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('evaluation: flag threshold at exactly 1/3 and just above', () => {
  const run = (incompetent: number) =>
    tallyEvaluation({
      scale: COMPETENCE_SCALE,
      ballots: { valid: 60, invalid: 0 },
      persons: [{ id: 'p', counts: competence(20, 60 - 20 - incompetent, 0, incompetent) }],
    }).persons[0]!;

  it('exactly 1/3 (20 of 60) is not "more than 1/3"', () => {
    const p = run(20);
    expect(p.flagged).toBe(false);
    expect(p.approvalRate?.text).toBe('66.67%');
  });

  it('just above (21 of 60) is flagged', () => {
    const p = run(21);
    expect(p.flagged).toBe(true);
    expect(p.flags).toEqual(['flag-grade']);
    expect(p.summary.zh).toContain('标记：“不称职”票超过有效评议票的三分之一');
  });

  it('with "at least 1/3" configured, exactly 1/3 is flagged', () => {
    const p = tallyEvaluation({
      scale: COMPETENCE_SCALE,
      ballots: { valid: 60, invalid: 0 },
      persons: [{ id: 'p', counts: competence(20, 20, 0, 20) }],
      flagRule: { fraction: { numerator: 1, denominator: 3 }, comparison: '>=' },
    }).persons[0]!;
    expect(p.flagged).toBe(true);
    expect(p.flagGrade.rule.required).toBe(20);
  });

  it('a roster not divisible by 3: 10 of 31 is not flagged (need 11)', () => {
    const p = tallyEvaluation({
      scale: SATISFACTION_SCALE,
      ballots: { valid: 31, invalid: 0 },
      persons: [{ id: 'p', counts: { satisfied: 11, 'basically-satisfied': 10, unsatisfied: 10 } }],
    }).persons[0]!;
    expect(p.flagGrade.rule.required).toBe(11);
    expect(p.flagged).toBe(false);
  });
});

describe('evaluation: satisfaction scale (满意/基本满意/不满意)', () => {
  it('approval is 满意 + 基本满意 over valid ratings; unrated ballots are reported', () => {
    const r = tallyEvaluation({
      scale: SATISFACTION_SCALE,
      ballots: { valid: 50, invalid: 1 },
      persons: [
        { id: 'a', counts: { satisfied: 30, 'basically-satisfied': 12, unsatisfied: 6 } },
        { id: 'b', counts: { satisfied: 10, 'basically-satisfied': 15, unsatisfied: 25 } },
      ],
    });
    const [a, b] = r.persons;
    expect(a?.rated).toBe(48);
    expect(a?.notRated).toBe(2);
    expect(a?.approvalRate).toEqual({
      numerator: 42,
      denominator: 48,
      percent: 87.5,
      text: '87.50%',
    });
    expect(b?.flags).toEqual(['flag-grade']);
    expect(r.flagged).toEqual(['b']);
  });
});

describe('evaluation: custom scale and an approval threshold', () => {
  const scale: EvaluationScale = {
    id: 'four-level',
    grades: [
      { id: 'good', zh: '好', en: 'Good' },
      { id: 'fair', zh: '较好', en: 'Fair' },
      { id: 'average', zh: '一般', en: 'Average' },
      { id: 'poor', zh: '差', en: 'Poor' },
    ],
    approving: ['good', 'fair'],
    flagGrade: 'poor',
  };

  it('flags low approval when approving ratings are below 2/3', () => {
    const r = tallyEvaluation({
      scale,
      ballots: { valid: 30, invalid: 0 },
      persons: [
        { id: 'x', counts: { good: 10, fair: 10, average: 10, poor: 0 } }, // 20/30 = 2/3: met
        { id: 'y', counts: { good: 10, fair: 9, average: 11, poor: 0 } }, // 19/30: not met
      ],
      approvalRule: { fraction: { numerator: 2, denominator: 3 }, comparison: '>=' },
      percentDecimals: 1,
    });
    const [x, y] = r.persons;
    expect(x?.approval).toMatchObject({
      met: true,
      rule: { required: 20, id: 'approval:ratings:gte:2/3' },
    });
    expect(x?.approval?.rule.text.zh).toBe(
      '好、较好票不少于有效评议票的三分之二（需 ≥ 20 票，有效评议票 30 张）',
    );
    expect(y?.flags).toEqual(['low-approval']);
    expect(y?.approvalRate?.text).toBe('63.3%');
    expect(r.flagged).toEqual(['y']);
    expect(r.approvalRule).toEqual({
      fraction: { numerator: 2, denominator: 3 },
      comparison: '>=',
    });
  });

  it('a person nobody rated is flagged `no-ratings` with no rate', () => {
    const p = tallyEvaluation({
      scale,
      ballots: { valid: 5, invalid: 0 },
      persons: [{ id: 'z', counts: { good: 0, fair: 0, average: 0, poor: 0 } }],
    }).persons[0]!;
    expect(p.approvalRate).toBeNull();
    expect(p.flags).toEqual(['no-ratings']);
    expect(p.flagGrade.flagged).toBe(false);
  });
});

describe('evaluation: invalid input', () => {
  const base: EvaluationInput = {
    scale: SATISFACTION_SCALE,
    ballots: { valid: 10, invalid: 0 },
    persons: [{ id: 'a', counts: { satisfied: 5, 'basically-satisfied': 3, unsatisfied: 2 } }],
  };

  it.each<[string, Partial<EvaluationInput>, string]>([
    [
      'an unknown grade',
      {
        persons: [
          { id: 'a', counts: { satisfied: 5, 'basically-satisfied': 3, unsatisfied: 2, great: 1 } },
        ],
      },
      'UNKNOWN_GRADE',
    ],
    [
      'a missing grade',
      { persons: [{ id: 'a', counts: { satisfied: 5, unsatisfied: 2 } }] },
      'MISSING_COUNT',
    ],
    [
      'more ratings than valid ballots',
      {
        persons: [{ id: 'a', counts: { satisfied: 9, 'basically-satisfied': 3, unsatisfied: 2 } }],
      },
      'COUNTS_EXCEED_BALLOTS',
    ],
    [
      'a negative count',
      {
        persons: [{ id: 'a', counts: { satisfied: -1, 'basically-satisfied': 3, unsatisfied: 2 } }],
      },
      'NEGATIVE_COUNT',
    ],
    [
      'more ballots than present',
      { electorate: { total: 20, present: 9 } },
      'COUNTS_EXCEED_VOTERS',
    ],
    ['no persons', { persons: [] }, 'EMPTY_LIST'],
    ['duplicate persons', { persons: [base.persons[0]!, base.persons[0]!] }, 'DUPLICATE_ID'],
    [
      'a flag grade not on the scale',
      { scale: { ...SATISFACTION_SCALE, flagGrade: 'bad' } },
      'INVALID_SCALE',
    ],
    [
      'an approving grade not on the scale',
      { scale: { ...SATISFACTION_SCALE, approving: ['good'] } },
      'INVALID_SCALE',
    ],
    [
      'a one-grade scale',
      {
        scale: {
          id: 's',
          grades: [{ id: 'ok', zh: '好', en: 'OK' }],
          approving: ['ok'],
          flagGrade: 'ok',
        },
      },
      'INVALID_SCALE',
    ],
    [
      'a bad flag rule',
      { flagRule: { fraction: { numerator: 4, denominator: 3 }, comparison: '>' } },
      'INVALID_FRACTION',
    ],
  ])('%s', (_label, change, code) => {
    expect(() => tallyEvaluation({ ...base, ...change })).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe('evaluation: plaintext ballots', () => {
  it('counts grades per person; missing or null is not rated; a null ballot is invalid', () => {
    const ballots: EvaluationBallot[] = [
      { a: 'satisfied', b: 'unsatisfied' },
      { a: 'basically-satisfied' },
      { a: 'satisfied', b: null },
      null,
    ];
    const counted = countEvaluationBallots(SATISFACTION_SCALE, ['a', 'b'], ballots);
    expect(counted).toEqual({
      ballots: { valid: 3, invalid: 1 },
      persons: [
        { id: 'a', counts: { satisfied: 2, 'basically-satisfied': 1, unsatisfied: 0 } },
        { id: 'b', counts: { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 1 } },
      ],
    });
    const r = tallyEvaluation({ scale: SATISFACTION_SCALE, ...counted });
    expect(r.persons[1]?.notRated).toBe(2);
    expect(r.persons[1]?.flags).toEqual(['flag-grade']);
  });

  it('rejects unknown persons and grades', () => {
    expect(() => countEvaluationBallots(SATISFACTION_SCALE, ['a'], [{ z: 'satisfied' }])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ID' }),
    );
    expect(() => countEvaluationBallots(SATISFACTION_SCALE, ['a'], [{ a: 'great' }])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_GRADE' }),
    );
  });

  it('counts add up and the default flag is exactly 3 × 不称职 > rated', () => {
    const grade = fc.constantFrom(
      'excellent',
      'competent',
      'basically-competent',
      'incompetent',
      null,
    );
    const ballot = fc.option(fc.record({ p: grade, q: grade }), { nil: null, freq: 8 });
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 120 }), (ballots) => {
        const counted = countEvaluationBallots(COMPETENCE_SCALE, ['p', 'q'], ballots);
        expect(counted.ballots.valid + counted.ballots.invalid).toBe(ballots.length);
        const r = tallyEvaluation({ scale: COMPETENCE_SCALE, ...counted });
        for (const p of r.persons) {
          const sum = p.grades.reduce((s, g) => s + g.count, 0);
          expect(sum).toBe(p.rated);
          expect(p.rated + p.notRated).toBe(counted.ballots.valid);
          expect(p.approving + p.flagGrade.count).toBe(p.rated);
          expect(p.flagGrade.flagged).toBe(p.rated > 0 && p.flagGrade.count * 3 > p.rated);
          if (p.approvalRate)
            expect(p.approvalRate.percent).toBeCloseTo((100 * p.approving) / p.rated, 2);
        }
      }),
    );
  });
});
