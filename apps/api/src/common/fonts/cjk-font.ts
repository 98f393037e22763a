/**
 * The CJK font every generated PDF embeds (log-in sheets now; minutes and ballots later).
 *
 * A fresh machine has only Node.js and npm — no system fonts, no downloads at run time — so the
 * font comes from an npm package: `@expo-google-fonts/noto-sans-sc` (0.4.3, SIL OFL 1.1 for the
 * fonts, MIT for the package's own code). It ships Noto Sans SC as plain static TrueType files,
 * one per weight (≈10.5 MB each, ≈96 MB unpacked for all nine weights, ≈57 MB download), each
 * with ≈30,900 glyphs: all of GB 2312 and the whole CJK Unified Ideographs block, so rare name
 * characters (堃 喆 赟 玥 …) render too, plus Latin, digits and full-width punctuation.
 *
 * Why this package: TrueType (glyf) outlines embed as `/FontFile2` (CIDFontType2), the form every
 * PDF reader handles, and pdfkit subsets them to a few KB per document. The lighter
 * `@embedpdf/fonts-sc` (≈42 MB, same glyph coverage) ships CFF-based OTF files, whose pdfkit
 * subsets came out ~7× larger (49 KB against 7 KB for the same line) and whose kind has a history
 * of reader trouble; `@fontsource/*` and the `*-webfont` packages
 * split the font into many woff2 files by unicode-range, which a PDF library cannot use as one font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type CjkFontWeight = 'regular' | 'bold';

/** The npm package the font files come from. */
export const CJK_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

const FILES: Record<CjkFontWeight, string> = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
};

/** PostScript names of the fonts, as they appear (after the subset tag) in a PDF. */
export const CJK_FONT_POSTSCRIPT_NAMES: Record<CjkFontWeight, string> = {
  regular: 'NotoSansSC-Regular',
  bold: 'NotoSansSC-Bold',
};

const cache = new Map<CjkFontWeight, Buffer>();

/** Absolute path of a weight's TTF file; works from `src` (jest, tsx) and from `dist`. */
export function cjkFontPath(weight: CjkFontWeight): string {
  return createRequire(import.meta.url).resolve(`${CJK_FONT_PACKAGE}/${FILES[weight]}`);
}

/** The TTF bytes of a weight, read from disk once and then kept in memory. */
export function loadCjkFont(weight: CjkFontWeight): Buffer {
  let font = cache.get(weight);
  if (!font) {
    font = readFileSync(cjkFontPath(weight));
    cache.set(weight, font);
  }
  return font;
}
