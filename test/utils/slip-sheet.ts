import jsQRModule from 'jsqr';
import { pdfImages } from './pdf-images.js';
import { pdfItems } from './pdf-text.js';

// jsqr is CommonJS with an ES-style `default`: under `nodenext` the default import is the module.
const jsQR = jsQRModule.default;

/** A printed slip as read back from the PDF's text: serial number and the text typed back. */
export interface PrintedSlip {
  serial: number;
  /** The `congress-slip:1:…:` prefix line and the grouped secret lines, as one line. */
  typed: string;
}

/**
 * The slips of a teller's slip PDF (apps/teller slips-pdf.ts), read from its text in drawing
 * order: 序号 n, …, 无法扫码时手工输入：, the secret's lines, the prefix line.
 */
export async function printedSlips(pdf: Buffer | Uint8Array): Promise<PrintedSlip[]> {
  const items = await pdfItems(pdf);
  const out: PrintedSlip[] = [];
  let serial = 0;
  let groups: string[] | null = null;
  for (const item of items) {
    const n = /^序号 (\d+)$/.exec(item);
    if (n) serial = Number(n[1]);
    else if (item === '无法扫码时手工输入：') groups = [];
    else if (groups && item.startsWith('congress-slip:')) {
      out.push({ serial, typed: `${item}${groups.join(' ')}` });
      groups = null;
    } else if (groups) groups.push(item);
  }
  return out;
}

/** The QR codes the PDF paints, decoded (undefined for an image that is not a readable QR). */
export async function pdfQrTexts(pdf: Buffer | Uint8Array): Promise<(string | undefined)[]> {
  return (await pdfImages(pdf)).map((img) => jsQR(img.rgba, img.width, img.height)?.data);
}
