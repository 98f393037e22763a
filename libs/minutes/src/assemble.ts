/**
 * Helpers that keep the api's "draft minutes from the record" step thin: tallies from libs/tally
 * results (the `decision` the api stores with each poll), the count matrix an election record
 * decrypts to, and walking the tallies of a document.
 */
import {
  baseText,
  comparisonText,
  fractionZh,
  type ElectionResult,
  type EvaluationResult,
  type MotionResult,
} from '../../tally/src/index.js';
import {
  CUSTODIAN_WARNING,
  type AgendaItem,
  type Counts,
  type KeyMode,
  type MinutesDocument,
  type Tally,
  type VoteMethod,
} from './model.js';

/** Every tally of the document with its item, in agenda order. */
export function talliesOf(doc: MinutesDocument): { item: AgendaItem; tally: Tally }[] {
  return doc.agenda.flatMap((item) => item.tallies.map((tally) => ({ item, tally })));
}

/**
 * The counts as the election record's decryption gives them, `counts[question][entry]`: a motion
 * is one question (for, against, abstain), an election one question (one entry per candidate in
 * ballot order), an evaluation one question per person (one entry per grade).
 */
export function countsMatrix(c: Counts): number[][] {
  if (c.kind === 'motion') return [[c.for, c.against, c.abstain]];
  if (c.kind === 'election') return [c.candidates.map((x) => x.votes)];
  return c.persons.map((p) => [...p.counts]);
}

export function voteMethod(
  secret: boolean,
  keyMode: KeyMode | null,
  keyFingerprint: string | null,
): VoteMethod {
  if (!secret) return { secret, keyMode: null, keyFingerprint: null, custodianWarning: null };
  return {
    secret,
    keyMode,
    keyFingerprint,
    custodianWarning: keyMode === 'custodian' ? CUSTODIAN_WARNING : null,
  };
}

export interface PollFacts {
  pollId: string;
  title: string;
  method: VoteMethod;
  openedAt: string;
  closedAt: string;
  /** Ballots issued when the poll opened (delegates serving and checked in). */
  issued: number;
}

/** A tally from a libs/tally decision (MotionResult, ElectionResult or EvaluationResult). */
export function tallyFromResult(
  poll: PollFacts,
  result: MotionResult | ElectionResult | EvaluationResult,
): Tally {
  const base = { ...poll };
  if (result.kind === 'motion') {
    const { for: f, against, abstain, invalid, notVoted } = result.counts;
    return {
      ...base,
      cast: result.ballots,
      counts: { kind: 'motion', for: f, against, abstain, invalid, notVoted },
      rule: result.rule.text.zh,
      outcome: result.passed ? '通过' : '未通过',
      passed: result.passed,
    };
  }
  if (result.kind === 'election') {
    const names = new Map(result.candidates.map((c) => [c.id, c.name ?? c.id]));
    const elected = result.elected.map((id) => names.get(id) ?? id);
    const runoff = result.runoff
      ? `；${result.runoff.candidates.map((id) => names.get(id) ?? id).join('、')} 得票相同，须就 ${result.runoff.seats} 个席位另行选举`
      : '';
    const unfilled = result.unfilledSeats > 0 ? `；${result.unfilledSeats} 个席位空缺` : '';
    return {
      ...base,
      cast: result.ballots.cast,
      counts: {
        kind: 'election',
        seats: result.seats,
        candidates: result.candidates.map((c) => ({
          id: c.id,
          name: c.name ?? c.id,
          votes: c.votes,
          status: c.status,
        })),
        valid: result.ballots.valid,
        blank: result.ballots.blank,
        invalid: result.ballots.invalid,
        notVoted: result.ballots.notVoted,
      },
      rule: result.rule.text.zh,
      outcome: `${elected.length > 0 ? `当选：${elected.join('、')}` : '无人当选'}${runoff}${unfilled}`,
      passed: null,
    };
  }
  const flag = result.scale.grades.find((g) => g.id === result.scale.flagGrade);
  const rule = `${flag?.zh ?? result.scale.flagGrade}票${comparisonText(result.flagRule.comparison).zh}${baseText('ratings').zh}的${fractionZh(result.flagRule.fraction)}者予以标记`;
  const flagged = result.persons.filter((p) => p.flagged).map((p) => p.name ?? p.id);
  const notVoted = result.electorate
    ? Math.max(0, result.electorate.present - result.ballots.cast)
    : 0;
  return {
    ...base,
    cast: result.ballots.cast,
    counts: {
      kind: 'evaluation',
      grades: result.scale.grades.map((g) => g.zh),
      persons: result.persons.map((p) => ({
        id: p.id,
        name: p.name ?? p.id,
        counts: p.grades.map((g) => g.count),
        approval: p.approvalRate
          ? `认可率 ${p.approvalRate.text}（${p.approving}/${p.rated}）`
          : null,
        flagged: p.flagged,
      })),
      valid: result.ballots.valid,
      invalid: result.ballots.invalid,
      notVoted,
    },
    rule,
    outcome: flagged.length > 0 ? `予以标记：${flagged.join('、')}` : '无人被标记',
    passed: null,
  };
}
