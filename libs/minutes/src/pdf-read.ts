/**
 * Reads back what the minutes PDF carries, without a PDF library (so a verifier in a browser or a
 * third party's script needs nothing else): the embedded files of its catalogue (PDF/A-3
 * "associated files", with their AFRelationship) and the PDF/A identification in its XMP metadata.
 * It reads files written by this library's renderer, whose objects are plain (no object streams,
 * direct /Length); it is not a general PDF parser.
 */
import { unzlibSync } from 'fflate';

export interface EmbeddedFile {
  name: string;
  relationship: string | null;
  mimeType: string | null;
  bytes: Uint8Array;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return s;
}

interface PdfObject {
  dict: string;
  /** Offset of the stream data, when the object has a stream. */
  streamAt: number | null;
}

function objects(text: string): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const re = /(?:^|[\r\n])(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.search(/>>\s*stream\r?\n/);
    if (s < 0) out.set(Number(m[1]), { dict: body, streamAt: null });
    else {
      const kw = /stream\r?\n/.exec(body.slice(s))!;
      out.set(Number(m[1]), {
        dict: body.slice(0, s + 2),
        streamAt: start + s + kw.index + kw[0].length,
      });
    }
    re.lastIndex = end;
  }
  return out;
}

/** A PDF literal string `( … )` with its escapes, as bytes → text (ASCII and UTF-16BE with BOM). */
function literal(raw: string): string {
  const bytes = raw.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]/.test(e)
      ? String.fromCharCode(parseInt(e, 8))
      : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
  );
  if (bytes.startsWith('\u00fe\u00ff')) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      s += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return s;
  }
  return bytes;
}

function streamBytes(pdf: Uint8Array, obj: PdfObject): Uint8Array {
  const length = /\/Length (\d+)/.exec(obj.dict);
  if (obj.streamAt === null || !length) throw new Error('embedded file without stream');
  const raw = pdf.subarray(obj.streamAt, obj.streamAt + Number(length[1]));
  return /\/Filter \/FlateDecode/.test(obj.dict) ? unzlibSync(raw) : raw.slice();
}

/** Every file embedded through a /Filespec of the PDF. Throws on a PDF it cannot read. */
export function embeddedFiles(pdf: Uint8Array): EmbeddedFile[] {
  const text = latin1(pdf);
  const objs = objects(text);
  const files: EmbeddedFile[] = [];
  for (const obj of objs.values()) {
    if (!/\/Type \/Filespec\b/.test(obj.dict)) continue;
    const name =
      /\/UF \(((?:\\.|[^\\)])*)\)/.exec(obj.dict) ?? /\/F \(((?:\\.|[^\\)])*)\)/.exec(obj.dict);
    const ef = /\/EF <<\s*\/F (\d+) 0 R/.exec(obj.dict);
    if (!name || !ef) continue;
    const stream = objs.get(Number(ef[1]));
    if (!stream) throw new Error(`embedded file object ${ef[1]} missing`);
    files.push({
      name: literal(name[1]!),
      relationship: /\/AFRelationship \/(\w+)/.exec(obj.dict)?.[1] ?? null,
      mimeType: /\/Subtype \/([\w#.+-]+)/.exec(stream.dict)?.[1]?.replace(/#2F/gi, '/') ?? null,
      bytes: streamBytes(pdf, stream),
    });
  }
  return files;
}

export interface PdfInfo {
  /** Starts with %PDF- and ends with %%EOF. */
  wellFormed: boolean;
  version: string | null;
  /** E.g. `3B` from the XMP pdfaid:part / pdfaid:conformance, null when not declared. */
  pdfa: string | null;
}

export function pdfInfo(pdf: Uint8Array): PdfInfo {
  const head = latin1(pdf.subarray(0, 16));
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 32)));
  const text = latin1(pdf);
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(text)?.[1];
  const conformance = /<pdfaid:conformance>([ABU])<\/pdfaid:conformance>/.exec(text)?.[1];
  return {
    wellFormed: head.startsWith('%PDF-') && /%%EOF\s*$/.test(tail),
    version: /^%PDF-(\d\.\d)/.exec(head)?.[1] ?? null,
    pdfa: part && conformance ? `${part}${conformance}` : null,
  };
}
