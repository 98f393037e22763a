/**
 * The printable tablet log-in sheet: one cut-out card per delegate with the name, 工号, 代表团, a QR
 * code of the log-in link, the one-time code and its expiry; and the same list as a spreadsheet.
 * Pure functions: the caller issues the codes and passes them in; nothing here is stored.
 *
 * Chinese text is set in Noto Sans SC, embedded (subset) in the PDF — see common/fonts/cjk-font.ts.
 * Times are shown in Asia/Shanghai.
 */
import ExcelJS from 'exceljs';
import { CJK_BOLD, CJK_REGULAR, cjkPdf } from '../../common/fonts/cjk-pdf.js';
import { formatShanghai } from '../../common/time.js';
import { safeCellText } from '../../common/spreadsheet-text.js';
import { qrRectangles } from './qr.js';

export interface LoginSheetEntry {
  name: string;
  employeeNumber: string;
  groupName: string | null;
  username: string;
  /** The one-time code as issued; shown grouped in fours (`K7QF-2M9X`). */
  code: string;
  /** What the QR code encodes, e.g. `http://host:3000/t/login?u=…&code=…`. */
  loginUrl: string;
  expiresAt: Date;
}

export interface LoginSheetInput {
  /** E.g. `第五届职工代表大会 平板登录码`. */
  title: string;
  /** E.g. `第三次会议`; shown under the title and on each card. */
  sessionLabel?: string;
  entries: LoginSheetEntry[];
  generatedAt: Date;
}

/** Cards per page: 2 columns × 4 rows on A4. */
export const CARD_COLUMNS = 2;
export const CARD_ROWS = 4;
export const CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS;

/** Pages the PDF has for `count` entries (one page, saying so, when there are none). */
export function loginSheetPageCount(count: number): number {
  return Math.max(1, Math.ceil(count / CARDS_PER_PAGE));
}

/** `K7QF2M9X` → `K7QF-2M9X`: spaces and hyphens dropped, then groups of four. Case is kept. */
export function formatLoginCode(code: string): string {
  const plain = code.replace(/[\s-]+/g, '');
  return (plain.match(/.{1,4}/gu) ?? []).join('-');
}

/** `2026-11-28 18:00`, Asia/Shanghai. */
function shanghai(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('login sheet: invalid date');
  return formatShanghai(date);
}

// ---------------------------------------------------------------------------------------------
// PDF

export type Doc = PDFKit.PDFDocument;

export const REGULAR = CJK_REGULAR;
export const BOLD = CJK_BOLD;

// A4 in points, and the layout in points (1 pt = 1/72 in ≈ 0.353 mm).
export const PAGE_W = 595.28;
const PAGE_H = 841.89;
export const MARGIN_X = 32;
export const HEADER_RULE_Y = 66;
export const GRID_TOP = 74;
const FOOTER_RULE_Y = PAGE_H - 44;
const GRID_BOTTOM = FOOTER_RULE_Y - 6;
export const CARD_W = (PAGE_W - 2 * MARGIN_X) / CARD_COLUMNS;
export const CARD_H = (GRID_BOTTOM - GRID_TOP) / CARD_ROWS;
const PAD = 14;
const QR_SIZE = 112;
const LEFT_W = CARD_W - 2 * PAD - QR_SIZE - 10;

/** Noto Sans SC's ascent (hhea 1160 per 1000 units): from the top of a line to its baseline. */
const ASCENT = 1.16;

const INK = '#000000';
export const MUTED = '#555555';
const RULE = '#999999';

/** The PDF sheet: A4, 8 cards a page, with a header (title) and footer (生成时间, page number). */
export async function renderLoginSheetPdf(input: LoginSheetInput): Promise<Buffer> {
  // Check every date before drawing, so a bad entry fails the call and leaves no half-made PDF.
  const generated = shanghai(input.generatedAt);
  const expiries = input.entries.map((entry) => shanghai(entry.expiresAt));
  const { doc, done } = cjkPdf({
    title: input.title,
    subject: '平板登录码',
    generatedAt: input.generatedAt,
    autoFirstPage: false,
  });

  const pages = loginSheetPageCount(input.entries.length);
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    drawHeader(doc, input);
    drawFooter(doc, generated, page + 1, pages);
    const onPage = input.entries.slice(page * CARDS_PER_PAGE, (page + 1) * CARDS_PER_PAGE);
    if (onPage.length === 0) {
      doc.font(REGULAR).fontSize(12).fillColor(MUTED);
      doc.text('没有需要打印的登录码。', MARGIN_X, GRID_TOP + 40, { lineBreak: false });
    }
    drawCutLines(doc, onPage.length);
    onPage.forEach((entry, i) => {
      const x = MARGIN_X + (i % CARD_COLUMNS) * CARD_W;
      const y = GRID_TOP + Math.floor(i / CARD_COLUMNS) * CARD_H;
      const expiry = expiries[page * CARDS_PER_PAGE + i]!;
      drawCard(doc, entry, expiry, x, y, input.sessionLabel ?? input.title);
    });
  }
  doc.end();
  return done;
}

