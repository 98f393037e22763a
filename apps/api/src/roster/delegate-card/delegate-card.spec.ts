import { describe, expect, it } from '@jest/globals';
import jsQRModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { RosterKind } from '../roster.enums.js';
import { qrRectangles } from '../login-sheet/qr.js';
import {
  cardQrText,
  formatCardCode,
  generateCardCode,
  hashCardCode,
  normalizeCardCode,
} from './card-code.js';
import { CARD_NOTE, renderDelegateCardsPdf } from './delegate-card-pdf.js';

// jsqr is CommonJS: its function is the default export's `default` under Node's ESM loader.
const jsQR = jsQRModule.default;

describe('card codes', () => {
  it('are 10 Crockford base32 characters, read back from the QR text or as typed', () => {
    const code = generateCardCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(normalizeCardCode(cardQrText(code))).toBe(code);
    expect(normalizeCardCode(` ${formatCardCode(code).toLowerCase()} `)).toBe(code);
    expect(normalizeCardCode('7kq2m-9xf4o')).toBe('7KQ2M9XF40'); // O read as 0
    expect(normalizeCardCode('7KQ2M-9XF4')).toBeNull(); // too short
    expect(normalizeCardCode('https://example.com/x')).toBeNull();
    expect(normalizeCardCode('congress-card:7KQ2M9XF4*')).toBeNull();
  });

  it('are stored as SHA-256, never as themselves', () => {
    expect(hashCardCode('7KQ2M9XF4T')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCardCode('7KQ2M9XF4T')).not.toContain('7KQ2M9XF4T');
  });
});

describe('renderDelegateCardsPdf', () => {
  it('prints each card with its name, group, 工号, 证号 and a QR code of the card', async () => {
    const entries = Array.from({ length: 9 }, (_, i) => ({
      name: `代表${i + 1}`,
      employeeNumber: `E${1000 + i}`,
      kind: i === 8 ? RosterKind.Attendee : RosterKind.Delegate,
      groupName: i % 2 ? '第二代表团' : null,
      // The widest glyphs first: a code is never cut short to fit its card (it once was, with
      // character spacing, for about one card in 160).
      code: ['WWWWWWWWWW', 'MMMMMMMMMM', 'MWMWMWMWMW'][i] ?? generateCardCode(),
    }));
    const pdf = await renderDelegateCardsPdf({
      termName: '第五届职工代表大会',
      entries,
      generatedAt: new Date('2026-11-20T02:30:00Z'),
    });
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    await doc.destroy();
    expect(pages).toHaveLength(2);
    const text = pages.join('').replace(/\s+/g, '');
    for (const e of entries) {
      expect(text).toContain(e.name);
      expect(text).toContain(e.employeeNumber);
      expect(text).toContain(formatCardCode(e.code));
    }
    expect(text).toContain('列席代表证');
    expect(text).toContain('第二代表团');
    expect(text).toContain(CARD_NOTE.replace(/\s+/g, ''));
    expect(text).toContain('2026-11-2010:30');
  });

  it('draws a QR code that decodes to the card, not to a log-in link', () => {
    const text = cardQrText('7KQ2M9XF4T');
    const { size, rects } = qrRectangles(text);
    const scale = 4;
    const px = size * scale;
    const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
    for (const [x, y, w, h] of rects)
      for (let row = y * scale; row < (y + h) * scale; row++)
        for (let col = x * scale; col < (x + w) * scale; col++)
          rgba.fill(0, (row * px + col) * 4, (row * px + col) * 4 + 3);
    expect(jsQR(rgba, px, px)?.data).toBe('congress-card:7KQ2M9XF4T');
  });
});
