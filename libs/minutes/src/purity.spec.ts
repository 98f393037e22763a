// libs/minutes imports nothing from NestJS, TypeORM or apps/. Its browser entry (index.ts and
// everything it reaches, plus testing.ts) imports only @noble/*, @scure/base, canonicalize,
// fflate, sm-crypto-v2, its own files and the two other libs (tally, ballot: minutes → ballot is
// one-way). Node-only rendering lives in node/, the command-line verifier in cli/.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const libs = resolve(here, '../..');
const all = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? all(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts')
        ? [join(dir, d.name)]
        : [],
  );
const imports = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /\b(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2]!);

describe('purity of libs/minutes', () => {
  it('no NestJS, TypeORM or apps/ anywhere in the library', () => {
    for (const f of all(here))
      for (const s of imports(f))
        expect(`${relative(here, f)} -> ${s}`).not.toMatch(/@nestjs|typeorm|apps\//);
  });

  it('the browser entry reaches only browser-safe packages and its own and sibling libs, never node/ or cli/', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const rel = relative(libs, file);
      if (rel.startsWith('minutes/')) {
        expect(rel).not.toMatch(/^minutes\/src\/(node|cli)\//);
        const text = readFileSync(file, 'utf8');
        expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\s*\(|console\./);
        expect(text).not.toMatch(/Date\.now|new Date\(\)/); // no clock: times are passed in
      }
      for (const s of imports(file)) {
        if (s.startsWith('.')) {
          expect(s).toMatch(/\.js$/);
          const target = resolve(dirname(file), s.replace(/\.js$/, '.ts'));
          expect(relative(libs, target)).toMatch(/^(minutes|ballot|tally)\//);
          // Only the sibling libs' public entries.
          if (!relative(libs, target).startsWith('minutes/'))
            expect(relative(libs, target)).toMatch(/^(ballot|tally)\/src\/index\.ts$/);
          else visit(target);
        } else
          expect(`${relative(here, file)} -> ${s}`).toMatch(
            /-> (@noble\/(curves|hashes|ciphers)\/[\w/-]+\.js|@scure\/base|canonicalize|fflate|sm-crypto-v2)$/,
          );
      }
    };
    visit(join(here, 'index.ts'));
    visit(join(here, 'testing.ts'));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('node/ imports only node: built-ins, pdfkit, qrcode, docx and the library', () => {
    for (const f of all(join(here, 'node')))
      for (const s of imports(f))
        expect(s).toMatch(/^(node:[\w/]+|pdfkit|qrcode|docx|\.{1,2}\/[\w./-]+\.js)$/);
  });

  it('libs/ballot and libs/tally do not import libs/minutes (one-way)', () => {
    for (const f of [...all(join(libs, 'ballot/src')), ...all(join(libs, 'tally/src'))])
      for (const s of imports(f)) expect(`${relative(libs, f)} -> ${s}`).not.toMatch(/minutes/);
  });
});
