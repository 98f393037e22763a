/**
 * The poll as the record states it: what was put to the vote with the labels people saw (which
 * index is 赞成), the majority rule, whether a delegate may re-cast; its digest (bound into the
 * board's chain); the issued credentials and their digest; and the decision under the rule,
 * computed by libs/tally exactly as the app does, so a verifier recomputes it.
 */
import {
  COMPETENCE_SCALE,
  SATISFACTION_SCALE,
  assertMajorityRule,
  ruleId,
  tallyElection,
  tallyEvaluation,
  tallyMotion,
  type Electorate,
  type EvaluationScale,
  type MajorityRule,
} from '../../tally/src/index.js';
import { BallotError } from './errors.js';
import { toHex, utf8 } from './encoding.js';
import { TAGS, sha256Of, transcript } from './hash.js';
import { checkText, fields, integer, list } from './json.js';
import { LIMITS, type PollSpec } from './shape.js';

export type MotionMeaning = 'for' | 'against' | 'abstain';

export type VoteDescription =
  | { type: 'motion'; options: { label: string; meaning: MotionMeaning }[] }
  | { type: 'election'; seats: number; candidates: { id: string; name: string }[] }
  | {
      type: 'evaluation';
      scale: 'satisfaction' | 'competence';
      persons: { id: string; name: string }[];
    };

export interface RecordPoll {
  pollId: string;
  title: string;
  vote: VoteDescription;
  /** `once`: one ballot per credential. `last-counts`: re-casting until the close is allowed, the last counts. */
  recast: 'once' | 'last-counts';
  /** The congress's majority rule (libs/tally), fixed when the poll opens. */
  rule: MajorityRule;
}

export const SCALES: Record<'satisfaction' | 'competence', EvaluationScale> = {
  satisfaction: SATISFACTION_SCALE,
  competence: COMPETENCE_SCALE,
};
const MEANING_CODE: Record<MotionMeaning, number> = { for: 1, against: 2, abstain: 3 };
const BASES = ['all', 'present', 'cast'];

function named(v: unknown, max: number, what: string): { id: string; name: string }[] {
  const out = list(v, max, what).map((x, i) => {
    const o = fields(x, ['id', 'name'], `${what}[${i}]`);
    return {
      id: checkText(o.id, `${what}[${i}].id`),
      name: checkText(o.name, `${what}[${i}].name`),
    };
  });
  if (out.length === 0 || new Set(out.map((c) => c.id)).size !== out.length)
    throw new BallotError('BAD_SHAPE', `${what}: at least one, ids distinct`);
  return out;
}

/** Checks a poll description (BAD_ENCODING / BAD_SHAPE); returns it. */
export function checkRecordPoll(poll: RecordPoll): RecordPoll {
  fields(poll, ['pollId', 'title', 'vote', 'recast', 'rule'], 'poll');
  checkText(poll.pollId, 'pollId');
  checkText(poll.title, 'title');
  if (poll.recast !== 'once' && poll.recast !== 'last-counts')
    throw new BallotError('BAD_ENCODING', "recast must be 'once' or 'last-counts'");
  const r = fields(poll.rule, ['base', 'fraction', 'comparison'], 'rule');
  fields(r.fraction, ['numerator', 'denominator'], 'rule.fraction');
  if (!BASES.includes(poll.rule.base)) throw new BallotError('BAD_ENCODING', 'rule.base');
  try {
    assertMajorityRule(poll.rule);
  } catch (e) {
    throw new BallotError('BAD_ENCODING', `rule: ${(e as Error).message}`, { check: 'rule' });
  }
  const v = poll.vote;
  switch (v?.type) {
    case 'motion': {
      fields(v, ['type', 'options'], 'vote');
      const opts = list(v.options, 3, 'options').map((x, i) => {
        const o = fields(x, ['label', 'meaning'], `options[${i}]`);
        if (!(typeof o.meaning === 'string' && o.meaning in MEANING_CODE))
          throw new BallotError(
            'BAD_SHAPE',
            `options[${i}].meaning must be for, against or abstain`,
          );
        return { label: checkText(o.label, `options[${i}].label`), meaning: o.meaning };
      });
      const meanings = new Set(opts.map((o) => o.meaning));
      if (meanings.size !== opts.length || !meanings.has('for') || !meanings.has('against'))
        throw new BallotError(
          'BAD_SHAPE',
          'a motion has for, against and optionally abstain, once each',
        );
      break;
    }
    case 'election':
      fields(v, ['type', 'seats', 'candidates'], 'vote');
      integer(v.seats, 1, named(v.candidates, LIMITS.entries, 'candidates').length, 'seats');
      break;
    case 'evaluation':
      fields(v, ['type', 'scale', 'persons'], 'vote');
      if (!(v.scale in SCALES))
        throw new BallotError('BAD_SHAPE', 'scale must be satisfaction or competence');
      named(v.persons, LIMITS.questions, 'persons');
      break;
    default:
      throw new BallotError('BAD_SHAPE', 'vote.type must be motion, election or evaluation');
  }
  return poll;
}

