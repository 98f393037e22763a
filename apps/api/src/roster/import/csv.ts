/**
 * CSV text → records, the way Excel reads and writes it: fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes (""), lines end in CRLF, LF or CR. One record is one
 * spreadsheet row even when a quoted field spans several lines, so record numbers are the row
 * numbers Excel would show.
 */
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface CsvRecord {
  /** 1-based, counting blank lines too. */
  row: number;
  cells: string[];
}

export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  /** A quote opened on `row` never closes: everything after it would be one field. */
  | { ok: false; unclosedQuoteRow: number };

/**
 * The encoding of a CSV file: a BOM says so; otherwise text that decodes as UTF-8 is UTF-8
 * (pure ASCII included), and anything else is taken for GBK, which is what Excel on Chinese
 * Windows writes ("CSV (逗号分隔)"). GB18030 is a superset of GBK, so it decodes both.
 */
export function detectEncoding(buffer: Buffer): CsvEncoding {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8-bom';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeCsv(buffer: Buffer, encoding: CsvEncoding): string {
  switch (encoding) {
    case 'utf-8-bom':
      return buffer.subarray(3).toString('utf8');
    case 'utf-8':
      return buffer.toString('utf8');
    case 'utf-16le':
      return buffer.subarray(2).toString('utf16le');
    case 'utf-16be':
      return iconv.decode(buffer.subarray(2), 'utf-16be');
    case 'gb18030':
      return iconv.decode(buffer, 'gb18030');
  }
}

/**
 * Comma unless the first line has tabs and no commas: Excel's "Unicode text" export (UTF-16,
 * tab-separated) is what some people upload as a .csv. Semicolons are left alone: Chinese-locale
 * Excel always writes commas.
 */
export function detectDelimiter(text: string): ',' | '\t' {
  const lineEnd = text.search(/\r|\n/);
  const firstLine = lineEnd === -1 ? text : text.slice(0, lineEnd);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let quoteRow = 0;
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    cells.push(field);
    records.push({ row, cells });
    cells = [];
    field = '';
    row++;
  };
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Copy the run up to the next quote in one go: a long quoted note stays fast.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteRow = row;
      i++;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted field (12"3) is kept as a character, as Excel does.
      field += ch;
      i++;
    }
  }
  if (inQuotes) return { ok: false, unclosedQuoteRow: quoteRow };
  // The last line usually has no line break; a final empty line adds no record.
  if (field !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}
