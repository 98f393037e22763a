import { writeFileSync } from 'node:fs';
import { qrRectangles } from '../../../apps/api/src/roster/login-sheet/qr.js';

/**
 * A video file for Chromium's fake camera (`--use-file-for-fake-video-capture`): Y4M, i.e. a text
 * header and then raw YUV 4:2:0 frames, showing `text`'s QR code, drawn from the same rectangles
 * the printed card fills, black on white in the middle of a grey frame. Chromium loops the file.
 */
export function writeQrY4m(path: string, text: string, width = 640, height = 480, frames = 5) {
  const { size, rects } = qrRectangles(text);
  const module = Math.floor((Math.min(width, height) * 0.8) / size);
  const left = Math.floor((width - size * module) / 2);
  const top = Math.floor((height - size * module) / 2);
  const luma = Buffer.alloc(width * height, 160); // a grey wall behind the card
  for (let y = top; y < top + size * module; y++)
    luma.fill(235, y * width + left, y * width + left + size * module); // the card: white
  for (const [x, y, w, h] of rects)
    for (let row = (top + y * module) | 0; row < top + (y + h) * module; row++)
      luma.fill(16, row * width + left + x * module, row * width + left + (x + w) * module);
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128); // no colour
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
