import { describe, expect, it } from '@jest/globals';
import { CODE_LENGTH, generateCode, normalizeCode } from './login-codes.js';
import { formatLoginCode } from './login-sheet/login-sheet.js';

describe('one-time log-in codes', () => {
  it('are 8 Crockford base32 characters without look-alike letters', () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CODE_LENGTH}}$`));
  });

  it('read back what people type', () => {
    const code = 'K7QF2M9X';
    expect(normalizeCode(formatLoginCode(code))).toBe(code);
    expect(normalizeCode(' k7qf-2m9x ')).toBe(code);
    expect(normalizeCode('10O0')).toBe('1000');
    expect(normalizeCode('IL')).toBe('11');
  });
});
