import { describe, it, expect } from '@jest/globals';
import { BallotError } from './errors.js';
import {
  DEFAULT_SCRYPT,
  openTellerSecret,
  recoverySheet,
  sealTellerSecret,
  tellerSecretFromRecoverySheet,
} from './custody.js';
import { deterministicRng } from './rng.js';
import { demoCeremony } from './testing.js';

const P = { ceremonyId: 'custody', threshold: 2, tellers: 3 };
const { key, secrets } = demoCeremony(P, deterministicRng('custody'));
const other = demoCeremony(P, deterministicRng('another ceremony'));
// Small scrypt cost in most tests (the default is exercised once below).
const FAST = { N: 2 ** 10, r: 8, p: 1 };

async function code(p: Promise<unknown> | (() => unknown)): Promise<BallotError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(BallotError);
    return e as BallotError;
  }
  throw new Error('expected a BallotError');
}

describe('sealed teller secret', () => {
  it('opens with the passphrase (default scrypt cost), and matches the key', async () => {
    const sealed = await sealTellerSecret(secrets[1], '监票人 passphrase 2026');
    expect(sealed.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT });
    expect(JSON.stringify(sealed)).not.toContain(secrets[1].secret);
    expect(await openTellerSecret(sealed, '监票人 passphrase 2026', key)).toEqual(secrets[1]);
  });

  it('a wrong passphrase, an altered file and a short passphrase fail clearly', async () => {
    const sealed = await sealTellerSecret(secrets[0], 'correct horse', { scrypt: FAST });
    expect((await code(openTellerSecret(sealed, 'correct hors3'))).code).toBe('WRONG_PASSPHRASE');
    // The header is authenticated too: moving the file to another teller index fails.
    expect((await code(openTellerSecret({ ...sealed, index: 2 }, 'correct horse'))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    const flipped = { ...sealed, ciphertext: 'ff' + sealed.ciphertext.slice(2) };
    expect((await code(openTellerSecret(flipped, 'correct horse'))).code).toBe('WRONG_PASSPHRASE');
    const short = await code(sealTellerSecret(secrets[0], 'short', { scrypt: FAST }));
    expect(short).toMatchObject({ code: 'BAD_ENCODING', detail: { check: 'passphrase' } });
    const huge = { ...sealed, kdf: { ...sealed.kdf, N: 2 ** 24 } };
    expect((await code(openTellerSecret(huge, 'correct horse'))).code).toBe('BAD_ENCODING');
  });

  it('opened against another ceremony key: WRONG_KEY', async () => {
    const sealed = await sealTellerSecret(secrets[2], 'correct horse', { scrypt: FAST });
    expect((await code(openTellerSecret(sealed, 'correct horse', other.key))).code).toBe(
      'WRONG_KEY',
    );
  });
});

describe('recovery sheet', () => {
  const sheet = recoverySheet(secrets[2]);

  it('prints 5 lines of base32 with a check character each; reads back typed or scanned', () => {
    expect(sheet.lines).toHaveLength(5);
    for (const l of sheet.lines) expect(l).toMatch(/^([A-Z2-7]{4} ){1,4}[A-Z2-7]$|^[A-Z2-7 ]+$/);
    expect(sheet.qr).toMatch(/^[A-Z2-7]{79}$/);
    expect(tellerSecretFromRecoverySheet(key, sheet.lines.join('\n'))).toEqual(secrets[2]);
    expect(tellerSecretFromRecoverySheet(key, sheet.qr.toLowerCase())).toEqual(secrets[2]);
    const sloppy = sheet.lines.join(' - ').replace(/O/g, '0').replace(/I/g, '1');
    expect(tellerSecretFromRecoverySheet(key, sloppy)).toEqual(secrets[2]);
  });

  it('a typo is reported with its line; a short sheet, another ceremony fail clearly', () => {
    const chars = sheet.qr.split('');
    const at = 17 * 2 + 5; // line 3
    chars[at] = chars[at] === 'A' ? 'B' : 'A';
    const typo = chars.join('');
    const e = (() => {
      try {
        tellerSecretFromRecoverySheet(key, typo);
      } catch (x) {
        return x as BallotError;
      }
    })();
    // One line check in 32 misses a typo; the whole-sheet checksum still catches it.
    expect(e?.code).toBe('BAD_RECOVERY_CODE');
    expect(['line 3', undefined]).toContain(e?.detail.check);
    expect(() => tellerSecretFromRecoverySheet(key, sheet.qr.slice(1))).toThrow(
      /BAD_RECOVERY_CODE/,
    );
    expect(() => tellerSecretFromRecoverySheet(other.key, sheet.qr)).toThrow(/WRONG_KEY/);
  });

  it('finds the line of every single-character typo that its check catches', () => {
    let named = 0;
    for (let i = 0; i < sheet.qr.length; i++) {
      const c = sheet.qr.split('');
      c[i] = c[i] === 'Q' ? 'R' : 'Q';
      try {
        tellerSecretFromRecoverySheet(key, c.join(''));
        throw new Error(`typo at ${i} accepted`);
      } catch (e) {
        expect((e as BallotError).code).toBe('BAD_RECOVERY_CODE');
        if ((e as BallotError).detail.check === `line ${Math.floor(i / 17) + 1}`) named++;
      }
    }
    expect(named).toBeGreaterThan(sheet.qr.length * 0.8);
  });
});
