/**
 * A year's 厂务公开记录表 as PDF, for the minutes' archive: one form per published item (what,
 * when, where and level, to whom, who is responsible, questions and answers, rectification and
 * its outcome, the content SHA-256), each row a label and its text, page numbers at the foot.
 * Chinese text in Noto Sans SC, embedded (subset) — see common/fonts/cjk-font.ts. Pure: the
 * caller passes the records and the moment of generation (shown in Asia/Shanghai).
 */
import { CJK_BOLD as BOLD, CJK_REGULAR as REGULAR, cjkPdf } from '../common/fonts/cjk-pdf.js';
import { formatShanghai } from '../common/time.js';
import type { RecordResponse } from './dto/openness.responses.js';
import { measureText, questionText, ratingText } from './record-text.js';

export interface RecordsPdfInput {
  year: number;
  records: RecordResponse[];
  generatedAt: Date;
}

export const recordsTitle = (year: number) => `${year} 年度厂务公开记录表`;

type Doc = PDFKit.PDFDocument;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 48;
const BOTTOM = PAGE_H - 60;
const LABEL_W = 116;
const VALUE_W = PAGE_W - 2 * MARGIN - LABEL_W;
const PAD = 5;
const SIZE = 9.5;
const RULE = '#888888';
const MUTED = '#555555';

/** The rows of one form: label, text. Empty parts say so rather than leave a blank. */
export function formRows(r: RecordResponse): [string, string][] {
  return [
    ['公开事项', r.what],
    ['类别', r.categoryLabel],
    ['公开时间', `${r.when}（${formatShanghai(new Date(r.publishedAt))} 公开）`],
    ['公开单位、层级与形式', r.where],
    ['公开范围', r.toWhom],
    ['责任部门与责任人', `${r.departmentName} · ${r.responsiblePerson}`],
    ['职工提问与答复', r.questions.map(questionText).join('\n') || '无'],
    ['意见与评价', `意见 ${r.commentCount} 条；${ratingText(r.ratings)}`],
    ['整改措施', r.measures.map(measureText).join('\n') || '无'],
    ['办理结果', r.outcome ?? `（${r.statusLabel}，尚未办结）`],
    ['内容 SHA-256', r.contentSha256],
  ];
}