function drawHeader(doc: Doc, input: LoginSheetInput): void {
  const countText = `共 ${input.entries.length} 人`;
  doc.font(REGULAR).fontSize(9);
  const countW = doc.widthOfString(countText);
  const titleW = PAGE_W - 2 * MARGIN_X - countW - 16;
  put(doc, input.title, MARGIN_X, 22, { font: BOLD, size: 15, minSize: 10, width: titleW });
  if (input.sessionLabel) {
    put(doc, input.sessionLabel, MARGIN_X, 45, {
      size: 10,
      minSize: 8,
      width: titleW,
      color: MUTED,
    });
  }
  put(doc, countText, PAGE_W - MARGIN_X - countW, 47, { size: 9, width: countW, color: MUTED });
  rule(doc, HEADER_RULE_Y);
}

export function drawFooter(
  doc: Doc,
  generated: string,
  page: number,
  pages: number,
  note = '登录码仅可使用一次，请妥善保管；遗失请联系工作人员重新签发。',
): void {
  rule(doc, FOOTER_RULE_Y);
  const y = FOOTER_RULE_Y + 8;
  const left = `生成时间：${generated}`;
  const right = `第 ${page} / ${pages} 页`;
  doc.font(REGULAR).fontSize(8);
  const leftW = doc.widthOfString(left);
  const rightW = doc.widthOfString(right);
  put(doc, left, MARGIN_X, y, { size: 8, width: leftW, color: MUTED });
  put(doc, right, PAGE_W - MARGIN_X - rightW, y, { size: 8, width: rightW, color: MUTED });
  const noteW = PAGE_W - 2 * MARGIN_X - leftW - rightW - 32;
  doc.fontSize(7.5);
  const w = Math.min(doc.widthOfString(note), noteW);
  put(doc, note, (PAGE_W - w) / 2, y + 0.5, { size: 7.5, minSize: 6, width: noteW, color: MUTED });
}

export function rule(doc: Doc, y: number): void {
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(RULE)
    .moveTo(MARGIN_X, y)
    .lineTo(PAGE_W - MARGIN_X, y)
    .stroke()
    .restore();
}

/**
 * Dashed cutting lines around the first `count` card slots. Each segment is drawn once, always
 * left-to-right or top-to-bottom, so shared edges do not show two out-of-phase dash patterns.
 */
export function drawCutLines(doc: Doc, count: number): void {
  if (count === 0) return;
  const has = (i: number) => i < count;
  doc.save().lineWidth(0.5).strokeColor(RULE).dash(4, { space: 3 });
  for (let i = 0; i < count; i++) {
    const col = i % CARD_COLUMNS;
    const x = MARGIN_X + col * CARD_W;
    const y = GRID_TOP + Math.floor(i / CARD_COLUMNS) * CARD_H;
    doc.moveTo(x, y).lineTo(x + CARD_W, y); // top
    doc.moveTo(x, y).lineTo(x, y + CARD_H); // left
    if (col === CARD_COLUMNS - 1 || !has(i + 1))
      doc.moveTo(x + CARD_W, y).lineTo(x + CARD_W, y + CARD_H);
    if (!has(i + CARD_COLUMNS)) doc.moveTo(x, y + CARD_H).lineTo(x + CARD_W, y + CARD_H);
  }
  doc.stroke().undash().restore();
}

