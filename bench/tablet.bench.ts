// The delegate tablet (issue 13): the first-load JavaScript (gzip, as the api serves it), the
// first load of the log-in sheet's link on "fast 3G" with 4× CPU slowdown (Chromium's own
// emulation), and the time to encrypt a motion, a 9-candidate election and a 6-person evaluation:
// in the tablet's Web Worker (1×), and the same built worker code run on the page's thread at 1×
// and 4× CPU slowdown (Chromium refuses to throttle a worker: see installInPageThread).
//   npm run build && npx tsx bench/tablet.bench.ts          (TABLET_BENCH_RUNS=5)
// It serves dist/web with the api's own static handler (gzip, caching) on 127.0.0.1; no database.
// Needs Debian's Chromium (CHROMIUM_PATH). The last line of output is one JSON object.
import { readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import express from 'express';
import type { Page } from 'playwright-core';
import { serveWebApp } from '../apps/api/src/web/web-app.js';
import { ballotShape, marks, type PollSpec } from '../libs/ballot/src/index.js';
import { demoElection } from '../libs/ballot/src/testing.js';
import { launchChromium, tabletContext } from '../test/browser/support/chromium.js';

const RUNS = Number(process.env.TABLET_BENCH_RUNS ?? 5);
const WEB = resolve('dist/web');

/**
 * Chromium DevTools' "Fast 3G" as Lighthouse defines it: 562.5 ms request latency, 1.44 Mbit/s
 * down (1.6 Mbit/s × 0.9), 675 kbit/s up.
 */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

async function serve(): Promise<{ base: string; close: () => void }> {
  const app = express();
  serveWebApp(app as unknown as INestApplication, WEB);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** gzip size of the built files whose names match. */
function gzipOf(pattern: RegExp): number {
  return readdirSync(`${WEB}/assets`)
    .filter((f) => pattern.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(`${WEB}/assets/${f}`), { level: 6 }).length, 0);
}

async function throttle(page: Page, cpu: number, network: boolean) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  }
}

/**
 * Runs in the page: the tablet's worker file encrypts the same ballot `runs` times, after one
 * warm-up; returns each round trip in ms. A string, so that the bench's TypeScript loader adds
 * nothing to it that the page does not have.
 */
const IN_WORKER = `async ({ url, job, runs }) => {
  const w = new Worker(url, { type: 'module' });
  const once = (id) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    w.onmessage = (ev) => (ev.data.ok ? resolve(performance.now() - t0) : reject(new Error(ev.data.message)));
    w.postMessage({ id, ...job });
  });
  await once(0);
  const out = [];
  for (let i = 1; i <= runs; i++) out.push(await once(i));
  w.terminate();
  return out;
}`;

/**
 * The same built worker file, run on the page's own thread, which Chromium's CPU throttling does
 * slow: `Emulation.setCPUThrottlingRate` sent to a dedicated worker's target (Target.setAutoAttach)
 * is refused with "Operation is only supported for pages, not workers" (Chromium 150), and the
 * page's rate does not reach the worker. The file is one function that sets `self.onmessage` and
 * answers with `self.postMessage`; here `self` is a stand-in, so the handler runs synchronously
 * and its time is the encryption's. Evaluated over CDP (no eval in the page's own scripts).
 */
const installInPageThread = (code: string, job: unknown) => `(() => {
  let answer = null;
  const stand = { onmessage: null, postMessage: (m) => { answer = m; } };
  ((self) => { ${code} })(stand);
  const job = ${JSON.stringify(job)};
  let id = 0;
  globalThis.__benchEncrypt = () => {
    id++;
    const t0 = performance.now();
    stand.onmessage({ data: { id, ...job } });
    const ms = performance.now() - t0;
    if (!answer || answer.id !== id || !answer.ok) throw new Error(answer?.message ?? 'no answer');
    return ms;
  };
  // Warm-up, so that the optimising compiler has run before either rate is timed.
  for (let i = 0; i < 3; i++) globalThis.__benchEncrypt();
})()`;

/** A fixed piece of JavaScript, to show how much the throttle slows the page's thread right now. */
const CALIBRATION = `(() => {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 2e7; i++) x += Math.sqrt(i);
  return x > 0 ? performance.now() - t0 : -1;
})()`;

/**
 * Times `expression` (which returns ms) at 1× and 4×, alternating the rate run by run so that the
 * machine's load and the compiler's warming fall on both alike.
 */
async function atOneAndFour(page: Page, expression: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const times: Record<1 | 4, number[]> = { 1: [], 4: [] };
  for (let i = 0; i < RUNS; i++)
    for (const rate of [1, 4] as const) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      times[rate].push((await page.evaluate(expression)) as number);
    }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return {
    cpu1xMedianMs: Math.round(median(times[1])),
    cpu4xMedianMs: Math.round(median(times[4])),
  };
}

