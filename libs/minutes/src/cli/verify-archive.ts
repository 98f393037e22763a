/**
 * Verifies the whole archive offline: the chain link by link, every entry's content against its
 * hash, every signature of the minutes, every election record, every correction's link. Reads an
 * export (`GET /api/archive/export`) or, with a database URL, the api's `archive_entries` table
 * directly (read-only, no api needed):
 *
 *   npm run verify-archive -- <archive.json> [--head <hash>] [--json]
 *   npm run verify-archive -- --database-url postgres://… [--head <hash>] [--json]
 *   DATABASE_URL=postgres://… npm run verify-archive
 *
 * `--head`: the head hash written down at an earlier check (a rewritten last entry shows only
 * against it). Names the first bad entry (its seq) and prints the four properties (真实性, 完整性,
 * 可用性, 安全性). Exit code 0: verified; 1: a check failed; 2: bad usage, unreadable input.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import {
  ARCHIVE_EXPORT_FORMAT,
  verifyArchive,
  type ArchiveExport,
  type ArchiveKind,
  type ArchiveLinks,
} from '../index.js';
import { printProperties } from './print.js';

interface Row {
  seq: string;
  kind: ArchiveKind;
  title: string;
  content_hash: string;
  previous_hash: string;
  created_at: Date;
  links: ArchiveLinks;
  hash: string;
  content: string | null;
  signatures: string | null;
}

/** The archive as the api stores it (apps/api migration "minutes": table archive_entries). */
export async function readDatabase(url: string): Promise<ArchiveExport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET default_transaction_read_only = on');
    const { rows } = await client.query<Row>(
      `SELECT seq, kind, title, content_hash, previous_hash, created_at, links, hash, content, signatures
         FROM archive_entries ORDER BY seq`,
    );
    return {
      format: ARCHIVE_EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      entries: rows.map((r) => ({
        entry: {
          version: 1,
          seq: Number(r.seq),
          kind: r.kind,
          title: r.title,
          contentHash: r.content_hash,
          previousHash: r.previous_hash,
          createdAt: r.created_at.toISOString(),
          links: r.links,
          hash: r.hash,
        },
        content: r.content,
        signatures: r.signatures === null ? null : JSON.parse(r.signatures),
      })),
    };
  } finally {
    await client.end();
  }
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find(
  (a, i) => !a.startsWith('--') && !['--head', '--database-url'].includes(args[i - 1] ?? ''),
);
const url = option('--database-url') ?? (file ? undefined : process.env.DATABASE_URL);
if (!file && !url) {
  console.error(
    '用法：verify-archive <档案导出.json> | --database-url <PostgreSQL 地址> [--head <链头哈希>] [--json]',
  );
  process.exit(2);
}
let input: unknown;
try {
  input = file ? JSON.parse(readFileSync(file, 'utf8')) : await readDatabase(url!);
} catch (e) {
  console.error(`无法读取档案（${file ?? '数据库'}）：${(e as Error).message}`);
  process.exit(2);
}
const report = verifyArchive(input, { head: option('--head') });
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `档案共 ${report.entries} 条${report.head ? `；链头第 ${report.head.seq} 号 ${report.head.hash}` : ''}\n`,
  );
  const seq = report.firstFailure?.seq;
  printProperties(report, seq === undefined ? undefined : `（第 ${seq} 号条目）`);
}
process.exit(report.ok ? 0 : 1);
