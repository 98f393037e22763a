/**
 * Democratic evaluation (民主评议): each ballot gives every person evaluated one grade on a
 * scale. Reported per person: counts per grade, the approval rate (approving grades / valid
 * ratings, exact and rounded) and flags (default: more than 1/3 of the ratings in the flag
 * grade, e.g. 不称职).
 */
import { TallyError } from './errors.js';
import { assertThreshold, roundedPercent } from './fraction.js';
import { applyRule, ONE_THIRD } from './rules.js';
import type {
  AppliedRule,
  Electorate,
  ElectorateReport,
  LocalizedText,
  Threshold,
} from './types.js';
import {
  assertBallotsWithinPresent,
  assertCount,
  assertElectorate,
  normaliseNamed,
  ownValue,
} from './validate.js';
import { comparisonText, fractionZh } from './wording.js';

export interface Grade {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

export interface EvaluationScale {
  readonly id: string;
  /** Best first. */
  readonly grades: readonly Grade[];
  /** Grade ids that count as approval. */
  readonly approving: readonly string[];
  /** The grade whose share flags a person (不满意, 不称职). */
  readonly flagGrade: string;
}

/** 满意 / 基本满意 / 不满意; approval = 满意 + 基本满意 [P]. */
export const SATISFACTION_SCALE: EvaluationScale = Object.freeze({
  id: 'satisfaction',
  grades: Object.freeze([
    Object.freeze({ id: 'satisfied', zh: '满意', en: 'Satisfied' }),
    Object.freeze({ id: 'basically-satisfied', zh: '基本满意', en: 'Basically satisfied' }),
    Object.freeze({ id: 'unsatisfied', zh: '不满意', en: 'Unsatisfied' }),
  ]),
  approving: Object.freeze(['satisfied', 'basically-satisfied']),
  flagGrade: 'unsatisfied',
});

/** 优秀 / 称职 / 基本称职 / 不称职; approval = all but 不称职 [P] (change `approving` to narrow it). */
export const COMPETENCE_SCALE: EvaluationScale = Object.freeze({
  id: 'competence',
  grades: Object.freeze([
    Object.freeze({ id: 'excellent', zh: '优秀', en: 'Excellent' }),
    Object.freeze({ id: 'competent', zh: '称职', en: 'Competent' }),
    Object.freeze({ id: 'basically-competent', zh: '基本称职', en: 'Basically competent' }),
    Object.freeze({ id: 'incompetent', zh: '不称职', en: 'Incompetent' }),
  ]),
  approving: Object.freeze(['excellent', 'competent', 'basically-competent']),
  flagGrade: 'incompetent',
});

/** More than 1/3 of the ratings in the flag grade. */
export const DEFAULT_FLAG_RULE: Threshold = Object.freeze({ fraction: ONE_THIRD, comparison: '>' });

export interface EvaluationPersonInput {
  readonly id: string;
  readonly name?: string;
  /** Count per grade id; every grade of the scale must be given. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface EvaluationInput {
  readonly id?: string;
  readonly title?: string;
  readonly scale: EvaluationScale;
  /** Ballots returned: valid and invalid (an invalid ballot rates nobody). */
  readonly ballots: { readonly valid: number; readonly invalid: number };
  readonly persons: readonly EvaluationPersonInput[];
  /** When given, valid + invalid must not exceed present. */
  readonly electorate?: Electorate;
  /** Flag when the flag grade's share meets this; default more than 1/3. */
  readonly flagRule?: Threshold;
  /** Optional: flag `low-approval` when the approving share does NOT meet this. */
  readonly approvalRule?: Threshold;
  /** Decimals of the displayed percentage, default 2. */
  readonly percentDecimals?: number;
}

export interface GradeCount {
  readonly grade: string;
  readonly zh: string;
  readonly en: string;
  readonly count: number;
  readonly approving: boolean;
  readonly flagGrade: boolean;
}

/** approving / rated, unreduced, plus a rounded (half up) percentage for display. */
export interface ApprovalRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number;
  readonly text: string;
}

export type EvaluationFlag = 'flag-grade' | 'low-approval' | 'no-ratings';

