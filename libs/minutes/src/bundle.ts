/**
 * The export bundle: one zip a third party can verify offline. It holds the signed minutes (JSON
 * and PDF), the signatures, the signers' public keys, the session's election records and the
 * archive chain segment that anchors the minutes. verifyBundle checks all of it, names the first
 * failure, and reports the four properties electronic-records practice checks on an archived
 * record (DA/T 70 四性检测): 真实性, 完整性, 可用性, 安全性 — each with what was checked.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { SignatureAlgorithm } from './algorithms.js';
import { verifyChain, type ArchiveEntry } from './archive.js';
import { fromUtf8, utf8 } from './bytes.js';
import { MinutesError, type MinutesErrorCode } from './errors.js';
import { talliesOf } from './assemble.js';
import { canonicalBytes, parseCanonical, sha256Hex } from './jcs.js';
import type { MinutesDocument } from './model.js';
import { embeddedFiles, pdfInfo } from './pdf-read.js';
import {
  checkSignatures,
  documentHash,
  type MinutesSignature,
  type SignaturePolicy,
  type SignerRole,
} from './signatures.js';
import { validateMinutes } from './validate.js';
import {
  PropertyChecks,
  StopChecks,
  type PropertyReport,
  type RecordsCheck,
  type RecordsFailure,
  type RecordsProperty,
} from './properties.js';
import {
  checkAlgorithms,
  checkElectionRecord,
  custodianNotes,
  tellerNotes,
  secretField,
  type ElectionRecordFile,
} from './records.js';

export { PROPERTY_LABELS, type PropertyReport, type RecordsProperty } from './properties.js';
export type { ElectionRecordFile } from './records.js';

export const BUNDLE_FORMAT = 'congress-minutes-bundle' as const;
export const FILES = {
  manifest: 'manifest.json',
  minutes: 'minutes.json',
  pdf: 'minutes.pdf',
  signatures: 'signatures.json',
  keys: 'keys.json',
  chain: 'archive/chain.json',
  records: 'election-records/',
} as const;

/** A signer's registered public key, as the bundle lists it. */
export interface SignerKey {
  name: string;
  role: SignerRole;
  algorithm: SignatureAlgorithm;
  publicKey: string;
  fingerprint: string;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  createdAt: string;
  documentHash: string;
  files: { path: string; sha256: string; size: number }[];
}

export interface BundleInput {
  document: MinutesDocument;
  pdf: Uint8Array;
  signatures: MinutesSignature[];
  keys: SignerKey[];
  electionRecords: ElectionRecordFile[];
  chain: ArchiveEntry[];
  createdAt: string;
}

const MAX_FILES = 10_000;
const MAX_TOTAL = 512 * 1024 * 1024;

const recordPath = (pollId: string) => `${FILES.records}${encodeURIComponent(pollId)}.json`;

/** Writes the bundle (deterministic for the same input: fixed order and times). */
export function buildBundle(input: BundleInput): Uint8Array {
  const files: [string, Uint8Array][] = [
    [FILES.minutes, canonicalBytes(input.document)],
    [FILES.pdf, input.pdf],
    [FILES.signatures, canonicalBytes(input.signatures)],
    [FILES.keys, canonicalBytes(input.keys)],
    [FILES.chain, canonicalBytes(input.chain)],
    // Election records keep libs/ballot's own member order (JSON.stringify): its verifier compares
    // serialised tallies, so the RFC 8785 order would fail it (see README, "Election records").
    ...input.electionRecords.map((r): [string, Uint8Array] => [
      recordPath(r.pollId),
      utf8(JSON.stringify(r)),
    ]),
  ];
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: 1,
    createdAt: input.createdAt,
    documentHash: documentHash(input.document),
    files: files.map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.length })),
  };
  const mtime = new Date(input.createdAt);
  const zip: Zippable = { [FILES.manifest]: [canonicalBytes(manifest), { mtime }] };
  for (const [path, bytes] of files)
    zip[path] = [bytes, { mtime, level: path === FILES.pdf ? 0 : 6 }];
  return zipSync(zip);
}

/** One check of a bundle (a file of the bundle in `error.file`). */
export type BundleCheck = RecordsCheck;

