import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  generateSlipBatch,
  readSlip,
  slipBatchDigest,
  slipText,
} from '../../../libs/ballot/src/index.js';
import { pdfItems } from '../../../test/utils/pdf-text.js';
import { pdfQrTexts, printedSlips } from '../../../test/utils/slip-sheet.js';
import { SLIP_NOTE, renderSlipSheet, slipSheetPageCount, slipTextLines } from './slips-pdf.js';
import { defaultSlipCount, writeNewFile } from './slips.js';

const SESSION = '7c1e2f4a-0b3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('slipTextLines', () => {
  it('prints the secret in groups of four that readSlip reads back after the prefix', () => {
    const { slips } = generateSlipBatch({ sessionId: SESSION, teller: 3, count: 1 });
    const { prefix, groups } = slipTextLines(slips[0]!);
    expect(prefix).toBe(`congress-slip:1:3:${SESSION}:`);
    expect(groups).toHaveLength(13); // 32 bytes = 52 base32 characters
    expect(groups.every((g) => /^[A-Z2-7]{4}$/.test(g))).toBe(true);
    expect(`${prefix}${groups.join(' ')}`.replace(/ /g, '')).toBe(slipText(slips[0]!));
    // Typed as printed, spaces and all (and in lower case), it is the same slip.
    expect(readSlip(`${prefix}${groups.join(' ').toLowerCase()}`)).toEqual(slips[0]);
  });
});

describe('defaultSlipCount', () => {
  it('adds 10 % spares, at least 5', () => {
    expect(defaultSlipCount(0)).toBe(5);
    expect(defaultSlipCount(30)).toBe(35);
    expect(defaultSlipCount(51)).toBe(57);
    expect(defaultSlipCount(300)).toBe(330);
  });
});

describe('renderSlipSheet', () => {
  it('prints a teller page, then every slip 8 a page with its serial, text and a QR that scans', async () => {
    const { batch, slips } = generateSlipBatch({ sessionId: SESSION, teller: 2, count: 11 });
    const digest = slipBatchDigest(batch);
    const pdf = await renderSlipSheet({
      sessionId: SESSION,
      sessionName: '第五届职工代表大会第三次会议',
      teller: 2,
      slips,
      digest,
      generatedAt: new Date('2026-12-03T06:55:00Z'),
    });
    expect(slipSheetPageCount(11)).toBe(3);
    const items = await pdfItems(pdf);
    expect(items).toContain('第 2 号监票人 投票凭证 · 第 3 / 3 页');
    expect(items).toContain('2026-12-03 14:55'); // Shanghai time
    expect(items.join('')).toContain(digest.slice(0, 16));
    expect(items.filter((i) => i === '第 2 号监票人 投票凭证')).toHaveLength(1 + 11);
    expect(items.filter((i) => i === SLIP_NOTE)).toHaveLength(11);

    // Serial numbers in printing order; each slip's text reads back as that slip.
    const printed = await printedSlips(pdf);
    expect(printed.map((p) => p.serial)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(printed.map((p) => readSlip(p.typed))).toEqual(slips);
    // The QR codes decode to slipText, in the same order.
    expect(await pdfQrTexts(pdf)).toEqual(slips.map(slipText));
  });
});

describe('writeNewFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slips-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new file whole and never replaces one, leaving no temporary file', async () => {
    const path = join(dir, 'teller-slips.pdf');
    await writeNewFile(path, Buffer.from('first'));
    expect(readFileSync(path, 'utf8')).toBe('first');
    await expect(writeNewFile(path, Buffer.from('second'))).rejects.toThrow('已存在，不覆盖');
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['teller-slips.pdf']);
  });
});
