/**
 * Elections (职工董事, 职工监事, committee members): at most `seats` marks per ballot, an
 * over-marked ballot is invalid, a blank one valid; elected are the candidates meeting the
 * majority rule (default: more than half of ALL serving delegates), highest first up to the
 * number of seats; a tie at the last seat returns a run-off list; unfilled seats are reported.
 *
 * The primary input is aggregated counts (what decrypting the summed ciphertexts yields);
 * `countElectionBallots` aggregates plaintext ballots for open votes and tests.
 */
import { TallyError } from './errors.js';
import { majorityThreshold } from './majority.js';
import { DEFAULT_MAJORITY_RULE } from './rules.js';
import type {
  AppliedRule,
  Electorate,
  ElectorateReport,
  LocalizedText,
  MajorityRule,
  Named,
} from './types.js';
import {
  assertBallotsWithinPresent,
  assertCount,
  assertElectorate,
  normaliseNamed,
  ownValue,
  resolveNotVoted,
} from './validate.js';

export interface ElectionBallotCounts {
  /** Valid ballots, blank ones included. This is the `cast` base. */
  readonly valid: number;
  /** Invalid ballots (over-marked, failed proof, spoiled). */
  readonly invalid: number;
  /**
   * Blank ballots (part of `valid`), when known. An encrypted tally without a blank slot
   * cannot know it: leave it out and the result reports `null`.
   */
  readonly blank?: number;
}

export interface ElectionInput {
  readonly id?: string;
  readonly title?: string;
  readonly seats: number;
  /** Candidate ids, or `{ id, name }`. Input order breaks display ties (never outcomes). */
  readonly candidates: readonly Named[];
  readonly electorate: Electorate;
  readonly ballots: ElectionBallotCounts;
  /** Votes per candidate id; every candidate must have an entry. */
  readonly votes: Readonly<Record<string, number>>;
  /** Optional cross-check: must equal present − (valid + invalid). */
  readonly notVoted?: number;
  /** Defaults to MAJORITY_OF_ALL. */
  readonly rule?: MajorityRule;
}

export type CandidateStatus = 'elected' | 'runoff' | 'not-elected';

export interface CandidateResult {
  readonly id: string;
  readonly name?: string;
  readonly votes: number;
  /** Competition ranking by votes: 1, 2, 2, 4. */
  readonly rank: number;
  readonly meetsRule: boolean;
  readonly status: CandidateStatus;
}

export interface Runoff {
  /** Tied candidates at the last seat, all meeting the rule, in input order. */
  readonly candidates: readonly string[];
  /** Seats to be decided between them. */
  readonly seats: number;
  /** The tied vote count. */
  readonly votes: number;
}

export interface ElectionResult {
  readonly kind: 'election';
  readonly id?: string;
  readonly title?: string;
  readonly seats: number;
  readonly electorate: ElectorateReport;
  readonly ballots: {
    readonly cast: number;
    readonly valid: number;
    readonly blank: number | null;
    readonly invalid: number;
    readonly notVoted: number;
  };
  readonly rule: AppliedRule;
  /** Sorted by votes, highest first; equal votes keep the input order. */
  readonly candidates: readonly CandidateResult[];
  /** Elected ids, highest votes first. */
  readonly elected: readonly string[];
  readonly runoff: Runoff | null;
  /** seats − elected.length; includes the run-off seats. */
  readonly unfilledSeats: number;
  /** Seats for which no remaining candidate met the rule (a new round is needed). */
  readonly seatsWithoutQualifiedCandidate: number;
  readonly complete: boolean;
  readonly summary: LocalizedText;
}

const VOTES_RECEIVED: LocalizedText = { zh: '得票', en: 'Votes received' };

export function assertSeats(seats: number): void {
  if (typeof seats !== 'number' || !Number.isSafeInteger(seats) || seats < 1) {
    throw new TallyError('INVALID_SEATS', `seats must be an integer >= 1, got ${String(seats)}`, {
      seats: String(seats),
    });
  }
}

