/**
 * Signatures by several signers: the secretary (记录人) and the presiding chair sign the minutes,
 * tellers (监票人) sign each tally. A signature is a statement — who, in which role, over which
 * hash, when, with which key — and the signature over that statement's canonical bytes:
 *
 *   signed bytes = RFC 8785 canonical JSON of the signature object without `signature`,
 *                  with `"context": "congress-minutes/1/signature"` added (domain separation)
 *
 * so a signature made for one document, role, time or key verifies for no other.
 */
import { canonicalBytes, hashJson } from './jcs.js';
import { isHex, toBase32, fromHex, groupsOf4 } from './bytes.js';
import { MinutesError } from './errors.js';
import { scheme, type SignatureAlgorithm } from './algorithms.js';
import type { MinutesDocument, Tally } from './model.js';
import { talliesOf } from './assemble.js';

export const SIGNATURE_CONTEXT = 'congress-minutes/1/signature';
export const PUBLIC_KEY_CONTEXT = 'congress-minutes/1/public-key';

export const SIGNER_ROLES = ['secretary', 'chair', 'teller'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
export const ROLE_LABELS: Record<SignerRole, string> = {
  secretary: '记录人（秘书）',
  chair: '会议主持人（执行主席）',
  teller: '监票人',
};

export type SignatureSubject =
  { kind: 'minutes'; hash: string } | { kind: 'tally'; pollId: string; hash: string };

export interface PublicKeyInfo {
  algorithm: SignatureAlgorithm;
  /** Ed25519: 32 bytes; SM2: 65 bytes uncompressed (04 ‖ x ‖ y); lowercase hex. */
  publicKey: string;
  /** SHA-256 of canonical {context, algorithm, publicKey}; lowercase hex. */
  fingerprint: string;
}

export interface MinutesSignature {
  version: 1;
  role: SignerRole;
  /** The signer's name as the minutes give it (recorder, a chair, a teller). */
  signer: string;
  subject: SignatureSubject;
  algorithm: SignatureAlgorithm;
  publicKey: string;
  keyFingerprint: string;
  /** ISO 8601 UTC. */
  signedAt: string;
  /** Ed25519: 64 bytes R ‖ S; SM2: 64 bytes r ‖ s (big-endian); lowercase hex. */
  signature: string;
}

/** What a signer needs to sign (the private key never leaves the signer's browser). */
export interface SigningKey extends PublicKeyInfo {
  privateKey: Uint8Array;
}

export function keyFingerprint(algorithm: SignatureAlgorithm, publicKey: string): string {
  return hashJson({ context: PUBLIC_KEY_CONTEXT, algorithm, publicKey });
}

/** For people: the first 10 bytes of a fingerprint in base32, `ABCD-EFGH-IJKL-MNOP`. */
export function shortFingerprint(fingerprint: string): string {
  return groupsOf4(toBase32(fromHex(fingerprint, 32, 'fingerprint').subarray(0, 10)));
}

/** The document hash the secretary and chair sign: SHA-256 of its canonical JSON. */
export const documentHash = (doc: MinutesDocument): string => hashJson(doc);

/** The hash tellers sign for one poll: SHA-256 of the tally object's canonical JSON. */
export const tallyHash = (tally: Tally): string => hashJson(tally);

export function signedBytes(sig: Omit<MinutesSignature, 'signature'>): Uint8Array {
  const { signature: _drop, ...statement } = sig as MinutesSignature;
  return canonicalBytes({ ...statement, context: SIGNATURE_CONTEXT });
}

export function sign(
  key: SigningKey,
  statement: { role: SignerRole; signer: string; subject: SignatureSubject; signedAt: string },
): MinutesSignature {
  const body: Omit<MinutesSignature, 'signature'> = {
    version: 1,
    role: statement.role,
    signer: statement.signer,
    subject: statement.subject,
    algorithm: key.algorithm,
    publicKey: key.publicKey,
    keyFingerprint: key.fingerprint,
    signedAt: statement.signedAt,
  };
  const s = scheme(key.algorithm);
  return { ...body, signature: s.sign(signedBytes(body), key.privateKey, key.publicKey) };
}

/** The secretary's or chair's signature over the whole document. */
export const signMinutes = (
  key: SigningKey,
  doc: MinutesDocument,
  role: 'secretary' | 'chair',
  signer: string,
  signedAt: string,
): MinutesSignature =>
  sign(key, { role, signer, signedAt, subject: { kind: 'minutes', hash: documentHash(doc) } });

/** A teller's signature over one tally. */
export const signTally = (key: SigningKey, tally: Tally, signer: string, signedAt: string) =>
  sign(key, {
    role: 'teller',
    signer,
    signedAt,
    subject: { kind: 'tally', pollId: tally.pollId, hash: tallyHash(tally) },
  });

/**
 * Checks one signature on its own: known algorithm, well-formed fields, fingerprint of the public
 * key, and the signature over the statement. Throws MinutesError; returns nothing.
 */
export function verifySignature(sig: MinutesSignature): void {
  if (typeof sig !== 'object' || sig === null || sig.version !== 1)
    throw new MinutesError('BAD_ENCODING', '签名对象格式不正确');
  const s = scheme(sig.algorithm);
  if (!isHex(sig.publicKey, s.publicKeyBytes) || !s.validPublicKey(sig.publicKey))
    throw new MinutesError('BAD_ENCODING', '公钥格式不正确', { field: 'publicKey' });
  if (!isHex(sig.signature, s.signatureBytes))
    throw new MinutesError('BAD_ENCODING', '签名值格式不正确', { field: 'signature' });
  if (keyFingerprint(sig.algorithm, sig.publicKey) !== sig.keyFingerprint)
    throw new MinutesError('FINGERPRINT_MISMATCH');
  if (!SIGNER_ROLES.includes(sig.role)) throw new MinutesError('BAD_ENCODING', '签名角色不正确');
  if (!s.verify(signedBytes(sig), sig.signature, sig.publicKey))
    throw new MinutesError(
      'BAD_SIGNATURE',
      `${ROLE_LABELS[sig.role]}「${sig.signer}」的签名验证失败`,
    );
}

export interface SignaturePolicy {
  /** Roles that must sign the whole minutes (default: secretary and chair). */
  minutesRoles?: readonly ('secretary' | 'chair')[];
  /**
   * Teller signatures each tally needs: a number, or `all` tellers the minutes list (default 1,
   * or 0 when the minutes name no tellers).
   */
  tellersPerTally?: number | 'all';
}

export interface SignatureCheck {
  index: number;
  role: SignerRole;
  signer: string;
  subject: SignatureSubject;
  ok: boolean;
  error: { code: string; message: string } | null;
}

export interface SignaturesReport {
  ok: boolean;
  checks: SignatureCheck[];
  /** What is still missing, in Chinese, e.g. 缺少会议主持人（执行主席）的签名. */
  missing: string[];
  /** The first failure (a bad signature first, then a missing one). */
  firstFailure: { code: string; message: string; index?: number } | null;
}

/**
 * Checks every signature against the document (each one valid, over this document or one of its
 * tallies, by a person the minutes name in that role) and the required set of roles.
 */
export function checkSignatures(
  doc: MinutesDocument,
  signatures: readonly MinutesSignature[],
  policy: SignaturePolicy = {},
): SignaturesReport {
  const docHash = documentHash(doc);
  const tallies = new Map(talliesOf(doc).map(({ tally }) => [tally.pollId, tally]));
  const tellerNames = new Set(doc.tellers.map((t) => t.name));
  const chairNames = new Set(doc.chairs.map((c) => c.name));
  const checks: SignatureCheck[] = signatures.map((sig, index) => {
    const base = { index, role: sig?.role, signer: sig?.signer, subject: sig?.subject };
    try {
      verifySignature(sig);
      checkSubject(sig, docHash, tallies);
      const named =
        sig.role === 'secretary'
          ? sig.signer === doc.recorder.name
          : sig.role === 'chair'
            ? chairNames.has(sig.signer)
            : tellerNames.has(sig.signer);
      if (!named)
        throw new MinutesError(
          'WRONG_SIGNER',
          `「${sig.signer}」不是会议记录所载的${ROLE_LABELS[sig.role]}`,
        );
      return { ...base, ok: true, error: null };
    } catch (e) {
      const err = e instanceof MinutesError ? e : new MinutesError('BAD_ENCODING', String(e));
      return { ...base, ok: false, error: { code: err.code, message: err.detail } };
    }
  });

  const valid = checks.filter((c) => c.ok);
  const missing: string[] = [];
  for (const role of policy.minutesRoles ?? (['secretary', 'chair'] as const))
    if (!valid.some((c) => c.role === role && c.subject.kind === 'minutes'))
      missing.push(`缺少${ROLE_LABELS[role]}对会议记录的签名`);
  // Minutes that name no tellers have nobody to sign their tallies: the verifiers say so in a
  // note (tellerNotes) instead of failing every such record for good.
  const need = policy.tellersPerTally ?? (tellerNames.size > 0 ? 1 : 0);
  for (const [pollId, tally] of tallies) {
    const signers = new Set(
      valid
        .filter((c) => c.subject.kind === 'tally' && c.subject.pollId === pollId)
        .map((c) => c.signer),
    );
    const required = need === 'all' ? tellerNames.size : need;
    if (signers.size < required)
      missing.push(
        `「${tally.title}」的计票结果需 ${required} 名监票人签名，现有 ${signers.size} 名`,
      );
  }
  const bad = checks.find((c) => !c.ok);
  const firstFailure = bad
    ? { ...bad.error!, index: bad.index }
    : missing.length > 0
      ? { code: 'MISSING_SIGNATURE', message: missing[0]! }
      : null;
  return { ok: firstFailure === null, checks, missing, firstFailure };
}

function checkSubject(sig: MinutesSignature, docHash: string, tallies: Map<string, Tally>): void {
  const subject = sig.subject;
  if (subject?.kind === 'minutes') {
    if (sig.role === 'teller')
      throw new MinutesError('WRONG_SUBJECT', '监票人签署的是计票结果，不是整份会议记录');
    if (subject.hash !== docHash)
      throw new MinutesError('WRONG_SUBJECT', '签名所签的不是本会议记录');
    return;
  }
  if (subject?.kind === 'tally') {
    if (sig.role !== 'teller') throw new MinutesError('WRONG_SUBJECT', '计票结果由监票人签署');
    const tally = tallies.get(subject.pollId);
    if (!tally) throw new MinutesError('WRONG_SUBJECT', '所签的表决不在本会议记录中');
    if (subject.hash !== tallyHash(tally))
      throw new MinutesError('WRONG_SUBJECT', `监票人所签的计票结果与「${tally.title}」不符`);
    return;
  }
  throw new MinutesError('BAD_ENCODING', '签名对象缺少所签内容（subject）');
}
