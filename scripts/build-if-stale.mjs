// `npm start` runs this first: it builds only when a source file is newer than the last build
// (dist/.build-stamp, written by `postbuild`), so a restart does not wait for a full rebuild.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'bench'];
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const SKIP = new Set(['node_modules', 'dist', 'data', 'test-results']);

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function sourcesTime() {
  let t = 0;
  for (const d of SOURCES)
    if (existsSync(path.join(root, d))) t = Math.max(t, newest(path.join(root, d)));
  for (const f of FILES)
    if (existsSync(path.join(root, f))) t = Math.max(t, statSync(path.join(root, f)).mtimeMs);
  return t;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built >= sourcesTime()) {
  process.stdout.write('build is up to date (dist/)\n');
} else {
  process.stdout.write(built ? 'sources changed: building …\n' : 'first start: building …\n');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
