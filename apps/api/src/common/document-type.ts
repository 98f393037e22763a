import { fileTypeFromBuffer } from 'file-type';

/**
 * The documents staff and departments attach (agenda documents, 厂务公开 attachments): what a
 * file is, judged from its bytes (a renamed .exe stays an .exe), and a safe name to keep.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The allowed content types and the extension a stored file gets. */
export const DOCUMENT_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
]);

/** `{ mime, ext }` of an allowed document, or `{ detected }` naming what it really is. */
export async function detectDocument(
  bytes: Buffer,
): Promise<{ mime: string; ext: string } | { detected: string }> {
  const type = await fileTypeFromBuffer(bytes);
  const ext = type && DOCUMENT_TYPES.get(type.mime);
  return ext ? { mime: type.mime, ext } : { detected: type?.mime ?? 'unknown' };
}

/** Keeps the name people gave the file, minus path parts and control characters, with the real extension. */
export function documentFilename(name: string, ext: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const kept = [...last].filter((c) => c.charCodeAt(0) >= 0x20 && !'"<>|:*?'.includes(c));
  const base = kept.join('').trim() || 'document';
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 120) || 'document';
  return `${stem}.${ext}`;
}
