// libs/ballot imports nothing from NestJS, TypeORM or apps/; its browser entry (index.ts and
// everything it reaches) imports only @noble/curves, @noble/hashes, @noble/ciphers, its own files
// and libs/tally, so it runs in a browser over plain HTTP. Node-only code (libsodium, worker
// threads) lives in node/, the verifier command in cli/.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? all(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts')
        ? [join(dir, d.name)]
        : [],
  );
const sources = all(here);
const imports = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /\b(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2]);

describe('purity of libs/ballot', () => {
  it('no NestJS, TypeORM, apps/ or console in library code', () => {
    for (const f of sources) {
      for (const s of imports(f))
        expect(`${relative(here, f)} -> ${s}`).not.toMatch(/@nestjs|typeorm|apps\//);
      expect(readFileSync(f, 'utf8')).not.toMatch(/console\./);
    }
  });

  it('the browser entry reaches only @noble/*, its own files and libs/tally, none in node/ or cli/', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      expect(relative(here, file)).not.toMatch(/^(node|cli)\//);
      expect(relative(here, file)).toMatch(/^(?!\.\.)|^\.\.\/\.\.\/tally\/src\//);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\s*\(/);
      for (const s of imports(file)) {
        if (s.startsWith('.')) {
          expect(s).toMatch(/\.js$/);
          visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
        } else
          expect(`${relative(here, file)} -> ${s}`).toMatch(
            /-> @noble\/(curves|hashes|ciphers)\/[\w/-]+\.js$/,
          );
      }
    };
    visit(join(here, 'index.ts'));
    visit(join(here, 'testing.ts'));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('cli/ imports only node: built-ins and relative files', () => {
    const cli = sources.filter((x) => relative(here, x).startsWith('cli/'));
    expect(cli.length).toBeGreaterThan(0);
    for (const f of cli)
      for (const s of imports(f)) expect(s).toMatch(/^(node:[\w/]+|\.{1,2}\/[\w./-]+\.js)$/);
  });

  it('node/ imports only node: built-ins, libsodium-wrappers-sumo and relative files', () => {
    for (const f of sources.filter((x) => relative(here, x).startsWith('node/')))
      for (const s of imports(f))
        expect(s).toMatch(/^(node:[\w/]+|libsodium-wrappers-sumo|\.{1,2}\/[\w./-]+\.js)$/);
  });
});
