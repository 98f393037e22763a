/**
 * verifyElectionRecordV2: recomputes everything a version 2 or 3 (ballot slips) record claims, check by check, and
 * says which check failed first. It never throws for a bad record; a delegate finds their ballot
 * in `board` (findTracker) and can hold the record against their signed receipt (checkReceipt).
 */
import { BallotError, type BallotErrorCode, type BallotErrorDetail } from './errors.js';
import { ballotTracker, shortCode } from './ballot.js';
import { verifyBallotsDetailed } from './batch.js';
import { chainHeads, verifyChain, verifyReceipt, type SignedReceipt } from './board.js';
import { fromHex } from './encoding.js';
import type { ElectionKey } from './keys.js';
import { fields, integer, list } from './json.js';
import {
  requiredExclusions,
  returnedCount,
  type CountingEntry,
  type Exclusion,
  type Issuance,
} from './record-count.js';
import { checkIssued, checkRecordPoll, decidePoll, pollLabels, pollSpecOf } from './record-poll.js';
import {
  checkSlipsIssued,
  fingerprintOf,
  issuanceOf,
  openingGenesis,
  recordElectionKey,
  voterOf,
  type ElectionRecordV2,
} from './record-v2.js';
import type { Ciphertext } from './elgamal.js';
import { ballotShape, type BallotShape } from './shape.js';
import { combineDecryptions, sumCiphertexts, type TallyResult } from './tally.js';
import type { Rng } from './rng.js';
import { checkRecordSlips } from './slips.js';

export const RECORD_CHECKS = [
  'format',
  'poll',
  'key',
  'issued',
  'chain',
  'ballots',
  'eligibility',
  'exclusions',
  'tally',
  'decryption',
  'result',
  'issued-rule',
  'decision',
] as const;
export type RecordCheckName = (typeof RECORD_CHECKS)[number];

export interface RecordCheck {
  name: RecordCheckName;
  status: 'passed' | 'failed' | 'skipped';
  /** Numbers and names behind the check, for people (e.g. { ballots: 2000, counted: 1998 }). */
  facts: Record<string, string | number | boolean>;
  error?: { code: BallotErrorCode; message: string } & BallotErrorDetail;
}

export interface RecordBoardEntry {
  position: number;
  tracker: string;
  shortCode?: string;
  counted: boolean;
  exclusion?: Exclusion;
}

export interface RecordReportV2 {
  ok: boolean;
  checks: RecordCheck[];
  firstFailure?: RecordCheck;
  /** Every board entry with whether it counts (as the record says; checked when ok). */
  board: RecordBoardEntry[];
  /** Recomputed counts, when decryption passed. */
  counts?: number[][];
  /** Option labels per question, when the poll passed. */
  labels?: string[][];
}

interface State {
  key?: ElectionKey;
  shape?: BallotShape;
  issuance?: Issuance;
  counting?: CountingEntry[];
  ciphertexts?: (Ciphertext[][] | undefined)[];
  excluded?: Map<number, Exclusion>;
  result?: TallyResult;
  returned?: number;
}

type Step = (r: ElectionRecordV2, s: State, facts: RecordCheck['facts']) => void;

function fail(code: BallotErrorCode, message: string, detail: BallotErrorDetail = {}): never {
  throw new BallotError(code, message, detail);
}

