import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { safeFilename, sniffAttachment } from './attachment-types.js';

/** A stored (uncompressed) ZIP with these entry names: enough for the central directory. */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, n);
    offset += 30 + n.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('s').addRow(['x']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('answer attachments', () => {
  it('knows PDF, PNG, JPEG and XLSX by their bytes, whatever they are called', async () => {
    expect(sniffAttachment(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffAttachment(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'png',
    );
    expect(sniffAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
    expect(sniffAttachment(await xlsx())).toBe('xlsx');
  });

  it('tells DOCX from XLSX by the parts inside, and refuses macro-enabled Office files', () => {
    expect(sniffAttachment(zip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(sniffAttachment(zip(['[Content_Types].xml', 'xl/workbook.xml']))).toBe('xlsx');
    expect(
      sniffAttachment(zip(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin'])),
    ).toBeNull();
    expect(sniffAttachment(zip(['word/document.xml']))).toBeNull();
    expect(sniffAttachment(zip(['[Content_Types].xml', 'content.xml']))).toBeNull();
  });

  it('refuses anything else: scripts, executables, plain ZIPs, truncated ZIPs', () => {
    expect(sniffAttachment(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffAttachment(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffAttachment(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(sniffAttachment(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a clean file name with the real extension', () => {
    expect(safeFilename('C:\\docs\\答复.pdf', 'pdf')).toBe('答复.pdf');
    expect(safeFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFilename('photo.JPEG', 'jpeg')).toBe('photo.JPEG');
    expect(safeFilename('a\u0000b"c.png', 'png')).toBe('abc.png');
    expect(safeFilename('', 'xlsx')).toBe('附件.xlsx');
    expect(safeFilename('x'.repeat(300), 'pdf')).toHaveLength(200);
  });
});
