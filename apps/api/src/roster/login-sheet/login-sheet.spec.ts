import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import jsQRModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CJK_FONT_POSTSCRIPT_NAMES } from '../../common/fonts/cjk-font.js';
import {
  CARDS_PER_PAGE,
  LOGIN_SHEET_COLUMNS,
  formatLoginCode,
  loginSheetPageCount,
  renderLoginSheetPdf,
  renderLoginSheetXlsx,
  type LoginSheetEntry,
  type LoginSheetInput,
} from './login-sheet.js';
import { qrRectangles } from './qr.js';

// jsqr is CommonJS with an ES-style `default`: under `nodenext` the default import is the module.
const jsQR = jsQRModule.default;

const NAMES = [
  '张三',
  '欧阳娜娜',
  '王堃',
  '陈喆',
  '赵赟',
  '刘玥',
  '孙晓明',
  '周杰',
  '吴敏',
  '郑强',
];

function entry(i: number, name = NAMES[i % NAMES.length]!): LoginSheetEntry {
  const username = `d2026${String(i).padStart(3, '0')}`;
  return {
    name,
    employeeNumber: `00${100 + i}`,
    groupName: i % 3 === 2 ? null : `第${'一二三'[i % 3]}代表团`,
    username,
    code: 'K7QF2M9X',
    loginUrl: `http://192.168.1.20:3000/t/login?u=${username}&code=K7QF-2M9X`,
    expiresAt: new Date('2026-11-28T10:00:00Z'), // 18:00 in Shanghai
  };
}

function input(count: number): LoginSheetInput {
  return {
    title: '第五届职工代表大会 平板登录码',
    sessionLabel: '第三次会议',
    entries: Array.from({ length: count }, (_, i) => entry(i)),
    generatedAt: new Date('2026-11-20T02:30:00Z'), // 10:30 in Shanghai
  };
}

/** Page count and the text of each page, as pdf.js (the reader in Firefox) extracts it. */
async function readPdf(pdf: Buffer): Promise<{ pages: number; text: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const text: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { pages: doc.numPages, text };
  } finally {
    await doc.destroy();
  }
}

describe('formatLoginCode', () => {
  it('groups a code in fours', () => {
    expect(formatLoginCode('K7QF2M9X')).toBe('K7QF-2M9X');
    expect(formatLoginCode('K7QF-2M9X')).toBe('K7QF-2M9X');
    expect(formatLoginCode(' k7qf 2m9x7 ')).toBe('k7qf-2m9x-7');
    expect(formatLoginCode('ABC')).toBe('ABC');
  });
});

describe('qrRectangles', () => {
  it('draws a QR code that decodes back to the log-in URL', () => {
    const url = 'http://192.168.1.20:3000/t/login?u=d2026007&code=K7QF-2M9X';
    const { size, rects } = qrRectangles(url);
    // Rasterise exactly what the PDF fills, 4 px a module, white background.
    const scale = 4;
    const px = size * scale;
    const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
    for (const [x, y, w, h] of rects)
      for (let row = y * scale; row < (y + h) * scale; row++)
        for (let col = x * scale; col < (x + w) * scale; col++)
          rgba.fill(0, (row * px + col) * 4, (row * px + col) * 4 + 3);
    expect(jsQR(rgba, px, px)?.data).toBe(url);
  });
});

describe('renderLoginSheetPdf', () => {
  it('prints 8 cards a page with names, codes, QR codes and an embedded CJK font', async () => {
    const pdf = await renderLoginSheetPdf(input(10));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200_000); // the 10 MB fonts are subset, not embedded whole

    const bytes = pdf.toString('latin1');
    expect(bytes).toContain('/FontFile2');
    for (const name of Object.values(CJK_FONT_POSTSCRIPT_NAMES))
      expect(bytes).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${name}\\b`)); // subset tag + name
    expect(bytes).toContain('/ToUnicode');

    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(2);
    const [first, second] = text.map((t) => t.replace(/\s+/g, ''));
    for (const name of NAMES.slice(0, CARDS_PER_PAGE)) expect(first).toContain(name);
    expect(second).toContain('吴敏');
    expect(second).toContain('郑强');
    expect(first).toContain('第五届职工代表大会平板登录码');
    expect(first).toContain('第三次会议');
    expect(first).toContain('工号：00100');
    expect(first).toContain('代表团：第一代表团');
    expect(first).toContain('代表团：—');
    expect(first).toContain('用户名：d2026000');
    expect(first).toContain('K7QF-2M9X');
    expect(first).toContain('有效期至2026-11-2818:00');
    expect(first).toContain('生成时间：2026-11-2010:30');
    expect(first).toContain('第1/2页');
    expect(second).toContain('第2/2页');
  });

  it('has as many pages as the cards need, and one page when there is nobody', async () => {
    for (const count of [0, 1, CARDS_PER_PAGE, CARDS_PER_PAGE + 1]) {
      const { pages, text } = await readPdf(await renderLoginSheetPdf(input(count)));
      expect(pages).toBe(loginSheetPageCount(count));
      expect(pages).toBe(Math.max(1, Math.ceil(count / CARDS_PER_PAGE)));
      if (count === 0) expect(text[0]).toContain('没有需要打印的登录码');
    }
  });

  it('fits a long name on one line and keeps the page count', async () => {
    const long = '阿卜杜热合曼·买买提明·艾合买提江·吐尔逊';
    const sheet = {
      ...input(1),
      entries: [{ ...entry(0, long), groupName: '后勤保障中心'.repeat(5) }],
    };
    const { pages, text } = await readPdf(await renderLoginSheetPdf(sheet));
    expect(pages).toBe(1);
    expect(text[0]).toContain('阿卜杜热合曼');
  });

  it('refuses an invalid expiry', async () => {
    const sheet = { ...input(1), entries: [{ ...entry(0), expiresAt: new Date(Number.NaN) }] };
    await expect(renderLoginSheetPdf(sheet)).rejects.toThrow(RangeError);
  });
});

describe('renderLoginSheetXlsx', () => {
  it('writes one row per entry under a bold, frozen header row', async () => {
    const buffer = await renderLoginSheetXlsx(input(3));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;

    expect(sheet.rowCount).toBe(4);
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual([...LOGIN_SHEET_COLUMNS]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      '张三',
      '00100',
      '第一代表团',
      'd2026000',
      'K7QF-2M9X',
      '2026-11-28 18:00',
      'http://192.168.1.20:3000/t/login?u=d2026000&code=K7QF-2M9X',
    ]);
    expect(sheet.getRow(4).getCell(2).value).toBe('王堃');
    expect(sheet.getRow(4).getCell(4).value).toBeNull(); // no group: left empty
  });
});