const steps: Record<RecordCheckName, Step> = {
  format(r, _s, facts) {
    fields(
      r,
      [
        'version',
        'poll',
        'key',
        'electorate',
        'issued',
        'slips',
        'board',
        'exclusions',
        'tally',
        'decryptions',
        'refusedDecryptions',
        'result',
      ],
      'record',
    );
    if (r.version !== 2 && r.version !== 3)
      fail('BAD_VERSION', `record version ${String(r.version)} is not 2 or 3`);
    // Version 3 is exactly a slips poll's record: the batches and every entry's signatures.
    const v3 = r.version === 3;
    if (v3 !== (r.slips !== undefined))
      fail('BAD_ENCODING', v3 ? 'a version 3 record needs its slips' : 'slips need version 3');
    const e = fields(r.electorate, ['total', 'present'], 'electorate');
    integer(e.present, 0, integer(e.total, 0, 1_000_000, 'electorate.total'), 'electorate.present');
    fields(r.board, ['publicKey', 'genesis', 'head', 'entries'], 'board');
    fromHex(r.board.publicKey, 32, 'board.publicKey');
    list(r.board.entries, 10_000_000, 'board.entries').forEach((x, i) => {
      const e = fields(
        x,
        ['position', 'tracker', 'chainHead', 'receivedAt', 'ballot', ...(v3 ? ['slips'] : [])],
        `entries[${i}]`,
      );
      if (v3) list(e.slips, 64, `entries[${i}].slips`, { ballot: i });
      if ((x as { position: unknown }).position !== i + 1)
        fail('BAD_ENCODING', `board entries must be at positions 1..n in order`, { ballot: i });
    });
    list(r.exclusions, 10_000_000, 'exclusions').forEach((x, i) =>
      fields(x, ['position', 'reason', 'code', 'by'], `exclusions[${i}]`),
    );
    list(r.decryptions, 64, 'decryptions');
    fields(r.result, ['counts', 'returned', 'counted', 'excluded', 'void', 'decision'], 'result');
    facts.entries = r.board.entries.length;
  },
  poll(r, s, facts) {
    checkRecordPoll(r.poll);
    s.shape = ballotShape(pollSpecOf(r.poll));
    Object.assign(facts, { title: r.poll.title, type: r.poll.vote.type, recast: r.poll.recast });
  },
  key(r, s, facts) {
    s.key = recordElectionKey(r.poll, r.key);
    facts.mode = r.key.mode;
    facts.fingerprint = fingerprintOf(s.key);
    if (s.key.version === 2) {
      facts.threshold = s.key.ceremony.threshold;
      facts.tellers = s.key.ceremony.tellers.length;
    }
  },
  issued(r, s, facts) {
    facts.issued = r.issued.count;
    if (!r.slips) {
      checkIssued(r.issued);
      return;
    }
    checkSlipsIssued(r.issued);
    const slips = checkRecordSlips(r.slips);
    // One batch from each teller of the key's ceremony: a box per teller at the door.
    const tellers =
      r.key.mode === 'tellers'
        ? Array.from({ length: r.key.ceremony.tellers }, (_, i) => i + 1)
        : [];
    const batches = slips.batches.map((b) => b.teller);
    if (JSON.stringify(batches) !== JSON.stringify(tellers))
      fail(
        'ISSUED_MISMATCH',
        `slip batches of tellers ${batches.join(', ')}, the key's tellers are ${tellers.join(', ') || 'none'}`,
      );
    facts.slipTellers = batches.length;
    facts.slipKeys = slips.batches.reduce((n, b) => n + b.keys.size, 0);
  },
  chain(r, s, facts) {
    const genesis = openingGenesis(r.poll, s.key!, r.issued, r.slips);
    if (r.board.genesis !== genesis)
      fail('CHAIN_MISMATCH', 'the genesis is not the hash of this poll, key and issued list', {
        check: 'genesis',
      });
    r.board.entries.forEach((e, i) => {
      let t: string | undefined;
      try {
        t = ballotTracker(e.ballot);
      } catch {
        t = undefined; // unreadable: it must be excluded as INVALID (checked under "ballots")
      }
      if (t !== undefined && t !== e.tracker)
        fail('TRACKER_MISMATCH', `position ${i + 1}: the tracker is not the hash of the ballot`, {
          ballot: i,
        });
    });
    verifyChain(genesis, r.board.entries, r.board.head);
    facts.head = r.board.head;
  },
  ballots(r, s, facts, rng?: Rng) {
    const v = verifyBallotsDetailed(
      { key: s.key!, shape: s.shape! },
      r.board.entries.map((e) => ({ ballot: e.ballot })),
      { rng },
    );
    s.ciphertexts = v.ciphertexts;
    s.counting = r.board.entries.map((e, i) => {
      const o = v.outcomes[i];
      return {
        position: i + 1,
        voter: voterOf(e.ballot, i + 1),
        ...(o.ok ? {} : { error: o.error.code }),
      };
    });
    s.excluded = new Map(r.exclusions.map((x) => [x.position, x]));
    const bad = v.outcomes.findIndex((o, i) => !o.ok && !s.excluded!.has(i + 1));
    if (bad >= 0) {
      const e = (v.outcomes[bad] as { error: BallotError }).error;
      fail(e.code, `position ${bad + 1} is counted but does not verify: ${e.message}`, e.detail);
    }
    facts.valid = v.outcomes.filter((o) => o.ok).length;
    facts.invalid = v.outcomes.length - (facts.valid as number);
  },
  eligibility(r, s, facts) {
    // Version 3: every slip signature of every ballot is checked here (~2.7 ms each, noble).
    s.issuance = issuanceOf(
      r.poll.pollId,
      r.issued,
      r.slips,
      r.board.entries.map((e, i) => ({ ...s.counting![i], tracker: e.tracker, slips: e.slips })),
    );
    const issuance = s.issuance;
    const refused = (e: CountingEntry) =>
      'refused' in issuance
        ? issuance.refused.get(e.position)
        : issuance.has(e.voter)
          ? undefined
          : 'UNISSUED_CREDENTIAL';
    const i = s.counting!.findIndex((e) => !s.excluded!.has(e.position) && refused(e));
    if (i >= 0)
      fail(
        'UNISSUED_CREDENTIAL',
        r.slips
          ? `position ${i + 1} is counted but its ballot slips do not check (${refused(s.counting![i])})`
          : `position ${i + 1} is counted under a credential not issued`,
        { ballot: i },
      );
    facts.issued = r.issued.count;
    if (r.slips) facts.slipsChecked = r.board.entries.length * r.slips.batches.length;
  },
  exclusions(r, s, facts) {
    const seen = new Set<number>();
    for (const x of r.exclusions) {
      if (
        !Number.isInteger(x.position) ||
        x.position < 1 ||
        x.position > r.board.entries.length ||
        seen.has(x.position)
      )
        fail(
          'EXCLUSION_MISMATCH',
          `exclusion at position ${String(x.position)}: no such entry, or listed twice`,
        );
      seen.add(x.position);
    }
    const claims = new Set(
      r.exclusions.filter((x) => x.reason === 'SEAT_LOST').map((x) => x.position),
    );
    const want = requiredExclusions(s.counting!, s.issuance!, r.poll.recast, claims);
    for (const e of s.counting!) {
      const got = s.excluded!.get(e.position)?.reason;
      const need = want.get(e.position)?.reason;
      if (got !== need)
        fail(
          'EXCLUSION_MISMATCH',
          `position ${e.position}: the record says ${got ?? 'counted'}, the rules say ${need ?? 'counted'}`,
          { ballot: e.position - 1, check: need ?? 'counted' },
        );
    }
    for (const reason of ['INVALID', 'NOT_ISSUED', 'SEAT_LOST', 'SUPERSEDED', 'DUPLICATE_VOTER'])
      facts[reason] = r.exclusions.filter((x) => x.reason === reason).length;
  },
  tally(r, s, facts) {
    const counted = s.ciphertexts!.filter((_, i) => !s.excluded!.has(i + 1)) as Ciphertext[][][];
    const tally = sumCiphertexts(s.key!, s.shape!, counted);
    if (JSON.stringify(tally) !== JSON.stringify(r.tally))
      fail('TALLY_MISMATCH', 'the published tally is not the sum of the counted ballots');
    facts.counted = counted.length;
  },
  decryption(r, s, facts) {
    s.result = combineDecryptions(s.key!, s.shape!, r.tally, r.decryptions);
    facts.decryptions = r.decryptions.map((d) => d.trustee).join(', ');
  },
  result(r, s, facts) {
    const res = r.result;
    s.returned = returnedCount(s.counting!);
    const expect = {
      counts: s.result!.counts,
      returned: s.returned,
      counted: s.result!.ballots,
      excluded: r.exclusions.length,
    };
    const got = {
      counts: res.counts,
      returned: res.returned,
      counted: res.counted,
      excluded: res.excluded,
    };
    if (JSON.stringify(got) !== JSON.stringify(expect))
      fail(
        'RESULT_MISMATCH',
        `the result says ${JSON.stringify(got)}, the record gives ${JSON.stringify(expect)}`,
      );
    Object.assign(facts, { returned: s.returned, counted: res.counted });
  },
  'issued-rule'(r, s, facts) {
    const isVoid = s.returned! > r.issued.count || s.result!.ballots > r.issued.count;
    if (r.result.void !== isVoid)
      fail(
        'VOID_RULE',
        isVoid
          ? `${s.returned} ballots returned for ${r.issued.count} issued: the poll is void and the record does not say so`
          : `the record says void, but ${s.returned} returned ≤ ${r.issued.count} issued`,
      );
    Object.assign(facts, { returned: s.returned!, issued: r.issued.count, void: isVoid });
  },
  decision(r, s, facts) {
    if (r.result.void) {
      if (r.result.decision !== null) fail('DECISION_MISMATCH', 'a void poll has no decision');
      facts.void = true;
      return;
    }
    const invalid = r.exclusions.filter((x) => x.reason === 'INVALID').length;
    let d;
    try {
      d = decidePoll(r.poll, s.result!.counts, { valid: s.result!.ballots, invalid }, r.electorate);
    } catch (e) {
      fail('DECISION_MISMATCH', `libs/tally refuses the numbers: ${(e as Error).message}`);
    }
    if (JSON.stringify(d) !== JSON.stringify(r.result.decision))
      fail('DECISION_MISMATCH', 'the decision is not what the rule gives for these counts');
    if (d.kind === 'evaluation') facts.flagged = d.persons.filter((p) => p.flagged).length;
    else Object.assign(facts, { rule: d.rule.id, summary: d.summary.zh });
  },
};

