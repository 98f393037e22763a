import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  checkTrusteeSecret,
  combineElectionKey,
  createTrustee,
  recoveryCode,
  secretFromRecoveryCode,
  shortFingerprint,
  verifyElectionKey,
  verifyTrusteeShare,
  type TrusteeShare,
} from './keys.js';
import { BallotError, type BallotErrorCode } from './errors.js';
import { deterministicRng } from './rng.js';
import { demoElection } from './testing.js';
import { L, pointToHex, mulG, scalarFromHex } from './group.js';

function code(f: () => unknown): BallotErrorCode | 'none' {
  try {
    f();
    return 'none';
  } catch (e) {
    if (e instanceof BallotError) return e.code;
    throw e;
  }
}

const el = demoElection('key-poll', 3, deterministicRng('keys'));

describe('trustee shares', () => {
  it('carry a proof of knowledge that verifies', () => {
    for (const s of el.shares)
      expect(pointToHex(verifyTrusteeShare(s, 'key-poll'))).toBe(s.publicKey);
  });
  it('a proof does not transfer to another poll, index or key', () => {
    const s = el.shares[0];
    expect(code(() => verifyTrusteeShare({ ...s, pollId: 'other' }))).toBe('TRUSTEE_PROOF_FAILED');
    expect(code(() => verifyTrusteeShare(s, 'other'))).toBe('WRONG_POLL');
    expect(code(() => verifyTrusteeShare({ ...s, index: 2 }))).toBe('TRUSTEE_PROOF_FAILED');
    expect(code(() => verifyTrusteeShare({ ...s, publicKey: el.shares[1].publicKey }))).toBe(
      'TRUSTEE_PROOF_FAILED',
    );
    expect(
      code(() => verifyTrusteeShare({ ...s, proof: { ...s.proof, s: el.shares[1].proof.s } })),
    ).toBe('TRUSTEE_PROOF_FAILED');
    expect(code(() => verifyTrusteeShare({ ...s, version: 2 } as unknown as TrusteeShare))).toBe(
      'BAD_VERSION',
    );
    expect(code(() => verifyTrusteeShare({ ...s, publicKey: '00'.repeat(32) }))).toBe('BAD_KEY');
  });
});

describe('election key', () => {
  it('is the sum of the shares, with a fingerprint over poll and shares', () => {
    const sum = el.secrets.reduce((acc, s) => acc + scalarFromHex(s.secret, 's'), 0n);
    expect(pointToHex(mulG(sum % L))).toBe(el.key.publicKey);
    expect(el.key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(shortFingerprint(el.key.fingerprint)).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const shuffled = combineElectionKey('key-poll', [el.shares[2], el.shares[0], el.shares[1]]);
    expect(shuffled).toEqual(el.key);
    expect(verifyElectionKey(el.key).fingerprintHex).toBe(el.key.fingerprint);
  });
  it('refuses missing, repeated or foreign shares and a doctored key', () => {
    expect(code(() => combineElectionKey('key-poll', []))).toBe('BAD_KEY');
    expect(code(() => combineElectionKey('key-poll', [el.shares[0], el.shares[2]]))).toBe(
      'BAD_KEY',
    );
    expect(code(() => combineElectionKey('key-poll', [el.shares[0], el.shares[0]]))).toBe(
      'BAD_KEY',
    );
    const foreign = createTrustee('other-poll', 2, deterministicRng('f')).share;
    expect(code(() => combineElectionKey('key-poll', [el.shares[0], foreign]))).toBe('WRONG_POLL');
    expect(code(() => verifyElectionKey({ ...el.key, fingerprint: 'ab'.repeat(32) }))).toBe(
      'BAD_KEY',
    );
    expect(code(() => verifyElectionKey({ ...el.key, publicKey: el.shares[0].publicKey }))).toBe(
      'BAD_KEY',
    );
    expect(
      code(() => verifyElectionKey({ ...el.key, trustees: [...el.key.trustees].reverse() })),
    ).toBe('BAD_KEY');
  });
  it('custodian mode is one trustee', () => {
    const c = demoElection('custodian', 1, deterministicRng('c'));
    expect(c.key.trustees).toHaveLength(1);
    expect(c.key.publicKey).toBe(c.shares[0].publicKey);
  });
});

describe('recovery code', () => {
  it('round-trips through print and typing', () => {
    const code0 = el.recoveryCodes[0];
    expect(code0).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$/);
    expect(recoveryCode(el.secrets[0])).toBe(code0);
    expect(secretFromRecoveryCode(el.key, 1, code0)).toEqual(el.secrets[0]);
    const typed = code0.toLowerCase().replace(/-/g, ' ').replace(/o/g, '0');
    expect(secretFromRecoveryCode(el.key, 1, typed)).toEqual(el.secrets[0]);
  });
  it('catches a mistyped character (24-bit checksum) and a code for another trustee', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const clean = el.recoveryCodes[1].replace(/-/g, '');
    fc.assert(
      fc.property(fc.nat(clean.length - 1), fc.nat(30), (pos, k) => {
        const ch = letters[(letters.indexOf(clean[pos]) + 1 + k) % 32];
        const typo = clean.slice(0, pos) + ch + clean.slice(pos + 1);
        expect(code(() => secretFromRecoveryCode(el.key, 2, typo))).toBe('BAD_RECOVERY_CODE');
      }),
      { numRuns: 200 },
    );
    expect(code(() => secretFromRecoveryCode(el.key, 2, clean.slice(4)))).toBe('BAD_RECOVERY_CODE');
    expect(code(() => secretFromRecoveryCode(el.key, 1, el.recoveryCodes[1]))).toBe('WRONG_SECRET');
    expect(code(() => checkTrusteeSecret(el.key, { ...el.secrets[0], index: 4 }))).toBe(
      'MISSING_TRUSTEE',
    );
  });
});
