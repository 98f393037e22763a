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

const failedText = (code: string, message: string) => `${codeText(code)}（${code}：${message}）`;

function shortOf(tracker: string): string {
  try {
    return shortCode(tracker);
  } catch {
    return '';
  }
}

/** A version 1 key with one trustee is the server's custodian key (不对运维方保密). */
const custodianV1 = (record: ElectionRecord) =>
  record.key?.version === 1 && record.key.trustees?.length === 1;

function verifyV1(record: ElectionRecord): VerifyReport {
  const label = '第 1 版记录：选举密钥、每张选票的证明、密文合计、解密及计票结果';
  try {
    const r = verifyElectionRecord(record);
    return {
      version: 1,
      ok: true,
      checks: [
        { label, status: 'passed', detail: `公告板选票 ${r.board.length}，计入 ${r.counted}` },
      ],
      board: r.board.map((b) => ({
        position: b.index + 1,
        tracker: b.tracker ?? '',
        shortCode: b.tracker ? shortOf(b.tracker) : '',
        counted: b.counted,
        ...(b.error ? { why: codeText(b.error.code) } : {}),
      })),
      counts: r.result.counts.map((values) => ({ labels: [], values })),
      custodian: custodianV1(record),
    };
  } catch (e) {
    if (!(e instanceof BallotError)) throw e;
    const detail = failedText(e.code, e.message);
    return {
      version: 1,
      ok: false,
      checks: [{ label, status: 'failed', detail }],
      failure: `${label}：${detail}`,
      board: [],
      custodian: custodianV1(record),
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
        ? failedText(c.error!.code, c.error!.message)
        : c.status === 'skipped'
          ? '未检查（前一项未通过）'
          : factsText(c.facts),
  }));
  const failed = r.firstFailure;
  return {
    version: 2,
    ok: r.ok,
    checks,
    ...(failed
      ? {
          failure: `${CHECK_TEXT[failed.name]}：${failedText(failed.error!.code, failed.error!.message)}`,
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

/** Verifies a version 1 or 2 record, chosen by its `version` field. */
export function verifyRecord(record: unknown): VerifyReport {
  const version = (record as { version?: unknown } | null)?.version;
  if (version === 1) return verifyV1(record as ElectionRecord);
  if (version === 2) return verifyV2(record as ElectionRecordV2);
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