export interface PersonEvaluation {
  readonly id: string;
  readonly name?: string;
  /** In scale order. */
  readonly grades: readonly GradeCount[];
  /** Valid ratings of this person (sum of the grade counts). */
  readonly rated: number;
  /** Valid ballots that left this person unrated. */
  readonly notRated: number;
  readonly approving: number;
  /** Null when nobody rated the person. */
  readonly approvalRate: ApprovalRate | null;
  readonly flagGrade: {
    readonly grade: string;
    readonly count: number;
    readonly rule: AppliedRule;
    readonly flagged: boolean;
  };
  readonly approval: { readonly rule: AppliedRule; readonly met: boolean } | null;
  readonly flags: readonly EvaluationFlag[];
  readonly flagged: boolean;
  readonly summary: LocalizedText;
}

export interface EvaluationResult {
  readonly kind: 'evaluation';
  readonly id?: string;
  readonly title?: string;
  readonly scale: EvaluationScale;
  readonly electorate: ElectorateReport | null;
  readonly ballots: { readonly cast: number; readonly valid: number; readonly invalid: number };
  readonly flagRule: Threshold;
  readonly approvalRule: Threshold | null;
  readonly persons: readonly PersonEvaluation[];
  /** Ids of the persons with any flag, in input order. */
  readonly flagged: readonly string[];
}

export function assertScale(scale: EvaluationScale): void {
  if (scale === null || typeof scale !== 'object' || !Array.isArray(scale.grades)) {
    throw new TallyError('INVALID_SCALE', 'scale must be { id, grades, approving, flagGrade }', {});
  }
  if (scale.grades.length < 2) {
    throw new TallyError('INVALID_SCALE', 'a scale needs at least two grades', { scale: scale.id });
  }
  const ids = new Set<string>();
  for (const g of scale.grades) {
    if (g === null || typeof g !== 'object' || typeof g.id !== 'string' || g.id === '') {
      throw new TallyError('INVALID_SCALE', 'every grade needs a non-empty id', {
        scale: scale.id,
      });
    }
    if (ids.has(g.id)) {
      throw new TallyError('INVALID_SCALE', `grade "${g.id}" appears twice`, {
        scale: scale.id,
        grade: g.id,
      });
    }
    ids.add(g.id);
  }
  if (!Array.isArray(scale.approving) || !scale.approving.every((a) => ids.has(a))) {
    throw new TallyError('INVALID_SCALE', 'approving grades must be grades of the scale', {
      scale: scale.id,
    });
  }
  if (new Set(scale.approving).size !== scale.approving.length) {
    throw new TallyError('INVALID_SCALE', 'approving lists a grade twice', { scale: scale.id });
  }
  if (!ids.has(scale.flagGrade)) {
    throw new TallyError(
      'INVALID_SCALE',
      `flag grade "${String(scale.flagGrade)}" is not on the scale`,
      {
        scale: scale.id,
      },
    );
  }
}

function copyScale(scale: EvaluationScale): EvaluationScale {
  return {
    id: scale.id,
    grades: scale.grades.map((g) => ({ id: g.id, zh: g.zh, en: g.en })),
    approving: [...scale.approving],
    flagGrade: scale.flagGrade,
  };
}

function copyThreshold(t: Threshold): Threshold {
  return {
    fraction: { numerator: t.fraction.numerator, denominator: t.fraction.denominator },
    comparison: t.comparison,
  };
}