export function tallyElection(input: ElectionInput): ElectionResult {
  const rule = input.rule ?? DEFAULT_MAJORITY_RULE;
  assertSeats(input.seats);
  const candidates = normaliseNamed('candidates', input.candidates);
  assertElectorate(input.electorate);
  const { seats } = input;
  const { valid, invalid, blank } = input.ballots ?? ({} as ElectionBallotCounts);
  assertCount('ballots.valid', valid);
  assertCount('ballots.invalid', invalid);
  if (blank !== undefined) {
    assertCount('ballots.blank', blank);
    if (blank > valid) {
      throw new TallyError(
        'COUNTS_EXCEED_BALLOTS',
        `blank (${blank}) exceeds valid ballots (${valid})`,
        {
          blank,
          valid,
        },
      );
    }
  }
  const cast = valid + invalid;
  assertBallotsWithinPresent(cast, input.electorate);
  const notVoted = resolveNotVoted(input.notVoted, cast, input.electorate);

  // Votes: one per candidate, none for strangers, each within the ballots that can carry a mark.
  const votes = input.votes ?? {};
  const known = new Set(candidates.map((c) => c.id));
  for (const key of Object.keys(votes)) {
    if (!known.has(key)) {
      throw new TallyError('UNKNOWN_CANDIDATE', `votes given for "${key}", not a candidate`, {
        candidate: key,
      });
    }
  }
  const marked = blank === undefined ? valid : valid - blank;
  let marks = 0;
  const counted = candidates.map((c) => {
    const v = ownValue(votes, c.id);
    if (v === undefined) {
      throw new TallyError('MISSING_COUNT', `no vote count for candidate "${c.id}"`, {
        candidate: c.id,
      });
    }
    assertCount(`votes.${c.id}`, v);
    if (v > marked) {
      throw new TallyError(
        'COUNTS_EXCEED_BALLOTS',
        `candidate "${c.id}" has ${v} votes but only ${marked} valid non-blank ballots`,
        { candidate: c.id, votes: v, ballots: marked },
      );
    }
    marks += v;
    return { ...c, votes: v };
  });
  if (marks > seats * marked) {
    throw new TallyError(
      'COUNTS_DONT_ADD_UP',
      `${marks} marks on ${marked} ballots of at most ${seats} marks each`,
      { marks, ballots: marked, seats },
    );
  }
  if (blank !== undefined && marks < marked) {
    throw new TallyError(
      'COUNTS_DONT_ADD_UP',
      `${marks} marks cannot fill ${marked} non-blank ballots (each has at least one mark)`,
      { marks, ballots: marked },
    );
  }

  const { total, present } = input.electorate;
  const applied = majorityThreshold(rule, { total, present, cast: valid }, VOTES_RECEIVED);

  // Highest first; Array.prototype.sort is stable, so equal votes keep the input order.
  const ranked = counted.slice().sort((a, b) => b.votes - a.votes);
  const qualified = ranked.filter((c) => c.votes >= applied.required);

  let electedIds: string[];
  let runoff: Runoff | null = null;
  const lastSeat = qualified[seats - 1];
  const firstLoser = qualified[seats];
  if (lastSeat === undefined || firstLoser === undefined || firstLoser.votes < lastSeat.votes) {
    electedIds = qualified.slice(0, seats).map((c) => c.id);
  } else {
    // A tie across the last seat: those above it are elected, the tied go to a run-off.
    const tiedVotes = lastSeat.votes;
    electedIds = qualified.filter((c) => c.votes > tiedVotes).map((c) => c.id);
    runoff = {
      candidates: counted.filter((c) => c.votes === tiedVotes).map((c) => c.id),
      seats: seats - electedIds.length,
      votes: tiedVotes,
    };
  }
  const elected = new Set(electedIds);
  const inRunoff = new Set(runoff?.candidates ?? []);

  const results: CandidateResult[] = ranked.map((c) => ({
    id: c.id,
    ...(c.name === undefined ? {} : { name: c.name }),
    votes: c.votes,
    rank: 1 + ranked.filter((o) => o.votes > c.votes).length,
    meetsRule: c.votes >= applied.required,
    status: elected.has(c.id) ? 'elected' : inRunoff.has(c.id) ? 'runoff' : 'not-elected',
  }));

  const unfilledSeats = seats - electedIds.length;
  const seatsWithoutQualifiedCandidate = unfilledSeats - (runoff?.seats ?? 0);
  const label = (id: string): string => {
    const c = counted.find((x) => x.id === id);
    return c?.name ?? id;
  };
  const votesOf = (id: string): number => counted.find((x) => x.id === id)?.votes ?? 0;
  const electedZh = electedIds.map((id) => `${label(id)}（${votesOf(id)} 票）`).join('、');
  const electedEn = electedIds.map((id) => `${label(id)} (${votesOf(id)})`).join(', ');
  const runoffZh =
    runoff === null
      ? ''
      : `；${runoff.candidates.map(label).join('、')} 同得 ${runoff.votes} 票，需就 ${runoff.seats} 个席位另行投票`;
  const runoffEn =
    runoff === null
      ? ''
      : `; ${runoff.candidates.map(label).join(', ')} tied at ${runoff.votes} votes: run-off for ${runoff.seats} seat(s)`;
  const blankZh = blank === undefined ? '' : `（其中空白票 ${blank} 张）`;
  const blankEn = blank === undefined ? '' : ` (${blank} blank)`;

  return {
    kind: 'election',
    ...(input.id === undefined ? {} : { id: input.id }),
    ...(input.title === undefined ? {} : { title: input.title }),
    seats,
    electorate: { total, present, absent: total - present },
    ballots: { cast, valid, blank: blank ?? null, invalid, notVoted },
    rule: applied,
    candidates: results,
    elected: electedIds,
    runoff,
    unfilledSeats,
    seatsWithoutQualifiedCandidate,
    complete: unfilledSeats === 0,
    summary: {
      zh:
        `应选 ${seats} 名，当选 ${electedIds.length} 名${electedIds.length > 0 ? `：${electedZh}` : ''}` +
        `${runoffZh}${unfilledSeats > 0 ? `；空缺 ${unfilledSeats} 名` : ''}。` +
        `收回选票 ${cast} 张，有效 ${valid} 张${blankZh}，无效 ${invalid} 张；${applied.text.zh}。`,
      en:
        `${seats} seat(s), ${electedIds.length} elected${electedIds.length > 0 ? `: ${electedEn}` : ''}` +
        `${runoffEn}${unfilledSeats > 0 ? `; ${unfilledSeats} unfilled` : ''}. ` +
        `${cast} ballots, ${valid} valid${blankEn}, ${invalid} invalid; ${applied.text.en}.`,
    },
  };
}

