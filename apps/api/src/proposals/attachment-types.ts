/**
 * What an uploaded answer attachment really is, from its bytes (the client's content type and
 * file name are not trusted). Only PDF, DOCX, XLSX, PNG and JPEG are taken; Office files are
 * told apart by the parts inside the ZIP, and macro-enabled ones are refused.
 */
export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extension: '.pdf' },
  png: { contentType: 'image/png', extension: '.png' },
  jpeg: { contentType: 'image/jpeg', extension: '.jpg' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: '.xlsx',
  },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Buffer, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

export function sniffAttachment(bytes: Buffer): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names || !names.has('[Content_Types].xml')) return null;
    if ([...names].some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/** The names in a ZIP's central directory, or null if it cannot be read (or is ZIP64). */
export function zipEntryNames(bytes: Buffer): Set<string> | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const names = new Set<string>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength > bytes.length) return null;
    names.add(bytes.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (bytes.readUInt32LE(p) === 0x06054b50) return p;
  }
  return -1;
}

/**
 * A file name safe to store and send back: no path, no control characters, at most 200
 * characters, ending in the extension of what the file really is.
 */
export function safeFilename(name: string, type: AttachmentType): string {
  const { extension } = ATTACHMENT_TYPES[type];
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const known = type === 'jpeg' ? /\.jpe?g$/i : new RegExp(`\\${extension}$`, 'i');
  const withExtension = known.test(base) ? base : `${base || '附件'}${extension}`;
  return withExtension.length > 200
    ? withExtension.slice(0, 200 - extension.length) + extension
    : withExtension;
}
