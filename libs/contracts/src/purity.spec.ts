// libs/contracts is what apps/web imports: it must import nothing from apps/ or any framework
// (NestJS, TypeORM, socket.io, class-validator), and nothing at run time but its own files. The
// shapes it borrows from libs/tally and libs/ballot are type-only imports, erased when compiled.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
const SIBLING_LIBS = ['../../tally/src/index.js', '../../ballot/src/index.js'];

/** Every import or re-export: `{ specifier, typeOnly }`. */
function importsOf(text: string) {
  return [...text.matchAll(/\b(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/g)].map(
    (m) => ({ specifier: m[3]!, typeOnly: m[2] !== undefined }),
  );
}

describe('purity of libs/contracts', () => {
  it('has library files', () => {
    expect(sources).toEqual(expect.arrayContaining(['index.ts', 'events.ts', 'errors.ts']));
  });

  it.each(sources)(
    '%s imports its own files, or only types from libs/tally and libs/ballot',
    (file) => {
      const text = readFileSync(join(here, file), 'utf8');
      const found = importsOf(text);
      for (const { specifier, typeOnly } of found) {
        if (SIBLING_LIBS.includes(specifier))
          expect({ specifier, typeOnly }).toEqual({ specifier, typeOnly: true });
        else expect(specifier).toMatch(/^\.\/[\w.-]+\.js$/);
      }
      expect(text).not.toMatch(/\bimport\s*\(/);
      expect(text).not.toMatch(/\brequire\s*\(/);
    },
  );

  it('the check sees the imports it judges', () => {
    expect(importsOf(readFileSync(join(here, 'polls.ts'), 'utf8'))).toContainEqual({
      specifier: '../../ballot/src/index.js',
      typeOnly: true,
    });
    expect(importsOf(`import { x } from '../../../apps/api/src/x.js';`)).toEqual([
      { specifier: '../../../apps/api/src/x.js', typeOnly: false },
    ]);
  });

  it.each(sources)(
    '%s holds no behaviour: no clock, randomness, console or Node globals',
    (file) => {
      const text = readFileSync(join(here, file), 'utf8');
      expect(text).not.toMatch(
        /Date\.now|new Date\b|Math\.random|crypto\.|console\.|process\.|setTimeout|Buffer\b|\bfunction\b|=>\s*\{/,
      );
    },
  );

  it('index.ts re-exports every library file', () => {
    const index = readFileSync(join(here, 'index.ts'), 'utf8');
    for (const file of sources.filter((f) => f !== 'index.ts')) {
      expect(index).toContain(`'./${file.replace(/\.ts$/, '.js')}'`);
    }
  });
});
