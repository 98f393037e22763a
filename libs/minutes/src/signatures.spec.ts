import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { generateSigningKey } from './custody.js';
import {
  checkSignatures,
  documentHash,
  keyFingerprint,
  shortFingerprint,
  signedBytes,
  signMinutes,
  signTally,
  verifySignature,
} from './signatures.js';
import { tellerNotes } from './records.js';
import { seededRng, signedSample } from './testing.js';
import { scheme, type SignatureAlgorithm } from './algorithms.js';

const sample = signedSample();
const doc = sample.document;
const AT = '2026-03-21T02:10:00.000Z';

const flipHex = (hex: string, i: number) =>
  hex.slice(0, i) + (parseInt(hex[i]!, 16) ^ 1).toString(16) + hex.slice(i + 1);

describe.each<SignatureAlgorithm>(['ed25519', 'sm2-sm3'])('%s signatures', (algorithm) => {
  const key = generateSigningKey(algorithm, seededRng(`spec-${algorithm}`));
  const sig = signMinutes(key, doc, 'secretary', '王芳', AT);

  it('verify, and carry role, signer, time, key and fingerprint', () => {
    expect(() => verifySignature(sig)).not.toThrow();
    expect(sig).toMatchObject({
      version: 1,
      role: 'secretary',
      signer: '王芳',
      algorithm,
      publicKey: key.publicKey,
      keyFingerprint: keyFingerprint(algorithm, key.publicKey),
      signedAt: AT,
      subject: { kind: 'minutes', hash: documentHash(doc) },
    });
    expect(shortFingerprint(sig.keyFingerprint)).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  });

  it('fail when any byte of the signed statement changes', () => {
    const bytes = signedBytes(sig);
    const { verify } = scheme(algorithm);
    expect(verify(bytes, sig.signature, sig.publicKey)).toBe(true);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const changed = bytes.slice();
        changed[i]! ^= x;
        expect(verify(changed, sig.signature, sig.publicKey)).toBe(false);
      }),
      { numRuns: algorithm === 'sm2-sm3' ? 60 : 200 },
    );
  });

  it('fail when any hex digit of the signature changes', () => {
    for (let i = 0; i < sig.signature.length; i += 7)
      expect(() => verifySignature({ ...sig, signature: flipHex(sig.signature, i) })).toThrow(
        expect.objectContaining({ code: 'BAD_SIGNATURE' }),
      );
  });

  it('fail for a signature made with the wrong key', () => {
    const other = generateSigningKey(algorithm, seededRng(`other-${algorithm}`));
    const byOther = signMinutes(other, doc, 'secretary', '王芳', AT);
    // The forger's signature presented under the registered key: refused.
    expect(() =>
      verifySignature({ ...byOther, publicKey: key.publicKey, keyFingerprint: key.fingerprint }),
    ).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE' }));
    // Under its own key it verifies, but that key is not the registered one (see bundle.spec).
    expect(() => verifySignature(byOther)).not.toThrow();
    // A fingerprint that is not the key's.
    expect(() => verifySignature({ ...sig, keyFingerprint: other.fingerprint })).toThrow(
      expect.objectContaining({ code: 'FINGERPRINT_MISMATCH' }),
    );
  });
});

describe('checkSignatures', () => {
  it('accepts the sample: secretary, chair, and a teller on every tally', () => {
    const report = checkSignatures(doc, sample.signatures);
    expect(report.firstFailure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.checks.every((c) => c.ok)).toBe(true);
  });

  it('fails every minutes signature when one byte of the document changes', () => {
    const changed = structuredClone(doc);
    changed.attendance.absent[0]!.reason = '事假';
    const report = checkSignatures(changed, sample.signatures);
    expect(report.ok).toBe(false);
    const minutesSigs = report.checks.filter((c) => c.subject.kind === 'minutes');
    expect(minutesSigs.map((c) => c.error?.code)).toEqual(['WRONG_SUBJECT', 'WRONG_SUBJECT']);
    // The tallies did not change: the tellers' signatures still hold.
    expect(report.checks.filter((c) => c.subject.kind === 'tally').every((c) => c.ok)).toBe(true);
  });

  it("fails a teller's signature when that tally's counts change", () => {
    const changed = structuredClone(doc);
    const t = changed.agenda[1]!.tallies[0]!;
    if (t.counts.kind === 'motion') t.counts.for += 1;
    const report = checkSignatures(changed, sample.signatures);
    const bad = report.checks.filter((c) => !c.ok);
    expect(bad.find((c) => c.subject.kind === 'tally')).toMatchObject({
      error: { code: 'WRONG_SUBJECT' },
      subject: { pollId: 'poll-motion' },
    });
  });

  it('names missing roles and tellers', () => {
    const onlySecretary = sample.signatures.filter((s) => s.role === 'secretary');
    const report = checkSignatures(doc, onlySecretary);
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.code).toBe('MISSING_SIGNATURE');
    expect(report.missing).toContain('缺少会议主持人（执行主席）对会议记录的签名');
    expect(report.missing.filter((m) => m.includes('监票人签名'))).toHaveLength(4);
    // Policy: every listed teller must sign.
    expect(
      checkSignatures(doc, sample.signatures, { tellersPerTally: 'all' }).missing,
    ).toHaveLength(4);
  });

  it('asks no teller signatures of minutes that name no tellers, and the verifiers say so', () => {
    const noTellers = { ...structuredClone(doc), tellers: [] };
    const both = [
      signMinutes(sample.keys.secretary, noTellers, 'secretary', '王芳', AT),
      signMinutes(sample.keys.chair, noTellers, 'chair', noTellers.chairs[0]!.name, AT),
    ];
    expect(checkSignatures(noTellers, both).missing).toEqual([]);
    expect(checkSignatures(noTellers, both).ok).toBe(true);
    expect(checkSignatures(noTellers, both, { tellersPerTally: 1 }).ok).toBe(false);
    expect(tellerNotes(noTellers)).toEqual([
      `会议记录未载监票人：${noTellers.agenda.flatMap((i) => i.tallies).length} 项计票结果没有监票人签名`,
    ]);
    expect(tellerNotes(doc)).toEqual([]);
  });

  it('refuses a signer the minutes do not name in that role', () => {
    const stranger = signMinutes(sample.keys.chair, doc, 'chair', '张三', AT);
    const wrongRole = signTally(sample.keys.secretary, doc.agenda[1]!.tallies[0]!, '王芳', AT);
    const report = checkSignatures(doc, [...sample.signatures, stranger, wrongRole]);
    expect(report.checks.at(-2)?.error?.code).toBe('WRONG_SIGNER');
    expect(report.checks.at(-1)?.error?.code).toBe('WRONG_SIGNER');
    expect(report.firstFailure?.code).toBe('WRONG_SIGNER');
  });

  it('refuses an unknown algorithm and malformed values with a code, never a crash', () => {
    const s = sample.signatures.at(-1)!;
    const report = checkSignatures(doc, [
      { ...s, algorithm: 'rsa' as never },
      { ...s, publicKey: 'zz' },
      { ...s, signature: s.signature.slice(2) },
      null as never,
    ]);
    expect(report.checks.map((c) => c.error?.code)).toEqual([
      'UNKNOWN_ALGORITHM',
      'BAD_ENCODING',
      'BAD_ENCODING',
      'BAD_ENCODING',
    ]);
  });
});