function drawCard(
  doc: Doc,
  entry: LoginSheetEntry,
  expiry: string,
  x: number,
  y: number,
  caption: string,
): void {
  const left = x + PAD;
  const inner = CARD_W - 2 * PAD;

  put(doc, entry.name, left, y + 10, { font: BOLD, size: 22, minSize: 12, width: inner });

  const field = (label: string, value: string, top: number) => {
    doc.font(REGULAR).fontSize(9);
    const labelW = doc.widthOfString(label);
    put(doc, label, left, top, { size: 9, width: labelW, color: MUTED });
    put(doc, value, left + labelW, top, { size: 9, minSize: 6.5, width: LEFT_W - labelW });
  };
  field('工号：', entry.employeeNumber, y + 50);
  field('代表团：', entry.groupName ?? '—', y + 65);
  field('用户名：', entry.username, y + 80);

  put(doc, '登录码', left, y + 97, { size: 8, width: LEFT_W, color: MUTED });
  put(doc, formatLoginCode(entry.code), left, y + 106, {
    font: BOLD,
    size: 17,
    minSize: 9,
    width: LEFT_W,
    characterSpacing: 1,
  });
  put(doc, '有效期至', left, y + 132, { size: 8, width: LEFT_W, color: MUTED });
  put(doc, expiry, left, y + 142, { size: 9, width: LEFT_W });

  const qrX = x + CARD_W - PAD - QR_SIZE;
  const qrY = y + 44;
  drawQr(doc, entry.loginUrl, qrX, qrY, QR_SIZE);
  doc.font(REGULAR).fontSize(7);
  const scan = '平板扫码登录';
  put(doc, scan, qrX + (QR_SIZE - doc.widthOfString(scan)) / 2, qrY + QR_SIZE + 1, {
    size: 7,
    width: QR_SIZE,
    color: MUTED,
  });
  put(doc, caption, left, y + CARD_H - 16, { size: 7, minSize: 6, width: LEFT_W, color: MUTED });
}

/** The QR code of `text` as filled rectangles, quiet zone included, in a `size`-point square. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = qrRectangles(text);
  const unit = size / qr.size;
  doc.save();
  // One path, one fill: adjacent rows join without hairline seams when rasterised.
  for (const [qx, qy, w, h] of qr.rects) doc.rect(x + qx * unit, y + qy * unit, w * unit, h * unit);
  doc.fillColor(INK).fill();
  doc.restore();
}

export interface PutOptions {
  font?: string;
  size: number;
  /** Shrink down to this size to fit `width`, then cut with an ellipsis. Default: `size`. */
  minSize?: number;
  width: number;
  color?: string;
  characterSpacing?: number;
}

/** One line of text at (x, y), never wrapped: shrunk to fit `width`, or cut short with "…". */
export function put(doc: Doc, text: string, x: number, y: number, o: PutOptions): void {
  const font = o.font ?? REGULAR;
  const spacing = { characterSpacing: o.characterSpacing ?? 0 };
  const measure = (t: string, size: number) => {
    doc.font(font).fontSize(size);
    return doc.widthOfString(t, spacing);
  };
  let size = o.size;
  let line = text.replace(/\s+/g, ' ').trim();
  const full = measure(line, size);
  if (full > o.width) {
    const minSize = o.minSize ?? o.size;
    size = Math.max(minSize, Math.floor(((size * o.width) / full) * 2) / 2);
    // Character spacing does not shrink with the font, so the proportional guess can still be
    // too wide: step down by half a point until the text fits or reaches minSize.
    while (size > minSize && measure(line, size) > o.width) size -= 0.5;
    if (measure(line, size) > o.width) {
      const chars = Array.from(line);
      while (chars.length > 0 && measure(`${chars.join('')}…`, size) > o.width) chars.pop();
      line = `${chars.join('')}…`;
    }
  }
  // pdfkit places the top of the line at y; keep the baseline of shrunk text where it would be.
  const top = y + (o.size - size) * ASCENT;
  doc
    .font(font)
    .fontSize(size)
    .fillColor(o.color ?? INK)
    .text(line, x, top, { lineBreak: false, ...spacing });
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** Column headers of the spreadsheet, in order. */
export const LOGIN_SHEET_COLUMNS = [
  '序号',
  '姓名',
  '工号',
  '代表团',
  '用户名',
  '登录码',
  '有效期至',
  '登录链接',
] as const;

/**
 * The same list as a spreadsheet: a bold, frozen header row, then one row per entry. Every cell
 * is text (工号 and codes keep their leading zeros; the expiry is Shanghai time as printed).
 */
export async function renderLoginSheetXlsx(input: LoginSheetInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '职代会 Congress app';
  workbook.title = input.title;
  workbook.subject = input.sessionLabel ?? '';
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;

  const sheet = workbook.addWorksheet('登录码', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = LOGIN_SHEET_COLUMNS.map((header, i) => ({
    header,
    width: [6, 12, 12, 18, 16, 14, 18, 60][i],
  }));
  sheet.getRow(1).font = { bold: true };
  input.entries.forEach((entry, i) => {
    sheet.addRow([
      i + 1,
      safeCellText(entry.name),
      safeCellText(entry.employeeNumber),
      entry.groupName === null ? null : safeCellText(entry.groupName),
      safeCellText(entry.username),
      formatLoginCode(entry.code),
      shanghai(entry.expiresAt),
      entry.loginUrl,
    ]);
  });
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: LOGIN_SHEET_COLUMNS.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
