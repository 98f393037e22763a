import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface.js';

/**
 * One file in memory, at most `maxBytes` (past that: 413). Browsers send file names as UTF-8;
 * multer's default (latin1) would turn 财务报告.pdf into mojibake.
 */
export function singleFileUpload(maxBytes: number): MulterOptions {
  return { limits: { fileSize: maxBytes, files: 1 }, defParamCharset: 'utf8' } as MulterOptions;
}

/** What multer hands over for one uploaded file (memory storage): what the services read of it. */
export interface UploadedFileData {
  originalname: string;
  buffer: Buffer;
}