function errorJSON(e: unknown): NonNullable<RecordCheck['error']> {
  if (e instanceof BallotError) {
    const j = e.toJSON();
    return { ...j, message: j.message.replace(/^[A-Z_]+: /, '') };
  }
  // A record so malformed that a check could not even read it.
  return { code: 'BAD_ENCODING', message: e instanceof Error ? e.message : String(e) };
}

/** Verifies a version 2 record: every check in order, stopping at the first failure. */
export function verifyElectionRecordV2(
  record: ElectionRecordV2,
  opts: { rng?: Rng } = {},
): RecordReportV2 {
  const state: State = {};
  const checks: RecordCheck[] = [];
  let failed: RecordCheck | undefined;
  for (const name of RECORD_CHECKS) {
    const check: RecordCheck = { name, status: 'skipped', facts: {} };
    checks.push(check);
    if (failed) continue;
    try {
      (steps[name] as (r: ElectionRecordV2, s: State, f: RecordCheck['facts'], rng?: Rng) => void)(
        record,
        state,
        check.facts,
        opts.rng,
      );
      check.status = 'passed';
    } catch (e) {
      check.status = 'failed';
      check.error = errorJSON(e);
      failed = check;
    }
  }
  return {
    ok: !failed,
    checks,
    ...(failed ? { firstFailure: failed } : {}),
    board: boardOf(record),
    ...(state.result ? { counts: state.result.counts } : {}),
    ...(state.shape ? { labels: pollLabels(record.poll) } : {}),
  };
}

