import { describe, expect, it } from '@jest/globals';
import { groupLoginCode, loginPrefill } from './login-code.js';

describe('the tablet log-in prefill', () => {
  it('shows a code as the sheet prints it', () => {
    expect(groupLoginCode('k7qf2m9x')).toBe('K7QF-2M9X');
    expect(groupLoginCode(' K7QF - 2M9X ')).toBe('K7QF-2M9X');
    expect(groupLoginCode('K7Q')).toBe('K7Q');
    expect(groupLoginCode('')).toBe('');
  });

  it('reads the username and code of the sheet link', () => {
    expect(loginPrefill({ u: 'e1001', code: 'ABCD-EFGH' })).toEqual({
      username: 'e1001',
      code: 'ABCD-EFGH',
    });
    expect(loginPrefill({ u: ['e1002', 'x'], code: null })).toEqual({
      username: 'e1002',
      code: '',
    });
    expect(loginPrefill({})).toEqual({ username: '', code: '' });
  });

  it('keeps only letters and digits, at most 16', () => {
    expect(groupLoginCode('ABCD_EFGH')).toBe('ABCD-EFGH');
    expect(groupLoginCode('ABCD-EFGH-JKMN-PQRS-TVWX')).toBe('ABCD-EFGH-JKMN-PQRS');
  });
});
