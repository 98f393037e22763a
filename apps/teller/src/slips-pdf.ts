/**
 * The printed ballot slips (投票凭证) of one teller: a first page for the teller (session, teller
 * index, count, the batch digest, what to do), then A4 pages of cut-out slips, 2 × 4 a page, with
 * dashed cut lines. Each slip carries its secret key twice: as a QR code of libs/ballot
 * `slipText` (the tablet scans it at check-in) and as text, the secret in groups of four for
 * typing when a camera fails. The serial number is the printing order only: the server holds the
 * public keys sorted, so no number leads to a key.
 *
 * Chinese text is set in Noto Sans SC from the package the minutes PDF embeds (libs/minutes
 * `loadFonts`); the keys in Courier, a PDF standard font (nothing to embed, one width for all
 * characters, so the groups line up).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { slipText, type Slip } from '../../../libs/ballot/src/index.js';
import { loadFonts } from '../../../libs/minutes/src/node/font.js';
import { shanghaiTime } from '../../../libs/minutes/src/outline.js';

export interface SlipSheetInput {
  sessionId: string;
  /** The session's name as the api gives it (none: the slips say the session id only). */
  sessionName?: string;
  teller: number;
  /** In printing order; serial numbers are 1.. in this order. */
  slips: readonly Slip[];
  /** libs/ballot slipBatchDigest of the batch, hex. */
  digest: string;
  generatedAt: Date;
}

/** Slips per page: 2 columns × 4 rows on A4. */
export const SLIP_COLUMNS = 2;
export const SLIP_ROWS = 4;
export const SLIPS_PER_PAGE = SLIP_COLUMNS * SLIP_ROWS;

/** Pages of the PDF: the teller's page, then the slip pages. */
export function slipSheetPageCount(count: number): number {
  return 1 + Math.ceil(count / SLIPS_PER_PAGE);
}

/**
 * A slip's text as printed: `congress-slip:1:<teller>:<session>:` then the base32 secret in
 * groups of four. Typed back as one line (spaces and hyphens are ignored), libs/ballot
 * `readSlip` reads it.
 */
export function slipTextLines(slip: Slip): { prefix: string; groups: string[] } {
  const text = slipText(slip);
  const cut = text.lastIndexOf(':') + 1;
  return { prefix: text.slice(0, cut), groups: text.slice(cut).match(/.{1,4}/g) ?? [] };
}

/** The note every slip carries. */
export const SLIP_NOTE = '请对折密封；签到时由代表随机抽取；勿拍照、勿外传';

const REGULAR = 'cjk';
const BOLD = 'cjk-bold';
const MONO = 'Courier';
const MONO_BOLD = 'Courier-Bold';

// A4 in points (1 pt = 1/72 in ≈ 0.353 mm).
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 32;
const GRID_TOP = 40;
const FOOTER_Y = PAGE_H - 34;
const SLIP_W = (PAGE_W - 2 * MARGIN_X) / SLIP_COLUMNS;
const SLIP_H = (FOOTER_Y - 8 - GRID_TOP) / SLIP_ROWS;
const PAD = 12;
const QR_SIZE = 104;
const GROUPS_PER_LINE = 4;

/** Ascents (top of a line to its baseline, per point of size): Noto Sans SC (hhea), Courier (AFM). */
const NOTO_ASCENT = 1.16;
const COURIER_ASCENT = 0.629;

const INK = '#000000';
const MUTED = '#555555';
const RULE = '#999999';

type Doc = PDFKit.PDFDocument;

