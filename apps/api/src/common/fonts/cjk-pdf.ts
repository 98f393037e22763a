import PDFDocument from 'pdfkit';
import { loadCjkFont } from './cjk-font.js';

/** The names a CJK PDF's text is set in: Noto Sans SC regular and bold, embedded (subset). */
export const CJK_REGULAR = 'cjk';
export const CJK_BOLD = 'cjk-bold';

/**
 * An A4 pdfkit document with the CJK fonts registered and its bytes collected: draw on `doc`,
 * call `doc.end()`, await `done`. Dated by the caller (no clock here), so the same input gives
 * the same metadata.
 */
export function cjkPdf(opts: {
  title: string;
  subject: string;
  generatedAt: Date;
  bufferPages?: boolean;
  /** false: the caller adds every page itself (a sheet of cards). */
  autoFirstPage?: boolean;
}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: opts.bufferPages ?? false,
    autoFirstPage: opts.autoFirstPage ?? true,
    info: {
      Title: opts.title,
      Subject: opts.subject,
      Creator: '职代会 Congress app',
      CreationDate: opts.generatedAt,
      ModDate: opts.generatedAt,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(CJK_REGULAR, loadCjkFont('regular'));
  doc.registerFont(CJK_BOLD, loadCjkFont('bold'));
  return { doc, done };
}