/** The ballot shape's description: one question for a motion or election, one per person evaluated. */
export function pollSpecOf(poll: RecordPoll): PollSpec {
  const v = poll.vote;
  if (v.type === 'motion') return { questions: [{ kind: 'motion', options: v.options.length }] };
  if (v.type === 'election')
    return {
      questions: [{ kind: 'election', candidates: v.candidates.length, maxMarks: v.seats }],
    };
  return {
    questions: [
      { kind: 'evaluation', persons: v.persons.length, grades: SCALES[v.scale].grades.length },
    ],
  };
}

/** Entry labels per question, as the tablet showed them. */
export function pollLabels(poll: RecordPoll): string[][] {
  const v = poll.vote;
  if (v.type === 'motion') return [v.options.map((o) => o.label)];
  if (v.type === 'election') return [v.candidates.map((c) => c.name)];
  return v.persons.map(() => SCALES[v.scale].grades.map((g) => g.zh));
}

/**
 * pollDigest = SHA-256(str(tag) ‖ str(pollId) ‖ str(title) ‖ vote ‖ u8(recast: 1 once, 2 last-counts)
 *              ‖ str(ruleId)), where vote is
 *   motion:     u8(1) ‖ u32(#options) ‖ per option: str(label) ‖ u8(1 for, 2 against, 3 abstain)
 *   election:   u8(2) ‖ u32(seats) ‖ u32(#candidates) ‖ per candidate: str(id) ‖ str(name)
 *   evaluation: u8(3) ‖ str(scale id) ‖ u32(#grades) ‖ per grade: str(label)
 *               ‖ u32(#persons) ‖ per person: str(id) ‖ str(name)
 * and ruleId is libs/tally's, e.g. "majority:all:gt:1/2".
 */
export function pollDigest(poll: RecordPoll): string {
  checkRecordPoll(poll);
  const w = transcript(TAGS.poll).str(poll.pollId).str(poll.title);
  const v = poll.vote;
  if (v.type === 'motion') {
    w.u8(1).u32(v.options.length);
    for (const o of v.options) w.str(o.label).u8(MEANING_CODE[o.meaning]);
  } else if (v.type === 'election') {
    w.u8(2).u32(v.seats).u32(v.candidates.length);
    for (const c of v.candidates) w.str(c.id).str(c.name);
  } else {
    const scale = SCALES[v.scale];
    w.u8(3).str(scale.id).u32(scale.grades.length);
    for (const g of scale.grades) w.str(g.zh);
    w.u32(v.persons.length);
    for (const p of v.persons) w.str(p.id).str(p.name);
  }
  w.u8(poll.recast === 'once' ? 1 : 2).str(ruleId('majority', poll.rule.base, poll.rule));
  return toHex(sha256Of(w.finish()));
}

