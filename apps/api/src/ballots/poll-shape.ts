import type { VoteSpec } from '../agenda/vote-spec.js';
import {
  type BallotShape,
  ballotShape,
  checkChoices,
  isBallotError,
  pollLabels,
  type PollSpec,
  pollSpecOf,
  type RecordPoll,
  type VoteDescription,
} from '../common/ballot.js';
import { type MajorityRule, majorityRule } from '../common/tally.js';
import type { PressRule } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';

/** A motion's options are 赞成 / 反对 / 弃权 in this order (MOTION_OPTIONS), whatever their labels. */
const MEANINGS = ['for', 'against', 'abstain'] as const;

/** What is put to the vote, with the labels the tablets show (libs/ballot `VoteDescription`). */
export function voteOf(spec: VoteSpec): VoteDescription {
  if (spec.type === 'motion')
    return {
      type: 'motion',
      options: spec.options.map((label, i) => ({ label, meaning: MEANINGS[i]! })),
    };
  if (spec.type === 'election')
    return {
      type: 'election',
      seats: spec.seats,
      candidates: spec.candidates.map((c) => ({ id: c.id, name: c.name })),
    };
  return {
    type: 'evaluation',
    scale: spec.scale,
    persons: spec.persons.map((p) => ({ id: p.id, name: p.name })),
  };
}

/**
 * The poll as its record states it, fixed at opening and bound into the board's h_0: labels and
 * their meaning (which index is 赞成), the congress's majority rule, and whether the first ballot
 * counts (`recast: 'once'`) or the last (`'last-counts'`: older ballots are SUPERSEDED).
 */
export function recordPollFor(
  poll: { id: string; title: string; voteSpec: VoteSpec },
  rule: MajorityRule,
  pressRule: PressRule = 'first',
): RecordPoll {
  return {
    pollId: poll.id,
    title: poll.title,
    vote: voteOf(poll.voteSpec),
    recast: pressRule === 'last' ? 'last-counts' : 'once',
    rule,
  };
}

/**
 * A poll's record description. Polls opened before the board existed did not keep one: theirs is
 * made from the vote with a placeholder rule, which is never used for them (only the ballot's
 * shape and the labels are read from it; their result was decided when they closed).
 */
export function recordPollOf(p: Poll): RecordPoll {
  return p.recordPoll ?? recordPollFor(p, majorityRule('all'));
}

/**
 * What a tablet fills in and encrypts (libs/ballot, the same function the record's verifier uses).
 * Polls opened before the board (no `recordPoll`) keep the spec their ballots were made for, in
 * which an evaluation was one question per person.
 */
export function ballotSpecOf(p: Poll): PollSpec {
  const spec = pollSpecOf(recordPollOf(p));
  if (p.recordPoll || p.voteSpec.type !== 'evaluation') return spec;
  const q = spec.questions[0] as Extract<PollSpec['questions'][number], { kind: 'evaluation' }>;
  return { questions: p.voteSpec.persons.map(() => ({ ...q, persons: 1 })) };
}
export const shapeOf = (p: Poll): BallotShape => ballotShape(ballotSpecOf(p));

/** Labels for the tablet, question by question: the record's labels under a title for people. */
export function questionsOf(p: Poll): { title: string; entries: string[] }[] {
  const poll = recordPollOf(p);
  const labels = pollLabels(poll);
  const v = poll.vote;
  return labels.map((entries, q) => ({
    title:
      v.type === 'motion'
        ? '表决'
        : v.type === 'election'
          ? `应选 ${v.seats} 名`
          : (v.persons[q]?.name ?? ''),
    entries,
  }));
}

/** An open (记名) poll's choice: a 0/1 vector per question with an allowed number of marks. */
export function isOpenChoice(shape: BallotShape, choice: unknown): choice is number[][] {
  try {
    checkChoices(shape, choice as number[][]);
    return true;
  } catch (e) {
    if (isBallotError(e)) return false;
    throw e;
  }
}

/** Marks per question and entry of the open (记名) choices. */
export function sumOpen(shape: BallotShape, choices: readonly number[][][]): number[][] {
  const counts = shape.questions.map((q) => new Array<number>(q.entries).fill(0));
  for (const c of choices) c.forEach((q, i) => q.forEach((m, e) => (counts[i]![e]! += m)));
  return counts;
}
