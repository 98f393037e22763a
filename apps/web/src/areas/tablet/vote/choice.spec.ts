import { describe, expect, it } from '@jest/globals';
import { ballotShape } from '../../../../../../libs/ballot/src/index.js';
import { answered, emptyMarks, tap, toChoices } from './choice.js';

const { questions } = ballotShape({
  questions: [{ kind: 'motion' }, { kind: 'election', candidates: 4, maxMarks: 2 }],
});

describe('tapping a choice', () => {
  it('takes one option of a motion, a second tap moving the mark', () => {
    let m = emptyMarks(questions);
    expect(answered(m, questions, 0)).toBe(false);
    m = tap(m, questions, 0, 1).marks;
    m = tap(m, questions, 0, 2).marks;
    expect(m[0]).toEqual([2]);
    expect(answered(m, questions, 0)).toBe(true);
  });

  it('toggles candidates up to the seats, and says when full', () => {
    let m = emptyMarks(questions);
    expect(answered(m, questions, 1)).toBe(true); // a blank election ballot is valid
    m = tap(m, questions, 1, 3).marks;
    m = tap(m, questions, 1, 0).marks;
    const over = tap(m, questions, 1, 2);
    expect(over).toEqual({ marks: m, full: true });
    m = tap(m, questions, 1, 3).marks;
    expect(m[1]).toEqual([0]);
  });

  it('gives the 0/1 vectors to encrypt', () => {
    let m = emptyMarks(questions);
    m = tap(m, questions, 0, 0).marks;
    m = tap(m, questions, 1, 2).marks;
    expect(toChoices(m, questions)).toEqual([
      [1, 0, 0],
      [0, 0, 1, 0],
    ]);
  });
});
