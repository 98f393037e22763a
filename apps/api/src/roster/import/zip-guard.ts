/**
 * Looks inside an XLSX (a zip) before exceljs opens it, because exceljs inflates everything into
 * memory first and counts rows only afterwards: a 1 MB "zip bomb" would expand to gigabytes and
 * hold the process for half a minute. Here the entries are inflated in small pieces with fflate,
 * counting the bytes that really come out (a zip's declared sizes can lie) and the worksheet rows
 * as they stream by, and the inspection stops at the first limit passed.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';

export interface ZipLimits {
  /** All entries together, inflated. */
  maxUnzippedBytes: number;
  maxEntries: number;
  /** `<row>` elements in any one worksheet (blank formatted rows count too). */
  maxSheetRows: number;
}

/**
 * A full roster of 20,000 rows written by Excel or exceljs inflates to about 11 MB; four times
 * that leaves room for long notes. Blank formatted rows are written as rows too, hence the margin.
 */
export const XLSX_LIMITS: ZipLimits = {
  maxUnzippedBytes: 40 * 1024 * 1024,
  maxEntries: 1000,
  maxSheetRows: 21_000,
};

export type ZipVerdict =
  | { ok: true }
  | { ok: false; reason: 'unreadable' }
  | { ok: false; reason: 'too-large'; bytes: number }
  | { ok: false; reason: 'too-many-rows'; rows: number };

/** Compressed bytes handed to the inflater at a time: at most ~1,000 times that comes out. */
const CHUNK = 8 * 1024;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** `<row …>` with or without a namespace prefix (the OpenXML SDK writes `<x:row>`). */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

class Stop extends Error {
  constructor(readonly verdict: ZipVerdict) {
    super(verdict.ok ? 'ok' : verdict.reason);
  }
}

export function inspectXlsxZip(buffer: Uint8Array, limits: ZipLimits = XLSX_LIMITS): ZipVerdict {
  try {
    checkDeclared(buffer, limits);
    inflateCounting(buffer, limits);
    return { ok: true };
  } catch (e) {
    if (e instanceof Stop) return e.verdict;
    return { ok: false, reason: 'unreadable' };
  }
}

/** The central directory's sizes: cheap, and enough for an honest bomb. */
function checkDeclared(buffer: Uint8Array, limits: ZipLimits): void {
  let entries = 0;
  let bytes = 0;
  unzipSync(buffer, {
    filter: (f) => {
      entries += 1;
      bytes += f.originalSize;
      if (entries > limits.maxEntries || bytes > limits.maxUnzippedBytes)
        throw new Stop({ ok: false, reason: 'too-large', bytes });
      return false; // read nothing here
    },
  });
}

/** Inflates every entry piece by piece, counting what really comes out. */
function inflateCounting(buffer: Uint8Array, limits: ZipLimits): void {
  let bytes = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    const rows = WORKSHEET.test(file.name) ? rowCounter(limits) : null;
    file.ondata = (err, chunk) => {
      if (err) throw err;
      bytes += chunk.length;
      if (bytes > limits.maxUnzippedBytes)
        throw new Stop({ ok: false, reason: 'too-large', bytes });
      rows?.(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let i = 0; i < buffer.length; i += CHUNK) {
    const end = Math.min(i + CHUNK, buffer.length);
    unzip.push(buffer.subarray(i, end), end === buffer.length);
  }
}

/** Counts row tags across chunk boundaries (a tag is ASCII, so latin1 decoding is exact). */
function rowCounter(limits: ZipLimits): (chunk: Uint8Array) => void {
  let rows = 0;
  let tail = '';
  return (chunk) => {
    const text =
      tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
    // A tag cut at the end of this chunk is counted with the next one.
    const cut = text.lastIndexOf('<');
    const whole = cut >= 0 && text.length - cut < 64 ? text.slice(0, cut) : text;
    tail = text.slice(whole.length);
    rows += whole.match(ROW_TAG)?.length ?? 0;
    if (rows > limits.maxSheetRows) throw new Stop({ ok: false, reason: 'too-many-rows', rows });
  };
}