/** The whole PDF in memory (a few KB a page): the caller writes it where it belongs. */
export async function renderSlipSheet(input: SlipSheetInput): Promise<Buffer> {
  const fonts = loadFonts();
  // QR codes first: a failure leaves no half-made document.
  const qrs = await Promise.all(
    input.slips.map((s) =>
      QRCode.toBuffer(slipText(s), { errorCorrectionLevel: 'M', margin: 2, scale: 8 }),
    ),
  );
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `第 ${input.teller} 号监票人 投票凭证`,
      Subject: input.sessionName ?? input.sessionId,
      Creator: '职代会 Congress app',
      CreationDate: input.generatedAt,
      ModDate: input.generatedAt,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, Buffer.from(fonts.regular));
  doc.registerFont(BOLD, Buffer.from(fonts.bold));

  const pages = slipSheetPageCount(input.slips.length);
  doc.addPage({ size: 'A4', margin: 0 });
  drawTellerPage(doc, input);
  footer(doc, input.teller, 1, pages);
  for (let page = 1; page < pages; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    const first = (page - 1) * SLIPS_PER_PAGE;
    const onPage = input.slips.slice(first, first + SLIPS_PER_PAGE);
    drawCutLines(doc, onPage.length);
    onPage.forEach((slip, i) => {
      const x = MARGIN_X + (i % SLIP_COLUMNS) * SLIP_W;
      const y = GRID_TOP + Math.floor(i / SLIP_COLUMNS) * SLIP_H;
      drawSlip(doc, input, slip, qrs[first + i]!, first + i + 1, x, y);
    });
    footer(doc, input.teller, page + 1, pages);
  }
  doc.end();
  return done;
}

function drawTellerPage(doc: Doc, input: SlipSheetInput): void {
  const left = MARGIN_X + 8;
  const width = PAGE_W - 2 * left;
  let y = 56;
  doc.font(BOLD).fontSize(18).fillColor(INK);
  doc.text(`第 ${input.teller} 号监票人 投票凭证`, left, y, { width });
  y += 30;
  doc.font(REGULAR).fontSize(10).fillColor(MUTED);
  doc.text('本页为监票人自留，请勿裁剪分发。', left, y, { width });
  y += 26;
  const field = (label: string, value: string, font = REGULAR) => {
    doc.font(REGULAR).fontSize(10.5).fillColor(MUTED).text(label, left, y, { lineBreak: false });
    // Courier's ascent is about half Noto Sans SC's: lowered so both share the baseline.
    const drop = font === REGULAR ? 0 : (NOTO_ASCENT - COURIER_ASCENT) * 10.5;
    doc
      .font(font)
      .fontSize(10.5)
      .fillColor(INK)
      .text(value, left + 72, y + drop, { width: width - 72 });
    y = Math.max(doc.y, y + 16) + 6;
  };
  if (input.sessionName) field('会议', input.sessionName);
  field('会议 ID', input.sessionId, MONO);
  field('监票人编号', String(input.teller));
  field('凭证张数', `${input.slips.length} 张（序号 1–${input.slips.length}）`);
  field('批次摘要', input.digest.replace(/(.{16})/g, '$1 ').trim(), MONO_BOLD);
  field('生成时间', shanghaiTime(input.generatedAt.toISOString()));
  y += 10;
  doc.font(BOLD).fontSize(12).fillColor(INK).text('怎样使用', left, y, { width });
  y = doc.y + 6;
  const steps = [
    `核对：生成本文件的命令已核对服务器记下的批次摘要与本机一致；服务器公布的第 ${input.teller} 号监票人批次摘要（GET /api/sessions/${input.sessionId}/slip-batches）也应以 ${input.digest.slice(0, 16)} 开头。`,
    '打印：用 A4 纸单面打印全部页面，按实际大小（100%）打印，不要缩放；打印时本人在场。打印不清的整页先销毁再重印；全部打印清楚后删除 PDF 文件及打印任务。',
    '裁剪：沿虚线裁开每一张凭证；张数应与上面的凭证张数一致。',
    '对折密封：二维码和文字朝内对折，用订书钉或胶水封口，让人从外面看不到二维码。',
    '装箱：全部凭证放入本人的凭证箱，摇匀，封好。',
    '带到签到处：开会当天把凭证箱带到会场门口的签到处。每位代表签到时从每位监票人的箱中各随机抽取一张，交平板扫描；谁抽到哪一张不作记录。',
    '会后：剩余的凭证当众销毁（碎纸），不要留存、拍照或带走。',
  ];
  doc.font(REGULAR).fontSize(10.5).fillColor(INK);
  steps.forEach((s, i) => {
    doc.text(`${i + 1}. ${s}`, left, y, { width, lineGap: 2 });
    y = doc.y + 5;
  });
  y += 8;
  doc.font(REGULAR).fontSize(9.5).fillColor(MUTED);
  doc.text(
    '凭证上的二维码就是签名私钥：服务器只收到公钥，无法替没有投票的代表伪造选票（它需要从每位监票人的箱中各拿到一张凭证）。因此凭证一旦拍照或外传，拿到的人就能冒用这一张；请像保管空白选票一样保管本箱。',
    left,
    y,
    { width, lineGap: 2 },
  );
}

