// Summarises a V8 .cpuprofile (node --cpu-prof, or bench/loadgen/profiler.ts) by self time:
// the top functions, and the same time grouped by where the code lives (the app, a package,
// node's internals, V8's own "(garbage collector)", "(idle)", "(program)").
//   node dist/bench/cpuprofile-summary.js <file.cpuprofile> [top=20]
// A sample's time is the gap to the next sample (as Chrome DevTools counts it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CpuProfile } from './loadgen/profiler.js';

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; where: string; selfMs: number; percent: number }[];
  places: { where: string; selfMs: number; percent: number }[];
}

/** "pkg" for node_modules/pkg (or @scope/pkg), "node:…" for internals, the path under the repo else. */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const dist = /\/dist\/(.*)$/.exec(url);
  return dist ? dist[1]!.split('/').slice(0, 4).join('/') : url;
}

export function summarise(profile: CpuProfile, top = 20): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the gap before sample i: sample i lasts until sample i + 1.
  const n = profile.samples.length;
  for (let i = 0; i < n; i++) {
    const dt = i + 1 < n ? profile.timeDeltas[i + 1]! : 0;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, { name: string; where: string; us: number }>();
  const places = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    const name = functionName || '(anonymous)';
    const file = url.includes('/node_modules/')
      ? url.slice(url.lastIndexOf('/node_modules/') + 1)
      : url.replace(/^file:\/\/.*?\/dist\//, '');
    const where = url ? `${file}:${lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const f = fns.get(key) ?? { name, where, us: 0 };
    f.us += us;
    fns.set(key, f);
    const place = placeOf(url, name);
    places.set(place, (places.get(place) ?? 0) + us);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const pct = (us: number) => Math.round((1000 * us) / (totalUs || 1)) / 10;
  return {
    totalMs: ms(totalUs),
    functions: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: ms(f.us), percent: pct(f.us) })),
    places: [...places]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, selfMs: ms(us), percent: pct(us) })),
  };
}

export function printSummary(s: ProfileSummary): void {
  const row = (pct: number, ms: number, text: string) =>
    console.log(`${pct.toFixed(1).padStart(6)} %  ${ms.toFixed(1).padStart(9)} ms  ${text}`);
  console.log(`self time, ${s.totalMs} ms sampled (main thread)`);
  console.log('-- by function');
  for (const f of s.functions) row(f.percent, f.selfMs, `${f.name}  ${f.where}`);
  console.log('-- by place');
  for (const p of s.places) row(p.percent, p.selfMs, p.where);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/cpuprofile-summary.js <file.cpuprofile> [top=20]');
    process.exit(2);
  }
  printSummary(summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 20)));
}
