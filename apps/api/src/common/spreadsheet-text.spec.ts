import { describe, expect, it } from '@jest/globals';
import { firstHiddenCharacter } from './hidden-characters.js';
import { safeCellText, toCsv, unsafeCellText } from './spreadsheet-text.js';

describe('spreadsheet text', () => {
  it.each(['=1+1', '+86138', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","王芳")'])(
    'guards %j with an apostrophe, and reads it back',
    (text) => {
      expect(safeCellText(text)).toBe(`'${text}`);
      expect(unsafeCellText(safeCellText(text))).toBe(text);
    },
  );

  it.each(['王芳', 'E1001', "'quoted", '1=1', ''])('leaves %j as it is', (text) => {
    expect(safeCellText(text)).toBe(text);
    expect(unsafeCellText(text)).toBe(text);
  });

  it('writes CSV as UTF-8 with a BOM, quoted, guarded, with CRLF', () => {
    const csv = toCsv([
      ['姓名', '备注'],
      ['王"芳', '=cmd|"/c calc"!A1'],
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1)).toBe(
      '"姓名","备注"\r\n"王""芳","\'=cmd|""/c calc""!A1"\r\n',
    );
  });
});

describe('hidden characters', () => {
  it.each([
    ['王\u202e芳', 'U+202E'],
    ['王\u200b芳', 'U+200B'],
    ['a\u0007b', 'U+0007'],
    ['\ufeffx', 'U+FEFF'],
    ['a\u2066b', 'U+2066'],
  ])('finds the one in %j', (text, code) => expect(firstHiddenCharacter(text)).toBe(code));

  it.each(['王芳', 'line\nbreak', 'tab\there', 'Zoë'])('finds none in %j', (text) =>
    expect(firstHiddenCharacter(text)).toBeNull(),
  );
});
