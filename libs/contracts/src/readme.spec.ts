// libs/contracts/README.md is what a screen's author reads first: its tables of events, the codes
// every request can answer with and its list of files must name exactly what events.ts holds.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVERY_REQUEST_ERRORS, type ServerEvent, SOCKET_REQUESTS } from './events.js';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '../README.md'), 'utf8');

/**
 * ServerEvents is an interface, so it has no names at run time: this record must name each of
 * its events and nothing else, or it does not compile.
 */
const SERVER_EVENTS = {
  notification: true,
  attendance: true,
  'poll:opened': true,
  'poll:turnout': true,
  'poll:closed': true,
  'poll:result': true,
  incident: true,
  'ceremony:progress': true,
  'decryption:requested': true,
  exception: true,
} as const satisfies Record<ServerEvent, true>;

/** The text of the README's section under `## <title>` (up to the next `## `). */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`no section "${title}" in the README`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The first column of a Markdown table's body rows, without its backticks. */
function firstColumn(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) => line.split('|')[1]!.trim())
    .filter((cell) => cell !== 'event')
    .map((cell) => cell.replace(/^`|`$/g, ''));
}

describe('libs/contracts/README.md', () => {
  it('lists every request, and ping, and nothing else', () => {
    const listed = firstColumn(section(readme, 'Requests'));
    expect([...listed].sort()).toEqual(['ping', ...Object.keys(SOCKET_REQUESTS)].sort());
  });

  it('lists every server event, and nothing else', () => {
    const listed = firstColumn(section(readme, 'Events (server → client)'));
    expect([...listed].sort()).toEqual(Object.keys(SERVER_EVENTS).sort());
  });

  it.each([...EVERY_REQUEST_ERRORS])('says every request can answer %s', (code) => {
    expect(section(readme, 'Requests')).toContain(`\`${code}\``);
  });

  const files = readdirSync(here).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'index.ts',
  );
  it.each(files)('names the file %s', (file) => {
    expect(readme).toContain(`\`${file}\``);
  });

  it('reads the tables it judges', () => {
    const table = '| event | payload |\n| --- | --- |\n| `a:b` | `{}` |\n| `c` | — |\n';
    expect(firstColumn(table)).toEqual(['a:b', 'c']);
    expect(() => section(readme, 'No such section')).toThrow('no section');
  });
});
