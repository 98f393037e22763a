import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import {
  lyingAboutSizes,
  xlsxWithLongCell,
  xlsxWithRows,
} from '../../../../../test/fixtures/roster/zip-bomb.js';
import { parseRosterFile } from './parse-roster.js';
import { XLSX_LIMITS, inspectXlsxZip } from './zip-guard.js';

const good = readFileSync(
  new URL('../../../../../test/fixtures/roster/roster-good.xlsx', import.meta.url),
);

// Just past the 40 MB limit: about 50 KB zipped.
const bomb = xlsxWithLongCell(good, 48);

describe('inspectXlsxZip: the limits hold while inflating', () => {
  it('passes a real roster', () => {
    expect(inspectXlsxZip(good)).toEqual({ ok: true });
  });

  it('refuses a bomb by its declared size, before inflating anything', () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(inspectXlsxZip(bomb)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses a bomb whose directory lies about its sizes, by the bytes that come out', () => {
    const verdict = inspectXlsxZip(lyingAboutSizes(bomb));
    expect(verdict).toMatchObject({ ok: false, reason: 'too-large' });
    // Counted from the bytes that came out, not from what the directory claims.
    expect((verdict as { bytes: number }).bytes).toBeGreaterThan(XLSX_LIMITS.maxUnzippedBytes);
  });

  it('counts worksheet rows as they stream and stops past the limit', () => {
    const many = xlsxWithRows(good, 30_000);
    expect(inspectXlsxZip(many)).toMatchObject({ ok: false, reason: 'too-many-rows' });
    expect(inspectXlsxZip(xlsxWithRows(good, 20_000))).toEqual({ ok: true });
  });

  it('counts namespaced row tags too', () => {
    const rows = '<x:row r="1"><x:c/></x:row>'.repeat(XLSX_LIMITS.maxSheetRows + 1);
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new TextEncoder().encode(rows) });
    expect(inspectXlsxZip(zip)).toMatchObject({ ok: false, reason: 'too-many-rows' });
  });

  it('calls a broken zip unreadable', () => {
    expect(inspectXlsxZip(good.subarray(0, 200))).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('parseRosterFile refuses what the guard refuses, with a Chinese reason', () => {
  it('a bomb', async () => {
    const sheet = await parseRosterFile({
      buffer: bomb,
      filename: '名册.xlsx',
    });
    expect(sheet.problems).toEqual([
      expect.objectContaining({
        code: 'UNZIPPED_TOO_LARGE',
        message: expect.stringContaining('解压后超过 40 MB'),
      }),
    ]);
  });

  it('too many rows', async () => {
    const sheet = await parseRosterFile({ buffer: xlsxWithRows(good, 30_000), filename: 'a.xlsx' });
    expect(sheet.problems.map((p) => p.code)).toEqual(['TOO_MANY_ROWS']);
  });
});