export function tallyEvaluation(input: EvaluationInput): EvaluationResult {
  const { scale } = input;
  assertScale(scale);
  const flagRule = input.flagRule ?? DEFAULT_FLAG_RULE;
  assertThreshold(flagRule, 'flagRule');
  const approvalRule = input.approvalRule ?? null;
  if (approvalRule !== null) assertThreshold(approvalRule, 'approvalRule');
  const decimals = input.percentDecimals ?? 2;
  const { valid, invalid } = input.ballots ?? ({} as EvaluationInput['ballots']);
  assertCount('ballots.valid', valid);
  assertCount('ballots.invalid', invalid);
  const cast = valid + invalid;
  let electorate: ElectorateReport | null = null;
  if (input.electorate !== undefined) {
    assertElectorate(input.electorate);
    assertBallotsWithinPresent(cast, input.electorate);
    const { total, present } = input.electorate;
    electorate = { total, present, absent: total - present };
  }
  const refs = normaliseNamed('persons', input.persons ?? []);
  const approvingSet = new Set(scale.approving);
  const gradeIds = new Set(scale.grades.map((g) => g.id));
  const flagGradeDef = scale.grades.find((g) => g.id === scale.flagGrade) as Grade;
  const approvingLabel: LocalizedText = {
    zh:
      scale.grades
        .filter((g) => approvingSet.has(g.id))
        .map((g) => g.zh)
        .join('、') + '票',
    en: 'Approving ratings',
  };

  const persons: PersonEvaluation[] = input.persons.map((person, index) => {
    const ref = refs[index] as { id: string; name?: string };
    const counts = person.counts ?? {};
    for (const key of Object.keys(counts)) {
      if (!gradeIds.has(key)) {
        throw new TallyError(
          'UNKNOWN_GRADE',
          `person "${ref.id}" has a count for "${key}", not a grade of the scale`,
          {
            person: ref.id,
            grade: key,
          },
        );
      }
    }
    const grades: GradeCount[] = scale.grades.map((g) => {
      const count = ownValue(counts, g.id);
      if (count === undefined) {
        throw new TallyError(
          'MISSING_COUNT',
          `person "${ref.id}" has no count for grade "${g.id}"`,
          {
            person: ref.id,
            grade: g.id,
          },
        );
      }
      assertCount(`persons.${ref.id}.${g.id}`, count);
      return {
        grade: g.id,
        zh: g.zh,
        en: g.en,
        count,
        approving: approvingSet.has(g.id),
        flagGrade: g.id === scale.flagGrade,
      };
    });
    const rated = grades.reduce((sum, g) => sum + g.count, 0);
    if (rated > valid) {
      throw new TallyError(
        'COUNTS_EXCEED_BALLOTS',
        `person "${ref.id}" has ${rated} ratings but there are only ${valid} valid ballots`,
        { person: ref.id, rated, valid },
      );
    }
    const approving = grades.filter((g) => g.approving).reduce((sum, g) => sum + g.count, 0);
    const flagCount = grades.find((g) => g.flagGrade)?.count ?? 0;
    const approvalRate: ApprovalRate | null =
      rated === 0
        ? null
        : {
            numerator: approving,
            denominator: rated,
            ...pick(roundedPercent(approving, rated, decimals)),
          };

    const flagApplied = applyRule({
      kind: 'flag',
      base: 'ratings',
      threshold: flagRule,
      baseSize: rated,
      subject: { zh: `“${flagGradeDef.zh}”票`, en: `"${flagGradeDef.en}" ratings` },
      unit: { zh: '票', en: 'ratings' },
    });
    const flaggedByGrade = flagCount >= flagApplied.required;
    let approval: PersonEvaluation['approval'] = null;
    if (approvalRule !== null) {
      const applied = applyRule({
        kind: 'approval',
        base: 'ratings',
        threshold: approvalRule,
        baseSize: rated,
        subject: approvingLabel,
        unit: { zh: '票', en: 'ratings' },
      });
      approval = { rule: applied, met: approving >= applied.required };
    }
    const flags: EvaluationFlag[] = [];
    if (rated === 0) {
      flags.push('no-ratings');
    } else {
      if (flaggedByGrade) flags.push('flag-grade');
      if (approval !== null && !approval.met) flags.push('low-approval');
    }
    const gradesZh = grades.map((g) => `${g.zh} ${g.count} 票`).join('，');
    const gradesEn = grades.map((g) => `${g.en} ${g.count}`).join(', ');
    const rateZh =
      approvalRate === null
        ? '无有效评议票'
        : `认可率 ${approvalRate.text}（${approving}/${rated}）`;
    const rateEn =
      approvalRate === null
        ? 'no valid ratings'
        : `approval ${approvalRate.text} (${approving}/${rated})`;
    return {
      id: ref.id,
      ...(ref.name === undefined ? {} : { name: ref.name }),
      grades,
      rated,
      notRated: valid - rated,
      approving,
      approvalRate,
      flagGrade: {
        grade: scale.flagGrade,
        count: flagCount,
        rule: flagApplied,
        flagged: flaggedByGrade,
      },
      approval,
      flags,
      flagged: flags.length > 0,
      summary: {
        zh: `${ref.name ?? ref.id}：${gradesZh}；${rateZh}${flags.length > 0 ? `；标记：${flags.map((f) => flagZh(f, flagGradeDef, flagRule, approvalRule)).join('、')}` : ''}。`,
        en: `${ref.name ?? ref.id}: ${gradesEn}; ${rateEn}${flags.length > 0 ? `; flagged: ${flags.join(', ')}` : ''}.`,
      },
    };
  });

  return {
    kind: 'evaluation',
    ...(input.id === undefined ? {} : { id: input.id }),
    ...(input.title === undefined ? {} : { title: input.title }),
    scale: copyScale(scale),
    electorate,
    ballots: { cast, valid, invalid },
    flagRule: copyThreshold(flagRule),
    approvalRule: approvalRule === null ? null : copyThreshold(approvalRule),
    persons,
    flagged: persons.filter((p) => p.flagged).map((p) => p.id),
  };
}

