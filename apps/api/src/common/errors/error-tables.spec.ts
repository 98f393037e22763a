// Issue 11, item 6: every message a user or an integrator reads is in Chinese. Each module's
// error table (`<module>.exception.ts`, code -> [status, message]) is where those messages live,
// and plain HTTP errors take theirs from MESSAGE_BY_STATUS.
import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppException } from './app.exception.js';
import { MESSAGE_BY_STATUS } from './error-body.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../..');
const HAN = /\p{Script=Han}/u;

/** Every `<module>/<module>.exception.ts` of apps/api/src. */
const files = readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(SRC, d.name))
      .filter((f) => f.endsWith('.exception.ts'))
      .map((f) => `${d.name}/${f}`),
  );

type Table = Readonly<Record<string, readonly [number, string]>>;

/** The code tables of the exception classes a file exports. */
async function tablesOf(file: string): Promise<Table[]> {
  const exports = (await import(pathToFileURL(join(SRC, file)).href)) as Record<string, unknown>;
  return Object.values(exports).flatMap((value) =>
    typeof value === 'function' && value.prototype instanceof AppException && 'table' in value
      ? [value.table as Table]
      : [],
  );
}

describe('error messages are Chinese', () => {
  it('finds the module error tables', () => {
    expect(files).toEqual(expect.arrayContaining(['roster/roster.exception.ts']));
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('%s: every code has a message with Chinese characters', async (file) => {
    const tables = await tablesOf(file);
    expect(tables).toHaveLength(1);
    const english = Object.entries(tables[0]!).filter(([, [, message]]) => !HAN.test(message));
    expect(english).toEqual([]);
    expect(Object.keys(tables[0]!).length).toBeGreaterThan(0);
  });

  it('plain HTTP errors too', () => {
    const english = Object.entries(MESSAGE_BY_STATUS).filter(([, m]) => !HAN.test(m));
    expect(english).toEqual([]);
  });

  it('the check sees English', () => {
    expect(HAN.test('the message is teller 2’s, not 1’s')).toBe(false);
    expect(HAN.test('监票人 2 的消息')).toBe(true);
  });
});
