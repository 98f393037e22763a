/**
 * The permanent archive as a hash chain. Each entry names what it archives by the SHA-256 of its
 * content and holds the previous entry's hash; its own hash is over all of that. An archived
 * record is never edited: a correction is a new entry whose `links.corrects` names the seq of the
 * entry it corrects. verifyChain names the first entry that breaks the chain and why.
 */
import { isHex, isIsoUtc } from './bytes.js';
import { MinutesError, type MinutesErrorCode } from './errors.js';
import { hashJson } from './jcs.js';

export const ARCHIVE_KINDS = [
  'minutes',
  'correction',
  'election_record',
  'tally',
  'resolution',
  'publication',
  'proposals_report',
  'openness_records',
] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export const ARCHIVE_KIND_LABELS: Record<ArchiveKind, string> = {
  minutes: '会议记录',
  correction: '更正记录',
  election_record: '选举（表决）记录',
  tally: '计票结果',
  resolution: '决议',
  publication: '厂务公开记录',
  proposals_report: '提案办理情况报告',
  openness_records: '厂务公开记录表（年度）',
};

/** The hash before the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ArchiveLinks {
  /** The seq of the entry this one corrects (kind `correction`). */
  corrects?: number;
  /** The seq of the minutes this record belongs to (e.g. an election record of that session). */
  partOf?: number;
}

export interface ArchiveEntry {
  version: 1;
  /** 1, 2, 3, … with no gaps. */
  seq: number;
  kind: ArchiveKind;
  /** What a person reads in the archive list, e.g. 第五届职代会第二次会议记录. */
  title: string;
  /** SHA-256 (hex) of the archived content's canonical JSON (or of the file's bytes). */
  contentHash: string;
  /** `hash` of the entry before, GENESIS_HASH for seq 1. */
  previousHash: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  links: ArchiveLinks;
  /** SHA-256 of the canonical JSON of every other field. */
  hash: string;
}

export type UnhashedEntry = Omit<ArchiveEntry, 'hash'>;

export const entryHash = (e: UnhashedEntry): string => {
  const { hash: _drop, ...rest } = e as ArchiveEntry;
  return hashJson(rest);
};

/** The next entry after `previous` (or the first one when there is none). */
export function nextEntry(
  previous: ArchiveEntry | null,
  content: {
    kind: ArchiveKind;
    title: string;
    contentHash: string;
    createdAt: string;
    links?: ArchiveLinks;
  },
): ArchiveEntry {
  const entry: UnhashedEntry = {
    version: 1,
    seq: previous ? previous.seq + 1 : 1,
    kind: content.kind,
    title: content.title,
    contentHash: content.contentHash,
    previousHash: previous ? previous.hash : GENESIS_HASH,
    createdAt: content.createdAt,
    links: content.links ?? {},
  };
  const problem = entryProblem(entry, previous);
  if (problem) throw new MinutesError(problem.code, problem.reason, { seq: entry.seq });
  return { ...entry, hash: entryHash(entry) };
}

export interface ChainFailure {
  /** Index in the list given. */
  index: number;
  seq: number | null;
  code: MinutesErrorCode;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked before the first failure (all of them when ok). */
  checked: number;
  /** Hash of the last good entry (the head when ok). */
  head: string | null;
  firstFailure: ChainFailure | null;
}

/**
 * Checks a chain, or a segment of one: each entry's hash, consecutive seqs, each previousHash the
 * hash of the entry before (GENESIS_HASH before seq 1; `anchor` before a segment that starts
 * later, when the caller knows it), links to earlier entries only, times never going back; and,
 * when `head` is given (the head hash recorded at the last check), that the chain still ends there.
 */
