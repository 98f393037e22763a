import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { utf8 } from './encoding.js';
import { checkText } from './json.js';
import { checkIssued, sortCredentials } from './record-poll.js';

/** The order the record's issued list is defined by: the credentials' UTF-8 bytes. */
function byBytes(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

// Around the places where UTF-16 order and UTF-8 order part: below U+D800, surrogate pairs
// (U+10000…), and U+E000…U+FFFF, which UTF-16 sorts after the pairs and UTF-8 before them.
const units = [
  'a',
  'f',
  '0',
  '\u00e9',
  '\u4e2d',
  '\ud7ff',
  '\ue000',
  '\uffee',
  '\uffff',
  '😀',
  '𠀀',
];
const text = fc
  .array(fc.constantFrom(...units), { minLength: 1, maxLength: 6 })
  .map((u) => u.join(''));

describe('issued credentials', () => {
  it('sort in UTF-8 byte order, surrogate pairs and U+E000… included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 2, maxLength: 12 }), (creds) => {
        expect(sortCredentials(creds)).toEqual([...creds].sort(byBytes));
      }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary' }), { maxLength: 12 }), (creds) => {
        expect(sortCredentials(creds)).toEqual([...creds].sort(byBytes));
      }),
    );
    // The pair that UTF-16 code units order the other way.
    expect(sortCredentials(['😀', '\uffff'])).toEqual(['\uffff', '😀']);
  });

  it('are checked in that order, distinct, and as many as issued', () => {
    expect(checkIssued({ count: 2, credentials: ['\uffff', '😀'] }).size).toBe(2);
    expect(() => checkIssued({ count: 2, credentials: ['😀', '\uffff'] })).toThrow(/ascending/);
    expect(() => checkIssued({ count: 2, credentials: ['ab', 'ab'] })).toThrow(/distinct/);
    expect(() => checkIssued({ count: 3, credentials: ['a', 'b'] })).toThrow(/2 credentials/);
  });

  it('are at most 256 UTF-8 bytes, however they are written', () => {
    expect(checkText('a'.repeat(256), 'c')).toHaveLength(256);
    expect(() => checkText('a'.repeat(257), 'c')).toThrow(/256 UTF-8 bytes/);
    expect(checkText('中'.repeat(85), 'c')).toHaveLength(85); // 255 bytes
    expect(() => checkText('中'.repeat(86), 'c')).toThrow(/256 UTF-8 bytes/); // 258 bytes
    expect(checkText('😀'.repeat(64), 'c')).toHaveLength(128); // 256 bytes
    expect(() => checkText('😀'.repeat(64) + 'a', 'c')).toThrow(/256 UTF-8 bytes/);
    expect(() => checkText('\ud800', 'c')).toThrow(/256 UTF-8 bytes/);
  });
});
