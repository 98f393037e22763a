/**
 * Checks shared by the bundle verifier and the archive verifier: a secret poll's election record
 * against the tally the minutes give, and the scan for secrets where only public data may be.
 */
import {
  fingerprintOf,
  recordElectionKey,
  verifyElectionRecord,
  verifyElectionRecordV2,
  type ElectionRecord,
  type ElectionRecordV2,
} from '../../ballot/src/index.js';
import { ALGORITHMS } from './algorithms.js';
import { countsMatrix } from './assemble.js';
import { MinutesError } from './errors.js';
import { canonicalJson } from './jcs.js';
import type { MinutesDocument, Tally } from './model.js';
import type { FailureWhere } from './properties.js';
import type { MinutesSignature } from './signatures.js';

export interface ElectionRecordFile {
  pollId: string;
  record: ElectionRecord | ElectionRecordV2;
}

/** The record's key fingerprint and recomputed counts, by its format version; throws on failure. */
function verified(record: ElectionRecord | ElectionRecordV2): {
  fingerprint: string;
  counts: number[][];
} {
  if ('version' in record && record.version === 2) {
    const report = verifyElectionRecordV2(record);
    if (!report.ok || !report.counts)
      throw new Error(report.firstFailure?.name ?? 'record version 2 does not verify');
    return {
      fingerprint: fingerprintOf(recordElectionKey(record.poll, record.key)),
      counts: report.counts,
    };
  }
  const v1 = record as ElectionRecord;
  return { fingerprint: fingerprintOf(v1.key), counts: verifyElectionRecord(v1).result.counts };
}

/**
 * The record verifies (libs/ballot: every ballot's proofs, the encrypted sum, the decryption
 * proofs, the result), belongs to this tally's poll, was made under the key the minutes name, and
 * decrypts to the counts the minutes give. Throws MinutesError (ELECTION_RECORD_FAILED).
 */
export function checkElectionRecord(
  tally: Tally,
  rec: ElectionRecordFile,
  where: FailureWhere = {},
): void {
  const fail = (detail: string) => new MinutesError('ELECTION_RECORD_FAILED', detail, { ...where });
  if (rec?.pollId !== tally.pollId) throw fail('选举记录所属的表决不符');
  if (!rec.record?.key) throw fail(`「${tally.title}」的选举记录没有密钥`);
  let counts: number[][];
  let fingerprint: string;
  try {
    ({ counts, fingerprint } = verified(rec.record));
  } catch (e) {
    throw fail(`「${tally.title}」的选举记录验证失败：${(e as Error).message}`);
  }
  if (fingerprint !== tally.method.keyFingerprint)
    throw fail(`「${tally.title}」的选举密钥指纹与会议记录不符`);
  if (canonicalJson(counts) !== canonicalJson(countsMatrix(tally.counts)))
    throw fail(`「${tally.title}」解密所得票数与会议记录不符`);
}

/** Field names that only secrets have (private keys, passphrases, recovery codes, key shares). */
const SECRET_NAMES =
  /^(privateKey|secretKey|secret|custodianSecret|passphrase|password|recoveryCode|seed)$/i;

/** The JSON path of the first field named like a secret that holds a value, or null. */
export function secretField(v: unknown, path = '$'): string | null {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = secretField(v[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      // A name that only secrets have, holding a value (not e.g. a poll's `secret: true` flag).
      if (SECRET_NAMES.test(k) && (typeof x === 'string' || (typeof x === 'object' && x !== null)))
        return `${path}.${k}`;
      const hit = secretField(x, `${path}.${k}`);
      if (hit) return hit;
    }
  return null;
}

/** Only Ed25519 and SM2/SM3 signatures. Throws MinutesError (UNKNOWN_ALGORITHM). */
export function checkAlgorithms(signatures: readonly MinutesSignature[], where: FailureWhere) {
  for (const s of signatures)
    if (!ALGORITHMS.includes(s.algorithm))
      throw new MinutesError('UNKNOWN_ALGORITHM', `不允许的签名算法 ${String(s.algorithm)}`, {
        ...where,
      });
}

/** The security notes of a document: its custodian-mode polls (不对运维方保密). */
export function custodianNotes(doc: MinutesDocument): string[] {
  return doc.agenda
    .flatMap((i) => i.tallies)
    .filter((t) => t.method.keyMode === 'custodian')
    .map(
      (t) =>
        `「${t.title}」为托管密钥模式：服务器持有唯一解密密钥，${t.method.custodianWarning ?? ''}`,
    );
}

/** The authenticity note of a document whose tallies no teller could sign (it names none). */
export function tellerNotes(doc: MinutesDocument): string[] {
  const tallies = doc.agenda.flatMap((i) => i.tallies).length;
  return tallies > 0 && doc.tellers.length === 0
    ? [`会议记录未载监票人：${tallies} 项计票结果没有监票人签名`]
    : [];
}
