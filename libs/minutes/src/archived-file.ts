/**
 * A file kept in the archive itself (e.g. a year's 厂务公开记录表 as PDF): the entry's content is
 * canonical JSON that carries the file's bytes in base64 with their SHA-256, so the chain's
 * content hash covers the bytes and the file can be read back from an archive export alone.
 */
import { base64 } from '@scure/base';
import { MinutesError } from './errors.js';
import { sha256Hex } from './jcs.js';

export interface ArchivedFile {
  name: string;
  mediaType: string;
  /** SHA-256 (hex) of the bytes. */
  sha256: string;
  /** The bytes, base64 (RFC 4648, padded). */
  base64: string;
}

/** Content of an `openness_records` entry: a year's record forms as a PDF, and what it was made from. */
export interface OpennessRecordsContent {
  format: 'openness-records';
  version: 1;
  year: number;
  /** Published items the PDF has a form for. */
  items: number;
  /** SHA-256 of the canonical JSON of the records the PDF was rendered from: same records, same hash. */
  recordsSha256: string;
  file: ArchivedFile;
}

export function archivedFile(name: string, mediaType: string, bytes: Uint8Array): ArchivedFile {
  return { name, mediaType, sha256: sha256Hex(bytes), base64: base64.encode(bytes) };
}

/** The bytes of an archived file, checked against its SHA-256 (and, for a PDF, its header). */
export function fileBytes(file: ArchivedFile, where: { seq?: number } = {}): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(file.base64);
  } catch {
    throw new MinutesError('BAD_ENCODING', `档案文件 ${file.name} 不是 base64`, where);
  }
  if (sha256Hex(bytes) !== file.sha256)
    throw new MinutesError(
      'FILE_HASH_MISMATCH',
      `档案文件 ${file.name} 的 SHA-256 与登记的不符`,
      where,
    );
  const pdfHeader = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  if (file.mediaType === 'application/pdf' && !pdfHeader.every((b, i) => bytes[i] === b))
    throw new MinutesError('PDF_MISMATCH', `档案文件 ${file.name} 不是 PDF`, where);
  return bytes;
}
