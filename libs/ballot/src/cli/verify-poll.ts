#!/usr/bin/env node
/**
 * npm run verify-poll -- <record.json | URL> [--tracker CODE] [--receipt receipt.json]
 *
 * Anyone's check of a published secret-poll record: no database, no server code. Prints each
 * check, the counts with their labels and the decision; finds a tracker; holds the record against
 * a signed receipt. Exit code 0: every check passed (and the tracker / receipt was found);
 * 1: a check failed (named on the last line); 2: the record or the arguments could not be read.
 */
import { readFile } from 'node:fs/promises';
import { BallotError } from '../errors.js';
import { findTracker, verifyElectionRecord, type ElectionRecord } from '../record.js';
import { checkReceipt, verifyElectionRecordV2, type RecordReportV2 } from '../record-verify.js';
import type { ElectionRecordV2 } from '../record-v2.js';
import type { SignedReceipt } from '../board.js';
import { CHECK_TEXT, EXCLUSION_TEXT, codeText, factsText } from '../record-wording.js';

const out = (line = '') => process.stdout.write(line + '\n');

interface Args {
  source: string;
  tracker?: string;
  receipt?: string;
}

function parseArgs(argv: string[]): Args | string {
  const a: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--tracker' || v === '--receipt') {
      if (!argv[i + 1]) return `${v} 需要一个值`;
      a[v === '--tracker' ? 'tracker' : 'receipt'] = argv[++i];
    } else if (v.startsWith('--')) return `未知选项 ${v}`;
    else if (a.source) return '只能给出一个记录';
    else a.source = v;
  }
  return a.source ? (a as Args) : '缺少记录文件或网址';
}

async function readJSON(source: string): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source}：HTTP ${res.status}`);
    return res.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

function printV2(record: ElectionRecordV2, report: RecordReportV2): void {
  out(`表决：${String(record?.poll?.title)}（${String(record?.poll?.pollId)}）`);
  for (const c of report.checks) {
    const mark = c.status === 'passed' ? '✓' : c.status === 'failed' ? '✗' : '·';
    const facts = factsText(c.facts);
    const tail =
      c.status === 'failed'
        ? `未通过：${c.error!.code} ${codeText(c.error!.code)}（${c.error!.message}）`
        : c.status === 'skipped'
          ? '未检查'
          : facts;
    out(`${mark} ${CHECK_TEXT[c.name]}  ${tail}`);
  }
  if (record?.key?.mode === 'custodian')
    out('注意：本表决使用托管密钥（试用模式），不对运维方保密。');
  if (report.counts && report.labels) {
    out('计票：');
    report.counts.forEach((q, qi) =>
      out('  ' + q.map((n, ei) => `${report.labels![qi]?.[ei] ?? ei} ${n}`).join('，')),
    );
  }
  const decision = report.checks.find((c) => c.name === 'decision');
  if (decision?.status === 'passed')
    out(
      record.result.void
        ? '结论：收回的选票多于发出的选票，表决无效，须重新表决。'
        : `结论：${String(decision.facts.summary ?? '见记录')}`,
    );
}

function printTracker(
  report: {
    board: {
      position?: number;
      index?: number;
      tracker?: string;
      counted: boolean;
      exclusion?: { reason: keyof typeof EXCLUSION_TEXT; by?: number };
      error?: BallotError;
    }[];
  },
  code: string,
): boolean {
  const b = findTracker(report, code);
  if (!b) {
    out(`追踪码 ${code}：不在公告板上`);
    return false;
  }
  const where = b.position ?? (b.index ?? 0) + 1;
  const why = b.exclusion
    ? `${EXCLUSION_TEXT[b.exclusion.reason]}${b.exclusion.by ? `（第 ${b.exclusion.by} 位）` : ''}`
    : b.error
      ? codeText(b.error.code)
      : '';
  out(`追踪码 ${code}：公告板第 ${where} 位，${b.counted ? '已计入' : `未计入：${why}`}`);
  return true;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    out(`用法：npm run verify-poll -- <记录.json | 网址> [--tracker 追踪码] [--receipt 回执.json]`);
    out(args);
    return 2;
  }
  let record: unknown;
  try {
    record = await readJSON(args.source);
  } catch (e) {
    out(`无法读取记录：${(e as Error).message}`);
    return 2;
  }
  const version = (record as { version?: unknown })?.version;
  let ok: boolean;
  let board: Parameters<typeof printTracker>[0];
  let failure = '';
  if (version === 1) {
    try {
      const r = verifyElectionRecord(record as ElectionRecord);
      out(`✓ 第 1 版记录：${r.counted} 张选票计入，结果：${JSON.stringify(r.result.counts)}`);
      ok = true;
      board = r;
    } catch (e) {
      if (!(e instanceof BallotError)) throw e;
      failure = `${e.code} ${codeText(e.code)}（${e.message}）`;
      out(`✗ 第 1 版记录未通过：${failure}`);
      ok = false;
      board = { board: [] };
    }
  } else {
    const report = verifyElectionRecordV2(record as ElectionRecordV2);
    printV2(record as ElectionRecordV2, report);
    ok = report.ok;
    board = report;
    if (report.firstFailure)
      failure = `${CHECK_TEXT[report.firstFailure.name]}：${report.firstFailure.error!.code}`;
  }
  if (args.tracker && !printTracker(board, args.tracker)) ok = false;
  if (args.receipt) {
    try {
      const receipt = (await readJSON(args.receipt)) as SignedReceipt;
      const b = checkReceipt(record as ElectionRecordV2, receipt);
      out(
        `回执：签名有效，选票在公告板第 ${b.position} 位，哈希链与回执一致，${b.counted ? '已计入' : '未计入'}`,
      );
    } catch (e) {
      const code = e instanceof BallotError ? e.code : 'BAD_ENCODING';
      out(`✗ 回执不符：${code} ${codeText(code)}（${(e as Error).message}）`);
      failure ||= `回执：${code}`;
      ok = false;
    }
  }
  out(ok ? '全部检查通过。' : `未通过：${failure || '追踪码不在公告板上'}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
