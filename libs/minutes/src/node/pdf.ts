/**
 * The minutes as PDF/A-3b, laid out as a Chinese official document (after GB/T 9704: A4, the
 * issuing body's name in red over a red rule, the 文号, a centred title, numbered sections, page
 * numbers as “— 1 —”), with a signature page (each signer's role, name, time in Asia/Shanghai,
 * algorithm and key fingerprint; the document hash and a QR code of it). The canonical minutes
 * JSON and the signatures are embedded as PDF/A-3 associated files, so the PDF carries its own
 * proof: verifyPdf (../pdf-verify.ts) or any reader's attachment pane gets them back.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { canonicalBytes } from '../jcs.js';
import type { MinutesDocument } from '../model.js';
import { outline, shanghaiDate, type Block, type Outline } from '../outline.js';
import type { MinutesSignature } from '../signatures.js';
import { loadFonts, type PdfFonts } from './font.js';

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
// GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const BODY_W = PAGE_W - MARGINS.left - MARGINS.right;
const RED = '#c00000';
const INK = '#000000';
const MUTED = '#444444';
const R = 'cjk';
const B = 'cjk-bold';

export interface PdfOptions {
  fonts?: PdfFonts;
}

/** Renders the minutes and their signatures to PDF/A-3b bytes. */
export async function renderMinutesPdf(
  document: MinutesDocument,
  signatures: readonly MinutesSignature[],
  opts: PdfOptions = {},
): Promise<Uint8Array> {
  const o = outline(document, signatures);
  const fonts = opts.fonts ?? loadFonts();
  const finalised = new Date(document.finalisedAt);
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'zh-CN',
    info: {
      Title: document.title,
      Author: document.issuer,
      Subject: document.reference,
      Creator: '职代会 Congress app',
      CreationDate: finalised,
      ModDate: finalised,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont(R, Buffer.from(fonts.regular));
  doc.registerFont(B, Buffer.from(fonts.bold));

  doc.addPage();
  header(doc, o);
  for (const block of o.blocks) draw(doc, block);
  dateLine(doc, o);
  doc.addPage();
  signaturePage(doc, o);
  pageNumbers(doc);

  // pdfkit writes /AFRelationship from `relationship` (PDF/A-3 associated files); its types lack it.
  const attach = (name: string, bytes: Uint8Array, relationship: string, description: string) =>
    doc.file(Buffer.from(bytes), {
      name,
      type: 'application/json',
      description,
      creationDate: finalised,
      modifiedDate: finalised,
      ...{ relationship },
    });
  attach(
    'minutes.json',
    canonicalBytes(document),
    'Source',
    '会议记录（规范化 JSON，RFC 8785），签名所签的原文',
  );
  attach(
    'signatures.json',
    canonicalBytes([...signatures]),
    'Supplement',
    '签名（记录人、主持人、监票人）',
  );
  doc.end();
  return done;
}

function header(doc: Doc, o: Outline): void {
  doc.font(B).fontSize(22).fillColor(RED);
  doc.text(o.issuer, { align: 'center', width: BODY_W });
  doc.moveDown(0.6);
  doc.font(R).fontSize(14).fillColor(INK).text(o.reference, { align: 'center', width: BODY_W });
  const y = doc.y + 6;
  doc
    .save()
    .lineWidth(1.5)
    .strokeColor(RED)
    .moveTo(MARGINS.left, y)
    .lineTo(PAGE_W - MARGINS.right, y)
    .stroke()
    .restore();
  doc.y = y + 18;
  doc
    .font(B)
    .fontSize(18)
    .fillColor(INK)
    .text(o.title, MARGINS.left, doc.y, { align: 'center', width: BODY_W });
  doc.moveDown(1);
}

function draw(doc: Doc, b: Block): void {
  const x = MARGINS.left;
  if (b.kind === 'heading') {
    doc.moveDown(0.4).font(B).fontSize(14).fillColor(INK).text(b.text, x, doc.y, { width: BODY_W });
    doc.moveDown(0.2);
  } else if (b.kind === 'subheading') {
    doc
      .font(B)
      .fontSize(12)
      .text(b.text, x + 24, doc.y, { width: BODY_W - 24 });
  } else if (b.kind === 'para') {
    doc
      .font(R)
      .fontSize(12)
      .fillColor(INK)
      .text(b.text, x, doc.y, { width: BODY_W, indent: 24, lineGap: 3 });
  } else table(doc, b);
}

function table(doc: Doc, t: Extract<Block, { kind: 'table' }>): void {
  const total = t.widths.reduce((a, w) => a + w, 0);
  const widths = t.widths.map((w) => (w / total) * BODY_W);
  const pad = 3;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? B : R).fontSize(10);
    const h =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) +
      2 * pad;
    if (doc.y + h > PAGE_H - MARGINS.bottom) doc.addPage();
    const y = doc.y;
    let x = MARGINS.left;
    cells.forEach((c, i) => {
      doc.save().lineWidth(0.5).strokeColor(MUTED).rect(x, y, widths[i]!, h).stroke().restore();
      doc.fillColor(INK).text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.x = MARGINS.left;
    doc.y = y + h;
  };
  doc.moveDown(0.3);
  row(t.header, true);
  for (const r of t.rows) row(r, false);
  doc.moveDown(0.5);
}

