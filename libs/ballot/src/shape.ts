/**
 * The ballot shape: from a poll description to the list of encrypted questions, each a vector of
 * 0/1 entries whose sum must lie in [minMarks, maxMarks].
 *
 * - motion (动议/议案): `options` entries (default 3: for / against / abstain), exactly one marked.
 * - election (选举): one entry per candidate, between `minMarks` (default 0: blank is valid) and
 *   `maxMarks` (the number of seats) marked.
 * - evaluation (民主评议): one question per person evaluated, `grades` entries each, exactly one
 *   grade marked (no blank: a poll that wants abstention adds it as a grade).
 * Several items in one poll (分项表决) are several questions on one ballot.
 */
import { BallotError } from './errors.js';
import type { ByteWriter } from './encoding.js';

export type QuestionSpec =
  | { kind: 'motion'; options?: number }
  | { kind: 'election'; candidates: number; maxMarks: number; minMarks?: number }
  | { kind: 'evaluation'; persons: number; grades: number };

export interface PollSpec {
  questions: readonly QuestionSpec[];
}

export type QuestionKind = QuestionSpec['kind'];

export interface QuestionShape {
  kind: QuestionKind;
  /** Number of 0/1 entries (options, candidates or grades). */
  entries: number;
  minMarks: number;
  maxMarks: number;
  /** Index of the item in PollSpec.questions this question comes from. */
  item: number;
  /** For an evaluation: which person (0-based) this question rates. */
  person?: number;
}

export interface BallotShape {
  questions: QuestionShape[];
}

export const LIMITS = {
  /** Entries in one question. */
  entries: 256,
  /** Questions on one ballot (after expanding evaluations to one per person). */
  questions: 1000,
  /** Entries on one ballot, over all questions. */
  totalEntries: 4096,
  /** Allowed sums per question (maxMarks − minMarks + 1): the size of the sum proof. */
  sumBranches: 64,
} as const;

export const KIND_CODE: Record<QuestionKind, number> = { motion: 1, election: 2, evaluation: 3 };

function int(v: unknown, lo: number, hi: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
    throw new BallotError('BAD_SHAPE', `${what} must be an integer in ${lo}..${hi}`);
  return v;
}

/** The ballot shape of a poll description; throws BAD_SHAPE on sizes out of range. */
export function ballotShape(poll: PollSpec): BallotShape {
  if (!poll || !Array.isArray(poll.questions) || poll.questions.length === 0)
    throw new BallotError('BAD_SHAPE', 'a poll needs at least one question');
  const questions: QuestionShape[] = [];
  poll.questions.forEach((q, item) => {
    switch (q?.kind) {
      case 'motion': {
        const n = int(q.options ?? 3, 2, LIMITS.entries, `questions[${item}].options`);
        questions.push({ kind: 'motion', entries: n, minMarks: 1, maxMarks: 1, item });
        break;
      }
      case 'election': {
        const n = int(q.candidates, 1, LIMITS.entries, `questions[${item}].candidates`);
        const max = int(q.maxMarks, 1, n, `questions[${item}].maxMarks`);
        const min = int(q.minMarks ?? 0, 0, max, `questions[${item}].minMarks`);
        questions.push({ kind: 'election', entries: n, minMarks: min, maxMarks: max, item });
        break;
      }
      case 'evaluation': {
        const p = int(q.persons, 1, LIMITS.questions, `questions[${item}].persons`);
        const g = int(q.grades, 2, LIMITS.entries, `questions[${item}].grades`);
        for (let person = 0; person < p; person++)
          questions.push({
            kind: 'evaluation',
            entries: g,
            minMarks: 1,
            maxMarks: 1,
            item,
            person,
          });
        break;
      }
      default:
        throw new BallotError(
          'BAD_SHAPE',
          `questions[${item}].kind must be motion, election or evaluation`,
        );
    }
  });
  return checkShape({ questions });
}

/** Validates a BallotShape (e.g. one read back from JSON) against LIMITS; returns it. */
export function checkShape(shape: BallotShape): BallotShape {
  if (!shape || !Array.isArray(shape.questions))
    throw new BallotError('BAD_SHAPE', 'shape.questions must be an array');
  int(shape.questions.length, 1, LIMITS.questions, 'number of questions');
  let total = 0;
  shape.questions.forEach((q, i) => {
    if (!q || !(q.kind in KIND_CODE))
      throw new BallotError('BAD_SHAPE', `questions[${i}].kind is unknown`);
    int(q.entries, 1, LIMITS.entries, `questions[${i}].entries`);
    int(q.maxMarks, 0, q.entries, `questions[${i}].maxMarks`);
    int(q.minMarks, 0, q.maxMarks, `questions[${i}].minMarks`);
    int(
      q.maxMarks - q.minMarks + 1,
      1,
      LIMITS.sumBranches,
      `questions[${i}] number of allowed sums`,
    );
    total += q.entries;
  });
  int(total, 1, LIMITS.totalEntries, 'total number of entries');
  return shape;
}

/** `shapeBytes` of the spec: u32(n) ‖ per question u8(kind) ‖ u32(entries) ‖ u32(min) ‖ u32(max). */
export function writeShape(w: ByteWriter, shape: BallotShape): ByteWriter {
  w.u32(shape.questions.length);
  for (const q of shape.questions)
    w.u8(KIND_CODE[q.kind]).u32(q.entries).u32(q.minMarks).u32(q.maxMarks);
  return w;
}

/** The allowed values of a question's sum: minMarks, …, maxMarks. */
export function allowedSums(q: QuestionShape): number[] {
  const out: number[] = [];
  for (let v = q.minMarks; v <= q.maxMarks; v++) out.push(v);
  return out;
}
