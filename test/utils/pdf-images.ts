import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An image a PDF paints, decoded by pdf.js to RGBA (e.g. to read a QR code with jsqr). */
export interface PdfImage {
  page: number;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** pdf.js's image kinds: 1 bit grey, 24-bit RGB, 32-bit RGBA. */
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

/** The images of a PDF in painting order, page by page (1-bit ones are left out). */
export async function pdfImages(bytes: Buffer | Uint8Array): Promise<PdfImage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const out: PdfImage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      for (const [i, fn] of ops.fnArray.entries()) {
        if (fn !== OPS.paintImageXObject) continue;
        const name = ops.argsArray[i][0] as string;
        const img = await new Promise<{
          width: number;
          height: number;
          kind: number;
          data: Uint8ClampedArray;
        }>((resolve) => page.objs.get(name, resolve));
        if (img.kind === RGBA_32BPP)
          out.push({ page: p, width: img.width, height: img.height, rgba: img.data });
        else if (img.kind === RGB_24BPP) {
          const rgba = new Uint8ClampedArray(img.width * img.height * 4).fill(255);
          for (let k = 0; k < img.width * img.height; k++)
            rgba.set(img.data.subarray(k * 3, k * 3 + 3), k * 4);
          out.push({ page: p, width: img.width, height: img.height, rgba });
        }
      }
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