function dateLine(doc: Doc, o: Outline): void {
  doc.moveDown(1.5);
  doc.font(R).fontSize(12).fillColor(INK);
  doc.text(o.issuer, MARGINS.left, doc.y, { align: 'right', width: BODY_W });
  doc.text(shanghaiDate(o.finalisedAt), { align: 'right', width: BODY_W });
}

function signaturePage(doc: Doc, o: Outline): void {
  doc.font(B).fontSize(18).fillColor(INK).text('签 署 页', { align: 'center', width: BODY_W });
  doc.moveDown(0.5);
  doc.font(R).fontSize(10).fillColor(MUTED);
  doc.text(`${o.title}（${o.reference}）`, { align: 'center', width: BODY_W });
  doc.moveDown(1);
  if (o.signatures.length === 0) {
    doc.font(R).fontSize(12).fillColor(INK).text('（尚无签名）', { width: BODY_W });
  }
  // The minutes' signers first, four lines each; then the tellers' tally signatures, two lines each.
  const ordered = [...o.signatures].sort((a, b) => Number(a.tally) - Number(b.tally));
  for (const s of ordered) {
    if (doc.y > PAGE_H - MARGINS.bottom - 80) doc.addPage();
    doc
      .font(B)
      .fontSize(s.tally ? 11 : 12)
      .fillColor(INK);
    doc.text(`${s.role}：${s.signer}`, MARGINS.left, doc.y, { width: BODY_W });
    doc.font(R).fontSize(10).fillColor(INK);
    const line = (text: string) => doc.text(text, { width: BODY_W, indent: 24 });
    if (s.tally) {
      line(`${s.what}；${s.time}（北京时间）；${s.algorithm}；密钥指纹 ${s.shortFingerprint}`);
    } else {
      line(`签署内容：${s.what}`);
      line(`签署时间：${s.time}（北京时间）\u3000算法：${s.algorithm}`);
      line(`密钥指纹：${s.shortFingerprint}`);
      doc.fillColor(MUTED);
      line(s.fingerprint);
    }
    doc.moveDown(0.4);
  }
  doc.moveDown(0.5);
  if (doc.y + 150 > PAGE_H - MARGINS.bottom) doc.addPage();
  doc.font(B).fontSize(12).fillColor(INK);
  doc.text('文档哈希（SHA-256，对规范化 JSON 计算）', MARGINS.left, doc.y, { width: BODY_W });
  doc
    .font(R)
    .fontSize(10)
    .text(o.documentHash.match(/.{1,16}/g)!.join(' '), { width: BODY_W });
  doc.moveDown(0.5);
  const size = 110;
  const top = doc.y;
  qr(doc, o.qrText, MARGINS.left, top, size);
  doc
    .font(R)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      '扫描二维码可得文档哈希。本 PDF 内嵌 minutes.json（签名所签的原文）和 signatures.json；' +
        '任何人可离线重新计算哈希并验证每个签名，方法见会议记录格式说明。',
      MARGINS.left + size + 12,
      top + 8,
      { width: BODY_W - size - 12 },
    );
}

/** The QR code as filled vector rectangles (one per run of dark modules), quiet zone included. */
function qr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const unit = size / (n + 8);
  doc.save();
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n;) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      doc.rect(x + (start + 4) * unit, y + (row + 4) * unit, (col - start) * unit, unit);
    }
  doc.fillColor(INK).fill().restore();
}

function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.font(R).fontSize(12).fillColor(INK);
    doc.text(`— ${i + 1} —`, MARGINS.left, PAGE_H - 20 * MM, {
      align: 'center',
      width: BODY_W,
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
