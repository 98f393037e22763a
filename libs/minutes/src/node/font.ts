/**
 * The CJK font the PDF embeds (pdfkit subsets it): Noto Sans SC from the npm package the project
 * already ships for its PDFs, `@expo-google-fonts/noto-sans-sc` (TrueType outlines, which embed
 * as /FontFile2; why this package: apps/api/src/common/fonts/cjk-font.ts). A caller that has the
 * bytes already can pass them to renderMinutesPdf instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const PACKAGE = '@expo-google-fonts/noto-sans-sc';
let cached: PdfFonts | null = null;

export function loadFonts(): PdfFonts {
  if (!cached) {
    const resolve = createRequire(import.meta.url).resolve;
    cached = {
      regular: readFileSync(resolve(`${PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`)),
      bold: readFileSync(resolve(`${PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`)),
    };
  }
  return cached;
}
