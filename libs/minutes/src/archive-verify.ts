/**
 * The whole archive, verified offline: its entries with the content each one archives (the
 * minutes as canonical JSON, an election record as libs/ballot writes it) and the signatures of
 * the minutes. verifyArchive walks the chain, checks every content hash, every signature, every
 * election record against the minutes it belongs to and every correction's link, names the first
 * failure with its entry (seq), and reports the four properties (真实性, 完整性, 可用性, 安全性).
 * The api exports this format (`GET /api/archive/export`) and checks its own database with it.
 */
import { verifyChain, type ArchiveEntry } from './archive.js';
import { fileBytes, type OpennessRecordsContent } from './archived-file.js';
import { talliesOf } from './assemble.js';
import { utf8 } from './bytes.js';
import { MinutesError } from './errors.js';
import { hashJson, parseCanonical } from './jcs.js';
import type { MinutesDocument } from './model.js';
import { PropertyChecks, StopChecks, type PropertiesReport } from './properties.js';
import {
  checkAlgorithms,
  checkElectionRecord,
  custodianNotes,
  tellerNotes,
  secretField,
  type ElectionRecordFile,
} from './records.js';
import { checkSignatures, type MinutesSignature, type SignaturePolicy } from './signatures.js';
import { validateMinutes } from './validate.js';

export const ARCHIVE_EXPORT_FORMAT = 'congress-archive' as const;

/** One archive entry with what it archives. */
export interface ArchiveRecord {
  entry: ArchiveEntry;
  /**
   * The archived content as stored (text): minutes and corrections as canonical JSON (RFC 8785),
   * an election record `{ pollId, record }` in libs/ballot's member order. `contentHash` is the
   * SHA-256 of its canonical form. Null when the content is kept elsewhere.
   */
  content: string | null;
  /** The signatures of minutes and corrections (they authenticate themselves); else null. */
  signatures: MinutesSignature[] | null;
}

export interface ArchiveExport {
  format: typeof ARCHIVE_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  /** The chain from its first entry, in seq order. */
  entries: ArchiveRecord[];
}

export interface ArchiveReport extends PropertiesReport {
  /** Entries in the export. */
  entries: number;
  /** The last entry when the chain verified (seq and hash to write down for the next check). */
  head: { seq: number; hash: string } | null;
}

const isDocumentKind = (kind: string) => kind === 'minutes' || kind === 'correction';

/**
 * Verifies an archive export completely. Never throws for a bad archive: the report says what
 * failed. `head`: the head hash recorded at an earlier check (a rewritten last entry shows only
 * against it); `policy`: the signatures every minutes needs (default: recorder and chair, at
 * least one teller per tally).
 */
