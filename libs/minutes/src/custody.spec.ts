import { describe, expect, it } from '@jest/globals';
import {
  decryptSigningKey,
  encryptSigningKey,
  generateSigningKey,
  keyFromRecoveryCode,
  recoveryCode,
  recoverySheetText,
} from './custody.js';
import { toHex } from './bytes.js';
import { signMinutes, verifySignature } from './signatures.js';
import { seededRng, signedSample } from './testing.js';

// A low scrypt cost keeps the test fast; the default (2^17) is what the browser uses.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe.each(['ed25519', 'sm2-sm3'] as const)('key custody (%s)', (algorithm) => {
  const key = generateSigningKey(algorithm, seededRng(`custody-${algorithm}`));

  it('encrypts under a passphrase and decrypts back to a key that signs', async () => {
    const file = await encryptSigningKey(key, '正确的口令 2026', { owner: '王芳', scrypt: FAST });
    expect(JSON.stringify(file)).not.toContain(toHex(key.privateKey));
    expect(file).toMatchObject({
      algorithm,
      publicKey: key.publicKey,
      fingerprint: key.fingerprint,
      owner: '王芳',
    });
    const back = await decryptSigningKey(file, '正确的口令 2026');
    expect(back.privateKey).toEqual(key.privateKey);
    const doc = signedSample().document;
    expect(() =>
      verifySignature(signMinutes(back, doc, 'secretary', '王芳', doc.finalisedAt)),
    ).not.toThrow();
  });

  it('refuses a wrong passphrase and any edited field', async () => {
    const file = await encryptSigningKey(key, 'correct horse', { owner: '王芳', scrypt: FAST });
    await expect(decryptSigningKey(file, 'correct horsE')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(
      decryptSigningKey({ ...file, owner: '李明' }, 'correct horse'),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    const ct = file.ciphertext;
    const flipped = ct.slice(0, 10) + (ct[10] === '0' ? '1' : '0') + ct.slice(11);
    await expect(
      decryptSigningKey({ ...file, ciphertext: flipped }, 'correct horse'),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(
      decryptSigningKey({ ...file, kdf: { ...file.kdf, N: 2 ** 30 } }, 'correct horse'),
    ).rejects.toMatchObject({
      code: 'BAD_ENCODING',
    });
  });

  it('reads a full-width passphrase typed by a Chinese input method as its ASCII form', async () => {
    const file = await encryptSigningKey(key, 'abc12345', { owner: '王芳', scrypt: FAST });
    await expect(decryptSigningKey(file, 'ａｂｃ１２３４５')).resolves.toMatchObject({
      fingerprint: key.fingerprint,
    });
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(
      encryptSigningKey(key, 'short', { owner: '王芳', scrypt: FAST }),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
  });

  it('prints a recovery code that restores the key, and catches a typo', () => {
    const code = recoveryCode(key);
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){14}$/);
    expect(keyFromRecoveryCode(code, key.fingerprint).privateKey).toEqual(key.privateKey);
    expect(keyFromRecoveryCode(code.toLowerCase().replace(/-/g, ' ')).fingerprint).toBe(
      key.fingerprint,
    );
    const typo = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
    expect(() => keyFromRecoveryCode(typo)).toThrow(
      expect.objectContaining({ code: 'BAD_RECOVERY_CODE' }),
    );
    expect(() => keyFromRecoveryCode(code.slice(0, -4))).toThrow(
      expect.objectContaining({ code: 'BAD_RECOVERY_CODE' }),
    );
    const other = generateSigningKey(algorithm, seededRng('someone else'));
    expect(() => keyFromRecoveryCode(code, other.fingerprint)).toThrow(
      expect.objectContaining({ code: 'BAD_RECOVERY_CODE' }),
    );
  });

  it('puts the owner, role, fingerprint and code on the recovery sheet', () => {
    const text = recoverySheetText(key, {
      owner: '王芳',
      role: 'secretary',
      createdAt: '2026-03-01T00:00:00.000Z',
    });
    expect(text).toContain('持有人：王芳');
    expect(text).toContain('签署身份：记录人（秘书）');
    expect(text).toContain(recoveryCode(key));
  });
});

it('generates different keys with the default (crypto) randomness', () => {
  expect(generateSigningKey().publicKey).not.toBe(generateSigningKey().publicKey);
  expect(generateSigningKey('sm2-sm3').publicKey).toMatch(/^04[0-9a-f]{128}$/);
});