export interface BundleReport {
  ok: boolean;
  firstFailure: RecordsFailure | null;
  document: { title: string; reference: string; hash: string } | null;
  checks: BundleCheck[];
  properties: Record<RecordsProperty, PropertyReport>;
}

/**
 * Verifies a bundle completely, offline. Never throws for a bad bundle: the report says what
 * failed. `policy` is the signature policy (default: secretary and chair sign the minutes, at
 * least one teller each tally); `anchor` the hash the chain segment must continue from, if known.
 */
export function verifyBundle(
  bytes: Uint8Array,
  opts: { policy?: SignaturePolicy; anchor?: string } = {},
): BundleReport {
  const checks = new PropertyChecks();
  const check = checks.run.bind(checks);
  const notes = checks.notes;
  let document: BundleReport['document'] = null;
  let completed = false;

  try {
    let files: Record<string, Uint8Array> = {};
    check(
      'security',
      '压缩包中的文件名安全（无绝对路径、无“..”），文件数与大小在限度内',
      () => {
        files = openZip(bytes);
      },
      true,
    );

    let manifest!: Manifest;
    check(
      'integrity',
      '清单（manifest.json）列出的每个文件都在，且没有未列明的文件',
      () => {
        manifest = parseJson(files, FILES.manifest) as unknown as Manifest;
        if (manifest.format !== BUNDLE_FORMAT || manifest.version !== 1)
          throw new MinutesError('BAD_BUNDLE', '清单格式或版本不正确', { file: FILES.manifest });
        const listed = new Set(manifest.files.map((f) => f.path));
        for (const path of listed)
          if (!files[path])
            throw new MinutesError('MISSING_FILE', `缺少文件 ${path}`, { file: path });
        for (const path of Object.keys(files))
          if (path !== FILES.manifest && !listed.has(path))
            throw new MinutesError('MISSING_FILE', `含有清单未列明的文件 ${path}`, { file: path });
        for (const need of [FILES.minutes, FILES.pdf, FILES.signatures, FILES.keys, FILES.chain])
          if (!listed.has(need))
            throw new MinutesError('MISSING_FILE', `缺少文件 ${need}`, { file: need });
      },
      true,
    );
    check('integrity', '每个文件的 SHA-256 与清单一致', () => {
      for (const f of manifest.files)
        if (sha256Hex(files[f.path]!) !== f.sha256 || files[f.path]!.length !== f.size)
          throw new MinutesError('FILE_HASH_MISMATCH', `${f.path} 的哈希值与清单不符`, {
            file: f.path,
          });
    });

    let doc!: MinutesDocument;
    let docHash = '';
    check(
      'usability',
      '会议记录（minutes.json）是规范化 JSON（RFC 8785），且符合会议记录格式第 1 版',
      () => {
        const value = parseCanonical(files[FILES.minutes]!, FILES.minutes);
        const errors = validateMinutes(value);
        if (errors.length > 0)
          throw new MinutesError(
            'INVALID_DOCUMENT',
            `${errors[0]!.field}：${errors[0]!.message}（共 ${errors.length} 处）`,
            {
              file: FILES.minutes,
            },
          );
        doc = value as unknown as MinutesDocument;
        docHash = documentHash(doc);
        document = { title: doc.title, reference: doc.reference, hash: docHash };
      },
      true,
    );
    check('integrity', '清单记载的文档哈希等于会议记录的 SHA-256', () => {
      if (manifest.documentHash !== docHash)
        throw new MinutesError('FILE_HASH_MISMATCH', '清单记载的文档哈希与会议记录不符', {
          file: FILES.manifest,
        });
    });

    let signatures: MinutesSignature[] = [];
    let keys: SignerKey[] = [];
    check(
      'usability',
      '签名（signatures.json）和公钥（keys.json）可读',
      () => {
        signatures = parseJson(files, FILES.signatures) as unknown as MinutesSignature[];
        keys = parseJson(files, FILES.keys) as unknown as SignerKey[];
        if (!Array.isArray(signatures) || !Array.isArray(keys))
          throw new MinutesError('BAD_BUNDLE', '签名或公钥文件应为数组');
      },
      true,
    );
    check(
      'authenticity',
      '每个签名都用其公钥验证通过，所签的正是本会议记录或其中的计票结果，签名人是会议记录所载的记录人、主持人、监票人',
      () => {
        const report = checkSignatures(doc, signatures, opts.policy);
        const bad = report.checks.find((c) => !c.ok);
        if (bad)
          throw new MinutesError(
            bad.error!.code as MinutesErrorCode,
            `第 ${bad.index + 1} 个签名（${bad.signer}）：${bad.error!.message}`,
            {
              file: FILES.signatures,
            },
          );
      },
    );
    check(
      'authenticity',
      '必需的签名齐全：记录人和主持人签署会议记录，监票人签署每项计票结果',
      () => {
        const report = checkSignatures(doc, signatures, opts.policy);
        if (report.missing.length > 0)
          throw new MinutesError('MISSING_SIGNATURE', report.missing.join('；'), {
            file: FILES.signatures,
          });
      },
    );
    check('authenticity', '每个签名的公钥都在登记的签名人公钥（keys.json）中，指纹一致', () => {
      for (const s of signatures) {
        const k = keys.find((x) => x.fingerprint === s.keyFingerprint);
        if (
          !k ||
          k.publicKey !== s.publicKey ||
          k.algorithm !== s.algorithm ||
          k.name !== s.signer ||
          k.role !== s.role
        )
          throw new MinutesError(
            'FINGERPRINT_MISMATCH',
            `「${s.signer}」的签名公钥不在登记的公钥中`,
            { file: FILES.keys },
          );
      }
    });

    const tallies = talliesOf(doc);
    check(
      'authenticity',
      '每项无记名投票的选举（表决）记录都经 libs/ballot 验证（每张选票的证明、密文总和、解密证明），结果与会议记录所载票数一致',
      () => {
        for (const { tally } of tallies) {
          const path = recordPath(tally.pollId);
          if (!tally.method.secret) {
            if (files[path])
              throw new MinutesError(
                'ELECTION_RECORD_FAILED',
                `记名表决「${tally.title}」不应有加密选举记录`,
                { file: path },
              );
            continue;
          }
          if (!files[path])
            throw new MinutesError('MISSING_FILE', `缺少「${tally.title}」的选举记录`, {
              file: path,
            });
          let rec: ElectionRecordFile;
          try {
            rec = JSON.parse(fromUtf8(files[path]!, path)) as ElectionRecordFile;
          } catch (e) {
            if (e instanceof MinutesError) throw e;
            throw new MinutesError('ELECTION_RECORD_FAILED', `${path} 不是 JSON`, { file: path });
          }
          checkElectionRecord(tally, rec, { file: path });
        }
        const known = new Set(tallies.map((t) => recordPath(t.tally.pollId)));
        for (const path of Object.keys(files))
          if (path.startsWith(FILES.records) && !known.has(path))
            throw new MinutesError(
              'ELECTION_RECORD_FAILED',
              `选举记录 ${path} 不属于本会议记录的任何表决`,
              { file: path },
            );
      },
    );

    check(
      'integrity',
      '档案链片段逐条验证（每条的哈希、序号连续、前一哈希衔接），并有一条登记了本会议记录的哈希',
      () => {
        const chain = parseJson(files, FILES.chain) as unknown as ArchiveEntry[];
        if (!Array.isArray(chain) || chain.length === 0)
          throw new MinutesError('BAD_BUNDLE', '档案链片段为空', { file: FILES.chain });
        const report = verifyChain(chain, { anchor: opts.anchor });
        if (!report.ok) {
          const f = report.firstFailure!;
          throw new MinutesError(f.code, f.reason, {
            file: FILES.chain,
            ...(f.seq === null ? {} : { seq: f.seq }),
          });
        }
        const entry = chain.find((e) => e.contentHash === docHash);
        if (!entry)
          throw new MinutesError('BROKEN_LINK', '档案链中没有登记本会议记录哈希的条目', {
            file: FILES.chain,
          });
        const want = doc.corrects ? 'correction' : 'minutes';
        if (entry.kind !== want || (doc.corrects && entry.links.corrects !== doc.corrects.seq))
          throw new MinutesError(
            'BAD_LINK',
            `登记本会议记录的档案条目类别或更正关系不符（第 ${entry.seq} 号）`,
            { file: FILES.chain },
          );
        notes.integrity.push(
          `本会议记录登记于档案第 ${entry.seq} 号条目；片段第 ${chain[0]!.seq}–${chain.at(-1)!.seq} 号`,
        );
      },
    );

    check(
      'usability',
      'PDF 文件格式完整，声明为 PDF/A-3，内嵌的 minutes.json（作为来源文件）与会议记录逐字节相同、signatures.json 与签名文件相同',
      () => {
        const pdf = files[FILES.pdf]!;
        const info = pdfInfo(pdf);
        if (!info.wellFormed)
          throw new MinutesError('PDF_MISMATCH', '不是完整的 PDF 文件', { file: FILES.pdf });
        if (info.pdfa === null || !info.pdfa.startsWith('3'))
          throw new MinutesError('PDF_MISMATCH', 'PDF 未声明为 PDF/A-3', { file: FILES.pdf });
        let embedded;
        try {
          embedded = embeddedFiles(pdf);
        } catch (e) {
          throw new MinutesError('PDF_MISMATCH', `无法读取 PDF 内嵌文件：${(e as Error).message}`, {
            file: FILES.pdf,
          });
        }
        for (const name of [FILES.minutes, FILES.signatures]) {
          const f = embedded.find((x) => x.name === name);
          if (!f || !sameBytes(f.bytes, files[name]!))
            throw new MinutesError('PDF_MISMATCH', `PDF 内嵌的 ${name} 与导出包中的不同`, {
              file: FILES.pdf,
            });
        }
        if (embedded.find((x) => x.name === FILES.minutes)?.relationship !== 'Source')
          throw new MinutesError(
            'PDF_MISMATCH',
            'PDF 未将 minutes.json 标为其来源文件（AFRelationship /Source）',
            {
              file: FILES.pdf,
            },
          );
        notes.usability.push(
          `PDF ${info.version ?? ''}，PDF/A-${info.pdfa}，内嵌文件 ${embedded.map((x) => x.name).join('、')}`,
        );
      },
    );

    check(
      'security',
      '签名算法均在允许范围内（Ed25519、SM2/SM3），导出包中没有私钥、口令或恢复码等保密信息',
      () => {
        checkAlgorithms(signatures, { file: FILES.signatures });
        for (const [path, data] of Object.entries(files))
          if (path.endsWith('.json')) {
            const leak = secretField(JSON.parse(new TextDecoder().decode(data)));
            if (leak)
              throw new MinutesError('SECRET_LEAKED', `${path} 含有字段 ${leak}`, { file: path });
          }
      },
    );
    notes.security.push(...custodianNotes(doc));
    notes.authenticity.push(...tellerNotes(doc));
    notes.security.push(
      `签名算法：${[...new Set(signatures.map((s) => s.algorithm))].join('、') || '无'}；签名 ${signatures.length} 个`,
    );
    completed = true;
  } catch (e) {
    if (!(e instanceof StopChecks)) throw e;
  }
  const report = checks.report(completed);
  return {
    ok: report.ok,
    firstFailure: report.firstFailure,
    document,
    checks: report.checks,
    properties: report.properties,
  };
}

function openZip(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++count > MAX_FILES) throw new MinutesError('BAD_BUNDLE', '文件过多');
        total += f.originalSize;
        if (total > MAX_TOTAL) throw new MinutesError('BAD_BUNDLE', '解压后过大');
        if (f.name.startsWith('/') || f.name.split('/').includes('..') || f.name.includes('\\'))
          throw new MinutesError('BAD_BUNDLE', `不安全的文件名 ${f.name}`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof MinutesError) throw e;
    throw new MinutesError('BAD_BUNDLE', `不是有效的 zip 文件：${(e as Error).message}`);
  }
  for (const name of Object.keys(files)) if (name.endsWith('/')) delete files[name];
  return files;
}

function parseJson(files: Record<string, Uint8Array>, path: string) {
  const data = files[path];
  if (!data) throw new MinutesError('MISSING_FILE', `缺少文件 ${path}`, { file: path });
  return parseCanonical(data, path);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