export async function renderRecordsPdf(input: RecordsPdfInput): Promise<Buffer> {
  const title = recordsTitle(input.year);
  const { doc, done } = cjkPdf({
    title,
    subject: '厂务公开记录表（备案备查）',
    generatedAt: input.generatedAt,
    bufferPages: true,
  });

  doc.font(BOLD).fontSize(16).fillColor('#000');
  doc.text(title, MARGIN, MARGIN, { width: PAGE_W - 2 * MARGIN, align: 'center' });
  doc.font(REGULAR).fontSize(9).fillColor(MUTED);
  doc.text(
    `共 ${input.records.length} 项 · 生成时间 ${formatShanghai(input.generatedAt)}（北京时间）`,
    MARGIN,
    MARGIN + 26,
    { width: PAGE_W - 2 * MARGIN, align: 'center' },
  );
  let y = MARGIN + 52;
  if (input.records.length === 0) {
    doc.font(REGULAR).fontSize(11).fillColor('#000');
    doc.text('本年度没有已公开的事项。', MARGIN, y);
  }
  input.records.forEach((r, i) => {
    y = drawForm(doc, r, i + 1, y) + 18;
  });

  const range = doc.bufferedPageRange();
  for (let p = 0; p < range.count; p++) {
    doc.switchToPage(range.start + p);
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    doc.text(`${title} · 第 ${p + 1} / ${range.count} 页`, MARGIN, PAGE_H - 40, {
      width: PAGE_W - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

/**
 * One form from `top`. A row that does not fit in what is left of the page goes to the next one;
 * a row longer than a whole page (many questions, a long outcome) is cut between its lines and
 * flows onto continuation pages. Every continuation page repeats the form's heading marked 续, and
 * a cut row's label is repeated marked 续, so a page read alone still says what it belongs to.
 * Lines are wrapped here and drawn one by one (never by pdfkit's own flow, which would run past
 * the foot). Returns the bottom.
 */
function drawForm(doc: Doc, r: RecordResponse, n: number, top: number): number {
  const heading = `记录表 ${n}：${r.what}`;
  const drawHeading = (y: number, text: string): number => {
    doc.font(BOLD).fontSize(11).fillColor('#000');
    doc.text(text, MARGIN, y, { width: PAGE_W - 2 * MARGIN });
    return y + doc.heightOfString(text, { width: PAGE_W - 2 * MARGIN }) + 6;
  };
  const continuation = (): number => drawHeading(newPage(doc), `${heading}（续）`);
  doc.font(BOLD).fontSize(11);
  const headH = doc.heightOfString(heading, { width: PAGE_W - 2 * MARGIN }) + 6;
  let y = top;
  if (y + headH + 40 > BOTTOM) y = newPage(doc);
  y = drawHeading(y, heading);

  doc.font(REGULAR).fontSize(SIZE);
  const lineH = doc.currentLineHeight(true);
  for (const [label, value] of formRows(r)) {
    doc.font(BOLD).fontSize(SIZE);
    const labelLines = wrapLines(doc, label, LABEL_W - 2 * PAD);
    doc.font(REGULAR).fontSize(SIZE);
    let lines = wrapLines(doc, value, VALUE_W - 2 * PAD);
    let cut = false;
    const whole = Math.max(lines.length, labelLines.length) * lineH + 2 * PAD;
    // A row that fits on a fresh page is moved whole rather than cut.
    if (y + whole > BOTTOM && whole <= BOTTOM - MARGIN - headH) y = continuation();
    while (lines.length > 0) {
      const room = Math.floor((BOTTOM - y - 2 * PAD) / lineH);
      if (room < Math.min(2, lines.length)) {
        y = continuation();
        continue;
      }
      const part = lines.slice(0, room);
      lines = lines.slice(room);
      const rowLabel = cut ? [`${label}（续）`] : labelLines;
      y = drawRow(doc, rowLabel, part, y, lineH);
      cut = true;
    }
  }
  return y;
}

/** One row's box and its lines from `y`; the caller has checked they fit. Returns the bottom. */
function drawRow(doc: Doc, label: string[], value: string[], y: number, lineH: number): number {
  const h = Math.max(label.length, value.length) * lineH + 2 * PAD;
  doc.save().lineWidth(0.5).strokeColor(RULE);
  doc.rect(MARGIN, y, LABEL_W, h).stroke();
  doc.rect(MARGIN + LABEL_W, y, VALUE_W, h).stroke();
  doc.restore();
  doc.font(BOLD).fontSize(SIZE).fillColor('#000');
  label.forEach((l, i) => doc.text(l, MARGIN + PAD, y + PAD + i * lineH, { lineBreak: false }));
  doc.font(REGULAR).fontSize(SIZE);
  value.forEach((l, i) =>
    doc.text(l, MARGIN + LABEL_W + PAD, y + PAD + i * lineH, { lineBreak: false }),
  );
  return y + h;
}

/**
 * `text` wrapped to `width` in the current font: each paragraph broken where the next character
 * would overflow (Chinese breaks anywhere; a Latin run breaks at its last space when it has one).
 * An empty paragraph stays as an empty line.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (line && doc.widthOfString(line + ch) > width) {
        const space = ch === ' ' ? line.length : line.lastIndexOf(' ');
        const keep = space > 0 && /[ -~]$/.test(line) ? space : line.length;
        out.push(line.slice(0, keep));
        line = line.slice(keep).trimStart();
        // The space a line breaks at is not carried to the next line.
        if (ch === ' ') continue;
      }
      line += ch;
    }
    out.push(line);
  }
  return out;
}

function newPage(doc: Doc): number {
  doc.addPage({ size: 'A4', margin: 0 });
  return MARGIN;
}
