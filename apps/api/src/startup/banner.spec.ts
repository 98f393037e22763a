import { describe, expect, it } from '@jest/globals';
import { startBanner } from './banner.js';

describe('start banner', () => {
  it('shows where to open the app and the one-time password, boxed', () => {
    const text = startBanner({
      urls: ['http://192.168.1.10:3000', 'http://localhost:3000'],
      adminPassword: 'Xy7-secret',
      embeddedDataDir: '/srv/congress/data',
    });
    expect(text).toContain('打开 / open:  http://192.168.1.10:3000');
    expect(text).toContain('http://localhost:3000');
    expect(text).toContain('一次性密码 / one-time password:  Xy7-secret');
    expect(text).toContain('/srv/congress/data');
    // Every line of the box has the same display width (CJK characters count double).
    const rows = text.split('\n').filter((l) => l.startsWith('║'));
    const widths = new Set(
      rows.map((l) =>
        [...l].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/u.test(ch) ? 2 : 1), 0),
      ),
    );
    expect(widths.size).toBe(1);
  });

  it('says nothing about a password when none was created', () => {
    expect(startBanner({ urls: ['http://localhost:3000'] })).not.toContain('password');
  });
});