/** Why a plaintext ballot was not counted. */
export type InvalidBallotReason = 'over-marked';

export interface CountedElectionBallots {
  readonly ballots: { readonly valid: number; readonly invalid: number; readonly blank: number };
  readonly votes: Record<string, number>;
  /** Index of each invalid ballot and why. */
  readonly invalidBallots: readonly {
    readonly index: number;
    readonly reason: InvalidBallotReason;
  }[];
}

/**
 * Aggregates plaintext ballots: each ballot is the list (or set) of candidate ids marked.
 * More than `seats` marks: invalid. No marks: blank, valid. A mark for an unknown candidate
 * or the same candidate twice is malformed input and throws (a tablet cannot produce it).
 */
export function countElectionBallots(
  candidates: readonly Named[],
  seats: number,
  ballots: readonly (readonly string[] | ReadonlySet<string>)[],
): CountedElectionBallots {
  assertSeats(seats);
  const ids = normaliseNamed('candidates', candidates).map((c) => c.id);
  const known = new Set(ids);
  // fromEntries defines own properties, so even an id like "__proto__" is a plain key.
  const votes: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  let valid = 0;
  let blank = 0;
  const invalidBallots: { index: number; reason: InvalidBallotReason }[] = [];
  ballots.forEach((ballot, index) => {
    const marks = [...ballot];
    const seen = new Set<string>();
    for (const mark of marks) {
      if (!known.has(mark)) {
        throw new TallyError(
          'UNKNOWN_CANDIDATE',
          `ballot ${index} marks "${String(mark)}", not a candidate`,
          {
            index,
            candidate: String(mark),
          },
        );
      }
      if (seen.has(mark)) {
        throw new TallyError('DUPLICATE_MARK', `ballot ${index} marks "${mark}" twice`, {
          index,
          candidate: mark,
        });
      }
      seen.add(mark);
    }
    if (marks.length > seats) {
      invalidBallots.push({ index, reason: 'over-marked' });
      return;
    }
    valid += 1;
    if (marks.length === 0) blank += 1;
    for (const mark of marks) votes[mark] = (votes[mark] ?? 0) + 1;
  });
  return { ballots: { valid, invalid: invalidBallots.length, blank }, votes, invalidBallots };
}
