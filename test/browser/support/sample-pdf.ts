import PDFDocument from 'pdfkit';
import { loadCjkFont } from '../../../apps/api/src/common/fonts/cjk-font.js';

/** A two-page A4 PDF in Chinese (the CJK font embedded), as a union's agenda document would be. */
export function samplePdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', loadCjkFont('regular'));
    doc.font('cjk').fontSize(24).text(title, { align: 'center' }).moveDown();
    doc.fontSize(14);
    for (const line of lines) doc.text(line).moveDown(0.5);
    doc.addPage().fontSize(14).text('第二页：附件与说明。');
    doc.end();
  });
}
