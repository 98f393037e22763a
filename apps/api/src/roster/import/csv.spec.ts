import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeCsv, detectEncoding, parseCsv } from './csv.js';

const cells = (text: string): string[][] => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unclosed quote on row ${r.unclosedQuoteRow}`);
  return r.records.map((x) => x.cells);
};

describe('parseCsv', () => {
  it('splits plain fields and CRLF, LF or CR line ends', () => {
    expect(cells('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(cells('"a,1","say ""hi""","x\r\ny"\r\nz,,')).toEqual([
      ['a,1', 'say "hi"', 'x\r\ny'],
      ['z', '', ''],
    ]);
  });

  it('numbers records as spreadsheet rows: a multi-line field is one row, blank lines count', () => {
    const r = parseCsv('h1,h2\r\n"a\nb",c\r\n\r\nd,e\r\n\r\n');
    expect(r.ok && r.records.map((x) => [x.row, x.cells])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['a\nb', 'c']],
      [3, ['']],
      [4, ['d', 'e']],
      [5, ['']],
    ]);
  });

  it('keeps a quote inside an unquoted field, as Excel does', () => {
    expect(cells('12"3,"ab"c')).toEqual([['12"3', 'abc']]);
  });

  it('reports the row where an unclosed quote starts', () => {
    expect(parseCsv('a,b\r\nc,"d\r\ne,f\r\n')).toEqual({ ok: false, unclosedQuoteRow: 2 });
  });

  it('reads tab-separated text (Excel "Unicode text") when the first line has tabs, no commas', () => {
    expect(cells('姓名\t工号\r\n张三\t1,2')).toEqual([
      ['姓名', '工号'],
      ['张三', '1,2'],
    ]);
  });
});

describe('detectEncoding', () => {
  const text = '姓名,工号\r\n张三,10001\r\n';

  it('tells UTF-8 with BOM, UTF-8, GBK and UTF-16 apart', () => {
    const utf8 = Buffer.from(text, 'utf8');
    const cases: Array<[Buffer, string, string]> = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8-bom', text],
      [utf8, 'utf-8', text],
      [Buffer.from('name,id\n', 'ascii'), 'utf-8', 'name,id\n'],
      [iconv.encode(text, 'gbk'), 'gb18030', text],
      [iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le', text],
      [iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be', text],
    ];
    for (const [bytes, encoding, decoded] of cases) {
      expect(detectEncoding(bytes)).toBe(encoding);
      expect(decodeCsv(bytes, detectEncoding(bytes))).toBe(decoded);
    }
  });

  it('decodes GB18030-only characters too', () => {
    const name = '王䶮'; // U+4DAE is outside GBK
    expect(decodeCsv(iconv.encode(name, 'gb18030'), 'gb18030')).toBe(name);
  });
});