export function verifyArchive(
  input: unknown,
  opts: { head?: string; policy?: SignaturePolicy } = {},
): ArchiveReport {
  const checks = new PropertyChecks();
  let records: ArchiveRecord[] = [];
  let head: ArchiveReport['head'] = null;
  let completed = false;
  const docs = new Map<number, MinutesDocument>();
  const parsed = new Map<number, unknown>();
  const at = (r: ArchiveRecord) => ({ seq: r.entry.seq });

  try {
    checks.run(
      'usability',
      '档案导出文件可读（congress-archive 第 1 版，每条含条目、内容和签名）',
      () => {
        records = readExport(input);
      },
      true,
    );

    checks.run(
      'integrity',
      '档案链逐条验证：每条的哈希、序号连续、前一哈希衔接、链接只指向在前的条目、时间不倒序' +
        (opts.head ? '，链头与此前记录的链头一致' : ''),
      () => {
        const report = verifyChain(
          records.map((r) => r.entry),
          { head: opts.head },
        );
        if (!report.ok) {
          const f = report.firstFailure!;
          throw new MinutesError(f.code, f.reason, f.seq === null ? {} : { seq: f.seq });
        }
        const last = records.at(-1)?.entry;
        head = last ? { seq: last.seq, hash: last.hash } : null;
        checks.notes.integrity.push(
          head ? `共 ${records.length} 条；链头第 ${head.seq} 号 ${head.hash}` : '档案为空',
        );
      },
    );

    checks.run('integrity', '每条档案的内容与其登记的内容哈希（SHA-256）一致', () => {
      const missing: number[] = [];
      for (const r of records) {
        if (r.content === null) {
          missing.push(r.entry.seq);
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(r.content);
        } catch {
          throw new MinutesError(
            'ENTRY_HASH_MISMATCH',
            `第 ${r.entry.seq} 号条目的内容不是 JSON`,
            at(r),
          );
        }
        parsed.set(r.entry.seq, value);
        if (hashJson(value) !== r.entry.contentHash)
          throw new MinutesError(
            'ENTRY_HASH_MISMATCH',
            `第 ${r.entry.seq} 号条目的内容已被改动（与登记的内容哈希不符）`,
            at(r),
          );
      }
      if (missing.length)
        checks.notes.integrity.push(`第 ${missing.join('、')} 号条目的内容未随导出提供，未核对`);
    });

    checks.run(
      'integrity',
      '档案中保存的文件（厂务公开记录表 PDF）可读出，其字节与登记的 SHA-256 一致',
      () => {
        for (const r of records) {
          if (r.entry.kind !== 'openness_records') continue;
          const content = parsed.get(r.entry.seq) as OpennessRecordsContent | undefined;
          if (!content) continue; // content not in the export (noted under 完整性)
          if (content.format !== 'openness-records' || typeof content.file !== 'object')
            throw new MinutesError(
              'BAD_ENCODING',
              `第 ${r.entry.seq} 号条目不是厂务公开记录表（openness-records）`,
              at(r),
            );
          fileBytes(content.file, at(r));
        }
      },
    );

    checks.run(
      'usability',
      '会议记录和更正记录是规范化 JSON（RFC 8785），且符合会议记录格式第 1 版',
      () => {
        for (const r of records) {
          if (!isDocumentKind(r.entry.kind) || r.content === null) continue;
          const value = parseCanonical(utf8(r.content), `第 ${r.entry.seq} 号条目`);
          const errors = validateMinutes(value);
          if (errors.length > 0)
            throw new MinutesError(
              'INVALID_DOCUMENT',
              `第 ${r.entry.seq} 号条目：${errors[0]!.field}：${errors[0]!.message}（共 ${errors.length} 处）`,
              at(r),
            );
          docs.set(r.entry.seq, value as unknown as MinutesDocument);
        }
      },
    );

    checks.run(
      'authenticity',
      '每份会议记录的签名都用其公钥验证通过，所签的正是该记录或其中的计票结果，签名人是记录所载人员，且签名齐全',
      () => {
        for (const r of records) {
          const doc = docs.get(r.entry.seq);
          if (!doc) continue;
          const report = checkSignatures(doc, r.signatures ?? [], opts.policy);
          if (!report.ok)
            throw new MinutesError(
              report.firstFailure!.code as MinutesError['code'],
              `第 ${r.entry.seq} 号条目（${doc.title}）：${report.firstFailure!.message}`,
              at(r),
            );
        }
      },
    );

    checks.run(
      'authenticity',
      '每份选举（表决）记录经 libs/ballot 验证，属于所登记会议记录中的无记名表决，解密票数与记录一致；每项无记名表决都有其选举记录',
      () => electionRecords(records, docs, parsed),
    );

    checks.run(
      'integrity',
      '更正记录链接到所更正的会议记录，记录中的更正说明与档案链接一致',
      () => {
        const kinds = new Map(records.map((r) => [r.entry.seq, r.entry.kind]));
        for (const r of records) {
          const doc = docs.get(r.entry.seq);
          if (!doc) continue;
          const target = r.entry.links.corrects;
          const ok =
            r.entry.kind === 'minutes'
              ? doc.corrects === null
              : target !== undefined &&
                isDocumentKind(kinds.get(target) ?? '') &&
                doc.corrects?.seq === target;
          if (!ok)
            throw new MinutesError(
              'BAD_LINK',
              `第 ${r.entry.seq} 号条目的更正关系与其内容不符`,
              at(r),
            );
        }
      },
    );

    checks.run(
      'security',
      '签名算法均在允许范围内（Ed25519、SM2/SM3），档案内容和签名中没有私钥、口令或恢复码等保密信息',
      () => {
        for (const r of records) {
          checkAlgorithms(r.signatures ?? [], at(r));
          const leak = secretField([parsed.get(r.entry.seq) ?? null, r.signatures]);
          if (leak)
            throw new MinutesError(
              'SECRET_LEAKED',
              `第 ${r.entry.seq} 号条目含有字段 ${leak}`,
              at(r),
            );
        }
      },
    );
    for (const doc of docs.values()) {
      checks.notes.security.push(...custodianNotes(doc));
      checks.notes.authenticity.push(...tellerNotes(doc));
    }
    completed = true;
  } catch (e) {
    if (!(e instanceof StopChecks)) throw e;
  }
  return { ...checks.report(completed), entries: records.length, head };
}

