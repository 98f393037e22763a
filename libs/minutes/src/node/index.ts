/**
 * libs/minutes/node — Node-only: rendering to PDF/A-3b (pdfkit, with the embedded CJK font) and
 * DOCX (docx). Everything else, including verifyBundle, is in the browser-safe ../index.js.
 */
export { renderMinutesPdf, type PdfOptions } from './pdf.js';
export { renderBlocksDocx, renderMinutesDocx } from './docx.js';
export type { Block as DocumentBlock } from '../outline.js';
export { loadFonts, type PdfFonts } from './font.js';
