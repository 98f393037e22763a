/**
 * Text written into spreadsheets people open (XLSX and CSV exports). A cell that starts with
 * =, +, -, @, a tab or a carriage return is taken for a formula by Excel or WPS when typed or
 * opened from a CSV (=HYPERLINK(…) in a delegate's name would become a live link), so such text
 * gets a leading apostrophe, as OWASP advises; the roster import removes it again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** What `safeCellText` wrote, read back: the apostrophe before a formula-like start removed. */
export function unsafeCellText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Rows as a CSV file for Excel and WPS in China: UTF-8 with a byte order mark (without it Excel
 * reads GBK and shows mojibake), CRLF line ends, every field quoted, formula-like text guarded.
 */
export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  const field = (text: string) => `"${safeCellText(text).replace(/"/g, '""')}"`;
  const body = rows.map((r) => r.map(field).join(',')).join('\r\n');
  return Buffer.from(`\ufeff${body}\r\n`, 'utf8');
}
