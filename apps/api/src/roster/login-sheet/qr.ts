/**
 * QR codes as vector rectangles: crisp at any print resolution and a few KB per code, where a PNG
 * would be blurry or large. The PDF draws exactly the rectangles `qrRectangles` returns, and the
 * spec rasterises the same rectangles and decodes them, so what is tested is what is printed.
 */
import QRCode from 'qrcode';

/** Modules of light margin around the symbol that scanners need (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_ZONE = 4;

export interface QrRectangles {
  /** Width and height of the whole code in modules, quiet zone included. */
  size: number;
  /** Dark areas as `[x, y, width, height]` in modules, from the top-left corner; one per run. */
  rects: Array<[number, number, number, number]>;
}

/**
 * The dark modules of `text`'s QR code, each horizontal run of dark modules merged into one
 * rectangle. Error correction M (15 %) keeps a log-in URL at version 4–5: large modules that a
 * tablet camera reads easily from paper, with room for a crease or a smudge.
 */
export function qrRectangles(text: string): QrRectangles {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const rects: QrRectangles['rects'] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      rects.push([start + QR_QUIET_ZONE, row + QR_QUIET_ZONE, col - start, 1]);
    }
  }
  return { size: n + 2 * QR_QUIET_ZONE, rects };
}
