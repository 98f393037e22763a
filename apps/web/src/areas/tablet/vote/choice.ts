import type { QuestionShape } from '@libs/ballot/src/index.js';

/**
 * What the delegate has tapped, question by question: the indices of the marked entries. Pure,
 * so that the rule "one tap per choice" is the same on the screen and in its spec.
 */
export type Marks = number[][];

export const emptyMarks = (questions: readonly QuestionShape[]): Marks => questions.map(() => []);

/**
 * A tap on entry `e` of question `q`. A question with one mark (表决, 评议) takes the tapped entry
 * in place of the previous one; an election toggles the candidate and refuses a mark beyond
 * the seats (returns the marks unchanged and `full: true` to say why).
 */
export function tap(
  marks: Marks,
  questions: readonly QuestionShape[],
  q: number,
  e: number,
): { marks: Marks; full: boolean } {
  const shape = questions[q];
  if (!shape || e < 0 || e >= shape.entries) return { marks, full: false };
  const current = marks[q] ?? [];
  let next: number[];
  if (shape.maxMarks === 1 && shape.minMarks === 1) next = [e];
  else if (current.includes(e)) next = current.filter((x) => x !== e);
  else if (current.length >= shape.maxMarks) return { marks, full: true };
  else next = [...current, e].sort((a, b) => a - b);
  return { marks: marks.map((m, i) => (i === q ? next : m)), full: false };
}

/** Whether question `q` may be left as it is (enough marks; a blank election ballot is valid). */
export const answered = (marks: Marks, questions: readonly QuestionShape[], q: number): boolean =>
  (marks[q]?.length ?? 0) >= (questions[q]?.minMarks ?? 0);

/** The 0/1 vectors libs/ballot encrypts. */
export function toChoices(marks: Marks, questions: readonly QuestionShape[]): number[][] {
  return questions.map((shape, q) => {
    const v = new Array<number>(shape.entries).fill(0);
    for (const e of marks[q] ?? []) v[e] = 1;
    return v;
  });
}
