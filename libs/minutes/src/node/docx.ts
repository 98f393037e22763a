/**
 * The minutes as DOCX (the `docx` package), for a secretary who must edit a copy. The same outline
 * as the PDF; an edited DOCX is of course no longer what was signed: the header says so.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MinutesDocument } from '../model.js';
import { outline, shanghaiDate, type Block } from '../outline.js';
import type { MinutesSignature } from '../signatures.js';

const FONT = { ascii: 'Noto Sans SC', eastAsia: 'Noto Sans SC', hAnsi: 'Noto Sans SC' };
// docx sizes are in half-points; A4 and the margins in twentieths of a point.
const MM = 1440 / 25.4;

const run = (text: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({
    text,
    font: FONT,
    bold: opts.bold,
    size: (opts.size ?? 12) * 2,
    color: opts.color,
  });

/** One outline block as DOCX: headings, paragraphs and tables in the minutes' style. */
export function block(b: Block): Paragraph | Table {
  if (b.kind === 'heading')
    return new Paragraph({
      children: [run(b.text, { bold: true, size: 14 })],
      spacing: { before: 200 },
    });
  if (b.kind === 'subheading')
    return new Paragraph({ children: [run(b.text, { bold: true })], indent: { firstLine: 480 } });
  if (b.kind === 'para')
    return new Paragraph({
      children: [run(b.text)],
      indent: { firstLine: 480 },
      spacing: { line: 360 },
    });
  const total = b.widths.reduce((a, w) => a + w, 0);
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: Math.round((b.widths[i]! / total) * 5000), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [run(text, { bold, size: 10 })] })],
    });
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

const A4_PAGE = {
  size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
  },
};

/**
 * Another of the app's documents in the minutes' DOCX style (A4, the same margins, font and
 * blocks): a centred title and subtitle, then the blocks. Used by the api for documents that
 * are not minutes (e.g. the congress's quality self-assessment).
 */
export async function renderBlocksDocx(input: {
  title: string;
  subtitle: string;
  description: string;
  blocks: readonly Block[];
}): Promise<Uint8Array> {
  const centred = (text: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, opts)] });
  const doc = new Document({
    creator: '职代会 Congress app',
    title: input.title,
    description: input.description,
    sections: [
      {
        properties: { page: A4_PAGE },
        children: [
          centred(input.title, { bold: true, size: 18 }),
          centred(input.subtitle, { size: 10, color: '666666' }),
          ...input.blocks.map(block),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function renderMinutesDocx(
  document: MinutesDocument,
  signatures: readonly MinutesSignature[] = [],
): Promise<Uint8Array> {
  const o = outline(document, signatures);
  const centred = (text: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, opts)] });
  const doc = new Document({
    creator: '职代会 Congress app',
    title: document.title,
    description: `${document.reference}；可编辑副本，签名所签的是 PDF 内嵌的 minutes.json`,
    sections: [
      {
        properties: { page: A4_PAGE },
        children: [
          centred('可编辑副本：以签名的 PDF 及其内嵌的 minutes.json 为准', {
            size: 9,
            color: '666666',
          }),
          centred(o.issuer, { bold: true, size: 22, color: 'C00000' }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
            children: [run(o.reference, { size: 14 })],
          }),
          centred(o.title, { bold: true, size: 18 }),
          ...o.blocks.map(block),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 480 },
            children: [run(o.issuer)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(shanghaiDate(o.finalisedAt))],
          }),
          centred('签 署 情 况', { bold: true, size: 14 }),
          ...o.signatures.map(
            (s) =>
              new Paragraph({
                children: [
                  run(
                    `${s.role}：${s.signer}；${s.what}；${s.time}（北京时间）；${s.algorithm}；密钥指纹 ${s.shortFingerprint}`,
                    { size: 10 },
                  ),
                ],
              }),
          ),
          new Paragraph({
            children: [run(`文档哈希（SHA-256）：${o.documentHash}`, { size: 10 })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
