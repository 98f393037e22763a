import { SCALES, type VoteSpec } from '../agenda/vote-spec.js';
import type { PollSpec } from '../common/ballot.js';
import {
  COMPETENCE_SCALE,
  type MajorityRule,
  SATISFACTION_SCALE,
  tallyElection,
  tallyEvaluation,
  tallyMotion,
} from '../common/tally.js';

/** What a tablet shows and encrypts: one question per motion or election, one per person evaluated. */
export function pollSpecFor(spec: VoteSpec): PollSpec {
  if (spec.type === 'motion')
    return { questions: [{ kind: 'motion', options: spec.options.length }] };
  if (spec.type === 'election') {
    return {
      questions: [{ kind: 'election', candidates: spec.candidates.length, maxMarks: spec.seats }],
    };
  }
  const grades = SCALES[spec.scale].length;
  return {
    questions: spec.persons.map(() => ({ kind: 'evaluation' as const, persons: 1, grades })),
  };
}

/** Labels for the tablet, question by question, entry by entry. */
export function pollLabels(spec: VoteSpec): { title: string; entries: string[] }[] {
  if (spec.type === 'motion') return [{ title: '表决', entries: spec.options }];
  if (spec.type === 'election')
    return [{ title: `应选 ${spec.seats} 名`, entries: spec.candidates.map((c) => c.name) }];
  return spec.persons.map((p) => ({ title: p.name, entries: [...SCALES[spec.scale]] }));
}

/** Every question must be a 0/1 vector of the right length with an allowed number of marks. */
export function checkOpenChoice(spec: PollSpec, choice: unknown): choice is number[][] {
  if (!Array.isArray(choice) || choice.length !== spec.questions.length) return false;
  return spec.questions.every((q, i) => {
    const v = choice[i] as unknown;
    const entries =
      q.kind === 'motion' ? (q.options ?? 3) : q.kind === 'election' ? q.candidates : q.grades;
    if (!Array.isArray(v) || v.length !== entries || !v.every((x) => x === 0 || x === 1))
      return false;
    const marks = v.reduce((a: number, b: number) => a + b, 0);
    return q.kind === 'election' ? marks <= q.maxMarks : marks === 1;
  });
}

export interface Electorate {
  total: number;
  present: number;
}

/**
 * The decision under the congress's rule (libs/tally), from counts per question and entry.
 * `valid` ballots were counted; `invalid` ones were cast but excluded.
 */
export function decide(
  spec: VoteSpec,
  counts: number[][],
  ballots: { valid: number; invalid: number },
  electorate: Electorate,
  rule: MajorityRule,
  title: string,
) {
  if (spec.type === 'motion') {
    const [f = 0, a = 0, ab = 0] = counts[0] ?? [];
    return tallyMotion({
      title,
      electorate,
      rule,
      counts: { for: f, against: a, abstain: ab, invalid: ballots.invalid },
    });
  }
  if (spec.type === 'election') {
    return tallyElection({
      title,
      seats: spec.seats,
      candidates: spec.candidates.map((c) => ({ id: c.id, name: c.name })),
      electorate,
      rule,
      ballots,
      votes: Object.fromEntries(spec.candidates.map((c, i) => [c.id, counts[0]?.[i] ?? 0])),
    });
  }
  const scale = spec.scale === 'competence' ? COMPETENCE_SCALE : SATISFACTION_SCALE;
  return tallyEvaluation({
    title,
    scale,
    electorate,
    ballots,
    persons: spec.persons.map((p, q) => ({
      id: p.id,
      name: p.name,
      counts: Object.fromEntries(scale.grades.map((g, e) => [g.id, counts[q]?.[e] ?? 0])),
    })),
  });
}