function pick(p: { readonly value: number; readonly text: string }): {
  percent: number;
  text: string;
} {
  return { percent: p.value, text: p.text };
}

function flagZh(
  flag: EvaluationFlag,
  grade: Grade,
  flagRule: Threshold,
  approvalRule: Threshold | null,
): string {
  switch (flag) {
    case 'flag-grade':
      return `“${grade.zh}”票${comparisonText(flagRule.comparison).zh}有效评议票的${fractionZh(flagRule.fraction)}`;
    case 'low-approval':
      return approvalRule === null
        ? '认可率未达标'
        : `认可票未达到（${comparisonText(approvalRule.comparison).zh}）有效评议票的${fractionZh(approvalRule.fraction)}`;
    case 'no-ratings':
      return '无有效评议票';
  }
}

/** One plaintext evaluation ballot: grade id per person id (missing or null: not rated); null: invalid ballot. */
export type EvaluationBallot = Readonly<Record<string, string | null>> | null;

export interface CountedEvaluationBallots {
  readonly ballots: { readonly valid: number; readonly invalid: number };
  readonly persons: readonly { readonly id: string; readonly counts: Record<string, number> }[];
}

/** Aggregates plaintext evaluation ballots into the input of `tallyEvaluation`. */
export function countEvaluationBallots(
  scale: EvaluationScale,
  personIds: readonly string[],
  ballots: readonly EvaluationBallot[],
): CountedEvaluationBallots {
  assertScale(scale);
  const ids = normaliseNamed('persons', personIds).map((p) => p.id);
  const known = new Set(ids);
  const gradeIds = new Set(scale.grades.map((g) => g.id));
  const counts = new Map<string, Record<string, number>>(
    ids.map((id) => [id, Object.fromEntries(scale.grades.map((g) => [g.id, 0]))]),
  );
  let valid = 0;
  let invalid = 0;
  ballots.forEach((ballot, index) => {
    if (ballot === null) {
      invalid += 1;
      return;
    }
    for (const [person, grade] of Object.entries(ballot)) {
      if (!known.has(person)) {
        throw new TallyError(
          'UNKNOWN_ID',
          `ballot ${index} rates "${person}", not a person evaluated`,
          {
            index,
            person,
          },
        );
      }
      if (grade === null || grade === undefined) continue;
      if (!gradeIds.has(grade)) {
        throw new TallyError(
          'UNKNOWN_GRADE',
          `ballot ${index} gives "${String(grade)}", not a grade of the scale`,
          {
            index,
            grade: String(grade),
          },
        );
      }
      const personCounts = counts.get(person) as Record<string, number>;
      personCounts[grade] = (personCounts[grade] ?? 0) + 1;
    }
    valid += 1;
  });
  return {
    ballots: { valid, invalid },
    persons: ids.map((id) => ({ id, counts: counts.get(id) as Record<string, number> })),
  };
}