export function verifyChain(
  entries: readonly ArchiveEntry[],
  opts: { anchor?: string; head?: string } = {},
): ChainReport {
  let previous: ArchiveEntry | null = null;
  for (let index = 0; index < entries.length; index++) {
    const e = entries[index]!;
    const fail = (code: MinutesErrorCode, reason: string): ChainReport => ({
      ok: false,
      checked: index,
      head: previous?.hash ?? null,
      firstFailure: { index, seq: Number.isSafeInteger(e?.seq) ? e.seq : null, code, reason },
    });
    const shape = shapeProblem(e);
    if (shape) return fail('BAD_ENCODING', shape);
    if (entryHash(e) !== e.hash)
      return fail('ENTRY_HASH_MISMATCH', `第 ${e.seq} 号条目的内容已被改动（哈希值不符）`);
    if (previous === null) {
      const expected = e.seq === 1 ? GENESIS_HASH : opts.anchor;
      if (expected !== undefined && e.previousHash !== expected)
        return fail('BROKEN_LINK', `第 ${e.seq} 号条目与其前一条目不衔接`);
    } else {
      const problem = entryProblem(e, previous);
      if (problem) return fail(problem.code, problem.reason);
    }
    if (e.links.corrects !== undefined && e.links.corrects >= e.seq)
      return fail('BAD_LINK', `第 ${e.seq} 号条目更正的第 ${e.links.corrects} 号条目不在其前`);
    if (e.links.partOf !== undefined && e.links.partOf >= e.seq)
      return fail('BAD_LINK', `第 ${e.seq} 号条目所属的第 ${e.links.partOf} 号条目不在其前`);
    previous = e;
  }
  // The last entry is protected by nothing after it: only a head hash known from elsewhere (the
  // one published or recorded at the last check) shows that it was rewritten.
  if (opts.head !== undefined && previous?.hash !== opts.head) {
    const index = entries.length - 1;
    return {
      ok: false,
      checked: index,
      head: entries[index - 1]?.hash ?? null,
      firstFailure: {
        index,
        seq: previous?.seq ?? null,
        code: 'BROKEN_LINK',
        reason: '链头哈希与此前记录的链头不符（最后一条被改写或被删除）',
      },
    };
  }
  return { ok: true, checked: entries.length, head: previous?.hash ?? null, firstFailure: null };
}

function entryProblem(
  e: UnhashedEntry,
  previous: ArchiveEntry | null,
): { code: MinutesErrorCode; reason: string } | null {
  if (!previous) return null;
  if (e.seq !== previous.seq + 1)
    return {
      code: 'SEQUENCE_GAP',
      reason: `第 ${previous.seq} 号条目之后应为第 ${previous.seq + 1} 号，却是第 ${e.seq} 号（条目缺失或顺序被调换）`,
    };
  if (e.previousHash !== previous.hash)
    return {
      code: 'BROKEN_LINK',
      reason: `第 ${e.seq} 号条目记载的前一哈希与第 ${previous.seq} 号条目不符`,
    };
  if (Date.parse(e.createdAt) < Date.parse(previous.createdAt))
    return {
      code: 'TIME_REVERSED',
      reason: `第 ${e.seq} 号条目的时间早于第 ${previous.seq} 号条目`,
    };
  if (e.kind === 'correction' && e.links.corrects === undefined)
    return { code: 'BAD_LINK', reason: `第 ${e.seq} 号更正条目未指明所更正的条目` };
  return null;
}

function shapeProblem(e: ArchiveEntry): string | null {
  if (typeof e !== 'object' || e === null) return '条目不是对象';
  if (e.version !== 1) return '条目版本不正确';
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) return '条目序号不正确';
  if (!ARCHIVE_KINDS.includes(e.kind)) return `第 ${e.seq} 号条目的类别不正确`;
  if (typeof e.title !== 'string') return `第 ${e.seq} 号条目缺少标题`;
  for (const f of ['contentHash', 'previousHash', 'hash'] as const)
    if (!isHex(e[f], 32)) return `第 ${e.seq} 号条目的 ${f} 不是 32 字节十六进制`;
  if (!isIsoUtc(e.createdAt)) return `第 ${e.seq} 号条目的时间格式不正确`;
  if (typeof e.links !== 'object' || e.links === null || Array.isArray(e.links))
    return `第 ${e.seq} 号条目的 links 不正确`;
  for (const [k, v] of Object.entries(e.links))
    if (!['corrects', 'partOf'].includes(k) || !Number.isSafeInteger(v) || (v as number) < 1)
      return `第 ${e.seq} 号条目的 links.${k} 不正确`;
  const known = [
    'version',
    'seq',
    'kind',
    'title',
    'contentHash',
    'previousHash',
    'createdAt',
    'links',
    'hash',
  ];
  for (const k of Object.keys(e))
    if (!known.includes(k)) return `第 ${e.seq} 号条目含未知字段 ${k}`;
  return null;
}