async function main(): Promise<void> {
  const { base, close } = await serve();
  const browser = await launchChromium();
  const loginPath = '/t/login?u=e1000&code=ABCD-EFGH';
  try {
    // 1. What the tablet's first page downloads (unthrottled, fresh device): JS bytes on the wire.
    const first = await (await tabletContext(browser)).newPage();
    const scripts: Promise<number>[] = [];
    first.on('response', (r) => {
      if (r.request().resourceType() === 'script')
        scripts.push(
          r
            .request()
            .sizes()
            .then((s) => s.responseBodySize),
        );
    });
    await first.goto(base + loginPath);
    await first.getByRole('button', { name: '登录' }).waitFor();
    const firstLoadJs = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    await first.context().close();

    // 2. First load on fast 3G with 4× CPU slowdown, fresh device each run: until the log-in
    //    form, filled in from the link, can be tapped.
    const loads: { usableMs: number; domContentLoadedMs: number; loadMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await (await tabletContext(browser)).newPage();
      await throttle(page, 4, true);
      const t0 = Date.now();
      await page.goto(base + loginPath, { waitUntil: 'commit' });
      await page
        .getByRole('button', { name: '登录' })
        .and(page.locator(':enabled'))
        .waitFor({ timeout: 60_000 });
      const usableMs = Date.now() - t0;
      await page.waitForLoadState('load');
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { domContentLoadedMs: n.domContentLoadedEventEnd, loadMs: n.loadEventEnd };
      });
      loads.push({
        usableMs,
        domContentLoadedMs: Math.round(nav.domContentLoadedMs),
        loadMs: Math.round(nav.loadMs),
      });
      await page.context().close();
    }

    // 3. Encryption by the tablet's own worker file: in its worker (1×, as the vote screen does
    //    it), and on the page's thread at 1× and 4× CPU slowdown (the throttle reaches only that).
    const worker = readdirSync(`${WEB}/assets`).find((f) => /^encrypt\.worker-.*\.js$/.test(f));
    if (!worker) throw new Error('no encrypt.worker-*.js in dist/web/assets: npm run build first');
    const workerCode = readFileSync(`${WEB}/assets/${worker}`, 'utf8');
    const polls: Record<string, { pollSpec: PollSpec; choices: number[][] }> = {
      motion: { pollSpec: { questions: [{ kind: 'motion' }] }, choices: [marks(3, 0)] },
      'election 9 candidates, 7 seats': {
        pollSpec: { questions: [{ kind: 'election', candidates: 9, maxMarks: 7 }] },
        choices: [marks(9, 0, 1, 2, 3, 4, 5, 6)],
      },
      'evaluation 6 persons, 4 grades': {
        pollSpec: {
          questions: Array.from({ length: 6 }, () => ({
            kind: 'evaluation' as const,
            persons: 1,
            grades: 4,
          })),
        },
        choices: Array.from({ length: 6 }, (_, i) => marks(4, i % 4)),
      },
    };
    const encryption: Record<string, Record<string, number>> = {};
    let calibration: Record<string, number> = {};
    for (const [name, p] of Object.entries(polls)) {
      ballotShape(p.pollSpec); // refuses a wrong spec here rather than in the page
      const key = demoElection(`bench-${name}`, 1).key;
      const job = { key, pollSpec: p.pollSpec, voter: 'bench-voter', choices: p.choices };
      const page = await (await tabletContext(browser)).newPage();
      await page.goto(base + '/t/login');
      const inWorker = (await page.evaluate(
        `(${IN_WORKER})(${JSON.stringify({ url: `/assets/${worker}`, job, runs: RUNS })})`,
      )) as number[];
      await page.evaluate(installInPageThread(workerCode, job));
      const thread = await atOneAndFour(page, 'globalThis.__benchEncrypt()');
      encryption[name] = {
        workerCpu1xMedianMs: Math.round(median(inWorker)),
        pageThreadCpu1xMedianMs: thread.cpu1xMedianMs!,
        pageThreadCpu4xMedianMs: thread.cpu4xMedianMs!,
      };
      if (name === 'motion') calibration = await atOneAndFour(page, CALIBRATION);
      await page.context().close();
    }

    const figures = {
      bench: 'tablet',
      date: new Date().toISOString(),
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((x) => Math.round(x * 10) / 10),
      chromium: browser.version(),
      runs: RUNS,
      firstLoadJsGzipKB: kb(firstLoadJs),
      lazyChunksGzipKB: {
        voteScreen: kb(gzipOf(/^VotePage-.*\.js$/)),
        encryptWorker: kb(gzipOf(/^encrypt\.worker-.*\.js$/)),
        pdfViewer: kb(gzipOf(/^PdfView-.*\.js$/)),
        pdfWorker: kb(gzipOf(/^pdf\.worker.*\.mjs$/)),
      },
      fast3gCpu4x: {
        usableMedianMs: median(loads.map((l) => l.usableMs)),
        domContentLoadedMedianMs: median(loads.map((l) => l.domContentLoadedMs)),
        loadMedianMs: median(loads.map((l) => l.loadMs)),
      },
      encryption,
      pageThreadCalibration: calibration,
    };
    console.log(JSON.stringify(figures, null, 2));
    console.log(JSON.stringify(figures));
  } finally {
    await browser.close();
    close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