function boardOf(record: ElectionRecordV2): RecordBoardEntry[] {
  const entries = Array.isArray(record?.board?.entries) ? record.board.entries : [];
  const excl = new Map(
    (Array.isArray(record?.exclusions) ? record.exclusions : []).map((x) => [x?.position, x]),
  );
  return entries.map((e, i) => {
    const tracker = String(e?.tracker);
    let code: string | undefined;
    try {
      code = shortCode(tracker);
    } catch {
      code = undefined;
    }
    const x = excl.get(i + 1);
    return {
      position: i + 1,
      tracker,
      ...(code ? { shortCode: code } : {}),
      counted: !x,
      ...(x ? { exclusion: x } : {}),
    };
  });
}

/**
 * Holds a record against a delegate's signed receipt: the signature is the record's board key's,
 * and the record's chain (recomputed from its trackers) has the receipt's tracker at the receipt's
 * position with the receipt's chain head. Throws BAD_SIGNATURE or RECEIPT_MISMATCH; returns the
 * receipt's board entry (counted, or why not).
 */
export function checkReceipt(record: ElectionRecordV2, receipt: SignedReceipt): RecordBoardEntry {
  const r = verifyReceipt(receipt, record.board.publicKey);
  if (r.pollId !== record.poll.pollId) fail('RECEIPT_MISMATCH', 'the receipt is for another poll');
  const heads = chainHeads(
    record.board.genesis,
    record.board.entries.map((e) => e.tracker),
  );
  const e = record.board.entries[r.position - 1];
  if (!e || e.tracker !== r.tracker)
    fail('RECEIPT_MISMATCH', `the board does not have this ballot at position ${r.position}`, {
      ballot: r.position - 1,
    });
  if (heads[r.position - 1] !== r.chainHead)
    fail(
      'RECEIPT_MISMATCH',
      `the chain through position ${r.position} is not the one the receipt shows`,
      {
        ballot: r.position - 1,
      },
    );
  return boardOf(record)[r.position - 1];
}
