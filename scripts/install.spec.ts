import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

describe('install on the machine, run on Node 24', () => {
  it('runs the project on the Node.js of the `node` package, pinned exactly', () => {
    const pinned = pkg.devDependencies.node as string;
    expect(semver.valid(pinned)).toBe(pinned);
    const bundled = execFileSync(path.join(root, 'node_modules/.bin/node'), ['--version'], {
      encoding: 'utf8',
    }).trim();
    expect(bundled).toBe(`v${pinned}`);
    // npm scripts put node_modules/.bin first: under `npm test` jest itself runs on that binary.
    if (process.env.npm_lifecycle_event) expect(process.version).toBe(`v${pinned}`);
    expect(semver.satisfies(pinned, pkg.engines.node)).toBe(true);
  });

  it('installs without an engine warning on the oldest Node.js the README accepts', () => {
    // npm checks every package's `engines` against the Node.js running npm (the machine's).
    const oldest = semver.minVersion(pkg.devEngines.runtime.version)!.version;
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([name, p]) => name !== '' && typeof p.engines?.node === 'string')
      .filter(([, p]) => !semver.satisfies(oldest, p.engines!.node!, { includePrerelease: true }))
      .map(([name, p]) => `${name} wants node ${p.engines!.node}`);
    expect(refused).toEqual([]);
  });
});

describe('npm start builds only when the sources changed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-if-stale-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'scripts'));
  mkdirSync(path.join(dir, 'apps'));
  cpSync(
    path.join(root, 'scripts/build-if-stale.mjs'),
    path.join(dir, 'scripts/build-if-stale.mjs'),
  );
  // A project whose "build" leaves a trace and a stamp, like the real postbuild.
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      type: 'module',
      scripts: {
        build:
          "node -e \"const fs=require('fs');fs.mkdirSync('dist',{recursive:true});fs.appendFileSync('dist/builds','x');fs.writeFileSync('dist/.build-stamp','')\"",
      },
    }),
  );
  writeFileSync(path.join(dir, 'apps/main.ts'), 'export {};\n');
  const run = () =>
    execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: dir, encoding: 'utf8' });
  const builds = () => readFileSync(path.join(dir, 'dist/builds'), 'utf8').length;

  it('builds on the first start, then not again until a source changes', () => {
    expect(run()).toContain('first start');
    expect(builds()).toBe(1);
    expect(run()).toContain('up to date');
    expect(builds()).toBe(1);
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dir, 'apps/main.ts'), later, later);
    expect(run()).toContain('sources changed');
    expect(builds()).toBe(2);
  });
});
