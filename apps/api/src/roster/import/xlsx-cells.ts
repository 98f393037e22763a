/**
 * An Excel cell as the text a person sees in it, for the fields of a roster: employee numbers
 * typed as numbers (10023), styled rich text, formulas (their cached result), ticked booleans.
 */
import type ExcelJS from 'exceljs';

export function cellText(cell: ExcelJS.Cell): string {
  // A merged cell's value is its top-left cell's: a 代表团 merged down a block of rows is read
  // on every row of the block, which is what the person who merged it meant.
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
  }
  // A formula's cached result; a file written by a program may have none, and reads as blank.
  if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt);
  if ('hyperlink' in v) return valueText(v.text, numFmt);
  if (typeof v.error === 'string') return v.error;
  return '';
}

/**
 * Whole numbers print without exponent or decimals (1.0023E4 is 10023). A number format of
 * zeros (00000) is how Excel shows employee numbers with leading zeros while storing 123: the
 * text is the padded one the user sees.
 */
function numberText(n: number, numFmt: string | undefined): string {
  if (Number.isSafeInteger(n)) {
    const pad = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
    return n < 0 ? String(n) : String(n).padStart(pad, '0');
  }
  // Binary floating point noise (0.1 + 0.2) is rounded to what Excel shows (15 digits).
  return String(Number(n.toPrecision(15)));
}
