// Deliverable 4: libs/tally imports nothing but its own files (no NestJS, no TypeORM, nothing
// from apps/, no Node built-ins), and its library code touches no clock, randomness or console.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

describe('purity of libs/tally', () => {
  it('has library files', () => {
    expect(sources).toContain('index.ts');
  });

  it.each(sources)('%s imports only relative .js files', (file) => {
    const text = readFileSync(join(here, file), 'utf8');
    const specifiers = [
      ...text.matchAll(/\b(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ].map((m) => m[1]);
    for (const s of specifiers) {
      expect(s).toMatch(/^\.\/[\w.-]+\.js$/);
    }
    expect(text).not.toMatch(/\bimport\s*\(/);
    expect(text).not.toMatch(/\brequire\s*\(/);
  });

  it.each(sources)('%s uses no clock, randomness, console or globals of Node', (file) => {
    const text = readFileSync(join(here, file), 'utf8');
    expect(text).not.toMatch(
      /Date\.now|new Date\b|Math\.random|crypto\.|console\.|process\.|setTimeout|Buffer\b/,
    );
  });

  it('index.ts re-exports every library file', () => {
    const index = readFileSync(join(here, 'index.ts'), 'utf8');
    for (const file of sources.filter((f) => f !== 'index.ts' && f !== 'validate.ts')) {
      expect(index).toContain(`'./${file.replace(/\.ts$/, '.js')}'`);
    }
  });
});