function readExport(input: unknown): ArchiveRecord[] {
  const x = input as Partial<ArchiveExport> | null;
  if (typeof x !== 'object' || x === null || x.format !== ARCHIVE_EXPORT_FORMAT || x.version !== 1)
    throw new MinutesError('BAD_BUNDLE', '不是档案导出文件（congress-archive 第 1 版）');
  if (!Array.isArray(x.entries)) throw new MinutesError('BAD_BUNDLE', '档案导出文件缺少条目列表');
  x.entries.forEach((r, i) => {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.entry === 'object' &&
      r.entry !== null &&
      (r.content === null || typeof r.content === 'string') &&
      (r.signatures === null || Array.isArray(r.signatures));
    if (!ok) throw new MinutesError('BAD_BUNDLE', `第 ${i + 1} 条记录格式不正确`);
  });
  return x.entries;
}

/** Every election record belongs to a secret tally of the minutes it names; every such tally has one. */
function electionRecords(
  records: ArchiveRecord[],
  docs: Map<number, MinutesDocument>,
  parsed: Map<number, unknown>,
): void {
  const found = new Set<string>();
  for (const r of records) {
    if (r.entry.kind !== 'election_record') continue;
    const where = { seq: r.entry.seq };
    const owner = r.entry.links.partOf;
    const doc = owner === undefined ? undefined : docs.get(owner);
    if (!doc)
      throw new MinutesError(
        'ELECTION_RECORD_FAILED',
        `第 ${r.entry.seq} 号选举记录未链接到档案中的会议记录`,
        where,
      );
    const file = parsed.get(r.entry.seq) as ElectionRecordFile | undefined;
    if (!file) continue; // content not in the export (noted under 完整性)
    const tally = talliesOf(doc).find((t) => t.tally.pollId === file.pollId)?.tally;
    if (!tally?.method.secret)
      throw new MinutesError(
        'ELECTION_RECORD_FAILED',
        `第 ${r.entry.seq} 号选举记录不属于第 ${owner} 号会议记录中的无记名表决`,
        where,
      );
    checkElectionRecord(tally, file, where);
    found.add(`${owner}/${file.pollId}`);
  }
  // A correction keeps the election records archived with the minutes it corrects.
  const corrected = new Map(records.map((r) => [r.entry.seq, r.entry.links.corrects]));
  const archivedFor = (seq: number | undefined, pollId: string): boolean =>
    seq !== undefined && (found.has(`${seq}/${pollId}`) || archivedFor(corrected.get(seq), pollId));
  for (const [seq, doc] of docs)
    for (const { tally } of talliesOf(doc))
      if (tally.method.secret && !archivedFor(seq, tally.pollId)) {
        const missingContent = records.some(
          (r) => r.entry.kind === 'election_record' && r.entry.links.partOf === seq && !r.content,
        );
        if (!missingContent)
          throw new MinutesError(
            'MISSING_FILE',
            `第 ${seq} 号会议记录中「${tally.title}」的选举记录未归档`,
            { seq },
          );
      }
}