// ---------------------------------------------------------------------------------------------
// Issued credentials (发出): fixed when the poll opens.

export interface Issued {
  /** Ballots issued: delegates serving and checked in when the poll opened. */
  count: number;
  /** Their voter credentials, distinct, in ascending order of their UTF-8 bytes. */
  credentials: string[];
}

/**
 * UTF-8 byte order, which is code point order. Up to U+D7FF a UTF-16 code unit is its code point,
 * so the first differing unit decides without encoding (2,000 hex credentials checked at every
 * close); past it (surrogates, U+E000…) the bytes are compared.
 */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x - y;
    return compareUtf8Bytes(a, b);
  }
  return a.length - b.length;
}

function compareUtf8Bytes(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Sorts credentials into the order the record lists them in. */
export function sortCredentials(credentials: readonly string[]): string[] {
  return [...credentials].sort(compareUtf8);
}

/** Checks the issued list (ISSUED_MISMATCH: not sorted, repeated, or not `count` long). */
export function checkIssued(issued: Issued): Set<string> {
  fields(issued, ['count', 'credentials'], 'issued');
  const count = integer(issued.count, 0, 1_000_000, 'issued.count');
  const creds = list(issued.credentials, 1_000_000, 'issued.credentials').map((c, i) =>
    checkText(c, `issued.credentials[${i}]`),
  );
  if (creds.length !== count)
    throw new BallotError(
      'ISSUED_MISMATCH',
      `${creds.length} credentials listed for ${count} ballots issued`,
    );
  for (let i = 1; i < creds.length; i++)
    if (compareUtf8(creds[i - 1], creds[i]) >= 0)
      throw new BallotError(
        'ISSUED_MISMATCH',
        'credentials must be distinct and in ascending order',
        {
          check: `credentials[${i}]`,
        },
      );
  return new Set(creds);
}

/** issuedDigest = SHA-256(str(tag) ‖ u32(count) ‖ per credential in order: str(credential)) */
export function issuedDigest(issued: Issued): string {
  checkIssued(issued);
  const w = transcript(TAGS.issued).u32(issued.count);
  for (const c of issued.credentials) w.str(c);
  return toHex(sha256Of(w.finish()));
}

// ---------------------------------------------------------------------------------------------
// The decision (libs/tally).

/**
 * The decision from the counts: `valid` ballots counted, `invalid` ones returned but failing;
 * `electorate` is all serving delegates and those checked in. The same call the app makes.
 */
export function decidePoll(
  poll: RecordPoll,
  counts: readonly (readonly number[])[],
  ballots: { valid: number; invalid: number },
  electorate: Electorate,
) {
  const v = poll.vote;
  const title = poll.title;
  if (v.type === 'motion') {
    const by = (m: MotionMeaning) => {
      const i = v.options.findIndex((o) => o.meaning === m);
      return i < 0 ? 0 : (counts[0]?.[i] ?? 0);
    };
    return tallyMotion({
      title,
      electorate,
      rule: poll.rule,
      counts: {
        for: by('for'),
        against: by('against'),
        abstain: by('abstain'),
        invalid: ballots.invalid,
      },
    });
  }
  if (v.type === 'election')
    return tallyElection({
      title,
      seats: v.seats,
      candidates: v.candidates,
      electorate,
      rule: poll.rule,
      ballots,
      votes: Object.fromEntries(v.candidates.map((c, i) => [c.id, counts[0]?.[i] ?? 0])),
    });
  const scale = SCALES[v.scale];
  return tallyEvaluation({
    title,
    scale,
    electorate,
    ballots,
    persons: v.persons.map((p, q) => ({
      id: p.id,
      name: p.name,
      counts: Object.fromEntries(scale.grades.map((g, e) => [g.id, counts[q]?.[e] ?? 0])),
    })),
  });
}

export type Decision = ReturnType<typeof decidePoll>;
