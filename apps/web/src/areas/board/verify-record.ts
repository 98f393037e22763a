/**
 * The public board's verifier: recomputes a published election record with libs/ballot and
 * says, in Chinese, which check held and which did not. Pure (runs in the verifier's Web Worker
 * and in a unit spec); the answer is plain data the page can show.
 *
 * Version 1 records (what the api publishes today) are checked with `verifyElectionRecord`, all
 * at once: key, every ballot's proofs, the encrypted sum, the decryption and the counts. Version
 * 2 records (RECORD.md) are checked with `verifyElectionRecordV2`, check by check.
 */
import {
  BallotError,
  type ElectionRecord,
  type ElectionRecordV2,
  findTracker,
  shortCode,
  verifyElectionRecord,
  verifyElectionRecordV2,
} from '@libs/ballot/src/index.js';
import {
  CHECK_TEXT,
  codeText,
  EXCLUSION_TEXT,
  factsText,
} from '@libs/ballot/src/record-wording.js';

export interface CheckLine {
  label: string;
  status: 'passed' | 'failed' | 'skipped';
  /** The numbers behind a passed check, or why it failed. */
  detail: string;
}

export interface BoardLine {
  position: number;
  shortCode: string;
  tracker: string;
  counted: boolean;
  /** Why it is not counted. */
  why?: string;
}

export interface VerifyReport {
  version: number;
  ok: boolean;
  checks: CheckLine[];
  /** The failed check's name and reason, for the headline. */
  failure?: string;
  board: BoardLine[];
  /** Recomputed counts with their labels (version 2), for people to hold against the result. */
  counts?: { labels: string[]; values: number[] }[];
  custodian: boolean;
}

/** What a person reads of a failure: the reason in Chinese and its code (for support). */
const failedText = (code: string) => `${codeText(code)}（${code}）`;

function shortOf(tracker: string): string {
  try {
    return shortCode(tracker);
  } catch {
    return '';
  }
}

const SKIPPED = '未检查（前一项未通过）';

/** A version 1 key with one trustee is the server's custodian key (不对运维方保密). */
const custodianV1 = (record: ElectionRecord) =>
  record.key?.version === 1 && record.key.trustees?.length === 1;

/**
 * `verifyElectionRecord` (version 1) checks in this order and stops at the first failure: the
 * stage a failure belongs to comes from its code; the stages before it held, those after it were
 * not reached. Ballots that fail their own proofs are not a failure of the record: they are not
 * counted, and the board says why.
 */
const V1_STAGES = [
  { label: '记录格式', codes: ['BAD_VERSION'] },
  { label: '表决事项与选票结构', codes: ['BAD_SHAPE'] },
  { label: '选举密钥', codes: ['BAD_KEY', 'TRUSTEE_PROOF_FAILED', 'WRONG_KEY', 'BAD_ENCODING'] },
  { label: '每张选票的加密证明', codes: [] },
  { label: '计入选票的密文合计', codes: ['TALLY_MISMATCH'] },
  {
    label: '监票人的部分解密及证明',
    codes: ['DECRYPTION_PROOF_FAILED', 'MISSING_TRUSTEE', 'COUNT_NOT_FOUND'],
  },
  { label: '计票结果', codes: ['RESULT_MISMATCH'] },
] as const;

function verifyV1(record: ElectionRecord): VerifyReport {
  const custodian = custodianV1(record);
  try {
    const r = verifyElectionRecord(record);
    const facts: Record<string, string> = {
      每张选票的加密证明: `公告板选票 ${r.board.length}，计入 ${r.counted}`,
      计票结果: r.result.counts.map((q) => q.join(' / ')).join('；'),
    };
    return {
      version: 1,
      ok: true,
      checks: V1_STAGES.map((s) => ({
        label: s.label,
        status: 'passed',
        detail: facts[s.label] ?? '',
      })),
      board: r.board.map((b) => ({
        position: b.index + 1,
        tracker: b.tracker ?? '',
        shortCode: b.tracker ? shortOf(b.tracker) : '',
        counted: b.counted,
        ...(b.error ? { why: codeText(b.error.code) } : {}),
      })),
      counts: r.result.counts.map((values) => ({ labels: [], values })),
      custodian,
    };
  } catch (e) {
    if (!(e instanceof BallotError)) throw e;
    const at = V1_STAGES.findIndex((s) => (s.codes as readonly string[]).includes(e.code));
    const detail = failedText(e.code);
    const checks: CheckLine[] =
      at < 0
        ? [{ label: '第 1 版记录', status: 'failed', detail }]
        : V1_STAGES.map((s, i) => ({
            label: s.label,
            status: i < at ? 'passed' : i === at ? 'failed' : 'skipped',
            detail: i === at ? detail : i > at ? SKIPPED : '',
          }));
    const failed = checks.find((c) => c.status === 'failed')!;
    return {
      version: 1,
      ok: false,
      checks,
      failure: `${failed.label}：${detail}`,
      board: [],
      custodian,
    };
  }
}

function verifyV2(record: ElectionRecordV2): VerifyReport {
  const r = verifyElectionRecordV2(record);
  const checks = r.checks.map((c): CheckLine => ({
    label: CHECK_TEXT[c.name],
    status: c.status,
    detail:
      c.status === 'failed'
        ? failedText(c.error!.code)
        : c.status === 'skipped'
          ? SKIPPED
          : factsText(c.facts),
  }));
  const failed = r.firstFailure;
  return {
    version: record.version,
    ok: r.ok,
    checks,
    ...(failed
      ? {
          failure: `${CHECK_TEXT[failed.name]}：${failedText(failed.error!.code)}`,
        }
      : {}),
    board: r.board.map((b) => ({
      position: b.position,
      tracker: b.tracker,
      shortCode: b.shortCode ?? shortOf(b.tracker),
      counted: b.counted,
      ...(b.exclusion
        ? {
            why:
              EXCLUSION_TEXT[b.exclusion.reason] +
              (b.exclusion.by ? `（由第 ${b.exclusion.by} 位取代）` : ''),
          }
        : {}),
    })),
    ...(r.counts
      ? { counts: r.counts.map((values, q) => ({ labels: r.labels?.[q] ?? [], values })) }
      : {}),
    custodian: record.key?.mode === 'custodian',
  };
}

/** Verifies a version 1, 2 or 3 (ballot slips) record, chosen by its `version` field. */
export function verifyRecord(record: unknown): VerifyReport {
  const version = (record as { version?: unknown } | null)?.version;
  if (version === 1) return verifyV1(record as ElectionRecord);
  if (version === 2 || version === 3) return verifyV2(record as ElectionRecordV2);
  const detail = `不支持的记录版本：${String(version)}`;
  return {
    version: Number(version) || 0,
    ok: false,
    checks: [{ label: '记录格式', status: 'failed', detail }],
    failure: detail,
    board: [],
    custodian: false,
  };
}

/** A receipt's short code (or full tracker) on the verified board, as the delegate typed it. */
export function findReceipt(report: VerifyReport, code: string): BoardLine | undefined {
  if (code.trim() === '') return undefined;
  return findTracker({ board: report.board.filter((b) => b.tracker !== '') }, code);
}