function drawSlip(
  doc: Doc,
  input: SlipSheetInput,
  slip: Slip,
  qr: Buffer,
  serial: number,
  x: number,
  y: number,
): void {
  const left = x + PAD;
  const inner = SLIP_W - 2 * PAD;
  const serialText = `序号 ${serial}`;
  doc.font(REGULAR).fontSize(9);
  const serialW = doc.widthOfString(serialText);
  put(doc, `第 ${slip.teller} 号监票人 投票凭证`, left, y + 10, {
    font: BOLD,
    size: 12.5,
    width: inner - serialW - 8,
  });
  put(doc, serialText, x + SLIP_W - PAD - serialW, y + 13, { size: 9, width: serialW });
  put(doc, input.sessionName ?? `会议 ${input.sessionId}`, left, y + 29, {
    size: 8,
    width: inner,
    color: MUTED,
  });
  const qrY = y + 43;
  doc.image(qr, left - 4, qrY, { width: QR_SIZE, height: QR_SIZE });
  const { prefix, groups } = slipTextLines(slip);
  const textX = left + QR_SIZE + 4;
  const textW = x + SLIP_W - PAD - textX;
  put(doc, '无法扫码时手工输入：', textX, qrY + 8, { size: 7, width: textW, color: MUTED });
  for (let line = 0; line * GROUPS_PER_LINE < groups.length; line++) {
    const text = groups.slice(line * GROUPS_PER_LINE, (line + 1) * GROUPS_PER_LINE).join(' ');
    doc
      .font(MONO_BOLD)
      .fontSize(10.5)
      .fillColor(INK)
      .text(text, textX, qrY + 24 + line * 15, { lineBreak: false });
  }
  doc
    .font(MONO)
    .fontSize(6)
    .fillColor(MUTED)
    .text(prefix, left, qrY + QR_SIZE + 2, { lineBreak: false });
  put(doc, SLIP_NOTE, left, y + SLIP_H - 18, { font: BOLD, size: 8, width: inner });
}

/** Dashed cutting lines around the first `count` slots, each shared edge drawn once. */
function drawCutLines(doc: Doc, count: number): void {
  doc.save().lineWidth(0.5).strokeColor(RULE).dash(4, { space: 3 });
  for (let i = 0; i < count; i++) {
    const col = i % SLIP_COLUMNS;
    const x = MARGIN_X + col * SLIP_W;
    const y = GRID_TOP + Math.floor(i / SLIP_COLUMNS) * SLIP_H;
    doc.moveTo(x, y).lineTo(x + SLIP_W, y);
    doc.moveTo(x, y).lineTo(x, y + SLIP_H);
    if (col === SLIP_COLUMNS - 1 || i + 1 >= count)
      doc.moveTo(x + SLIP_W, y).lineTo(x + SLIP_W, y + SLIP_H);
    if (i + SLIP_COLUMNS >= count) doc.moveTo(x, y + SLIP_H).lineTo(x + SLIP_W, y + SLIP_H);
  }
  doc.stroke().undash().restore();
}

function footer(doc: Doc, teller: number, page: number, pages: number): void {
  const text = `第 ${teller} 号监票人 投票凭证 · 第 ${page} / ${pages} 页`;
  doc.font(REGULAR).fontSize(8);
  const w = doc.widthOfString(text);
  put(doc, text, (PAGE_W - w) / 2, FOOTER_Y, { size: 8, width: w, color: MUTED });
}

/** One line at (x, y), never wrapped: cut short with "…" when wider than `width`. */
function put(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  o: { font?: string; size: number; width: number; color?: string },
): void {
  doc
    .font(o.font ?? REGULAR)
    .fontSize(o.size)
    .fillColor(o.color ?? INK);
  let line = text;
  if (doc.widthOfString(line) > o.width) {
    const chars = Array.from(line);
    while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > o.width) chars.pop();
    line = `${chars.join('')}…`;
  }
  doc.text(line, x, y, { lineBreak: false });
}
