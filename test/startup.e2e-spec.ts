import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort, startApiProcess } from './utils/api-process.js';
import { createTestDatabase, dropTestDatabase } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

const MAIN = new URL('../dist/apps/api/src/main.js', import.meta.url).pathname;

/** Waits until the output matches, or fails with what was written (at once if the process ended). */
async function waitFor(child: ChildProcess, out: () => string, pattern: RegExp, ms: number) {
  const deadline = Date.now() + ms;
  while (!pattern.test(out())) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${out()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} in ${ms} ms:\n${out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The quick start as a user runs it: no DATABASE_URL, so the embedded PostgreSQL starts; the
 * banner says where to open the app and gives the admin's one-time password; the logs stay
 * short at `info`; SIGTERM leaves one line for the api and one for the database.
 */
describe('start and stop as an operator sees them', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'congress-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a banner, keeps start-up logs short, and says it stopped cleanly', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    delete env.ADMIN_PASSWORD;
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      await waitFor(child, () => out, /停止 \/ stop/, 90_000);
      expect(out).toContain(`打开 / open:  http://localhost:${port}`);
      const password = /一次性密码 \/ one-time password:\s+(\S+)/.exec(out)?.[1];
      expect(password).toBeDefined();
      // The password works, and it went to the console only, never into a JSON log line.
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const jsonLines = out.split('\n').filter((l) => l.startsWith('{'));
      expect(jsonLines.some((l) => l.includes(password!))).toBe(false);
      // No per-route or per-module lines at info: a handful of lines up to "listening".
      const untilListening = jsonLines.slice(
        0,
        jsonLines.findIndex((l) => l.includes('api listening')) + 1,
      );
      expect(untilListening.length).toBeGreaterThan(0);
      expect(untilListening.length).toBeLessThanOrEqual(10);
      expect(out).not.toContain('Mapped {');

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      expect(out).toMatch(/"msg":"api stopped"/);
      expect(out).toMatch(/"msg":"embedded PostgreSQL stopped"/);
      expect(out.indexOf('api stopped')).toBeLessThan(out.indexOf('embedded PostgreSQL stopped'));
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);

  // Issue 11, item 8, with an operator's own PostgreSQL: no embedded server to stop, so the
  // database's line says the connections are closed. Ctrl+C sends SIGINT.
  it('with DATABASE_URL, says the api stopped and then that the database connections closed', async () => {
    const database = await createTestDatabase();
    try {
      const api = await startApiProcess(databaseUrl(database), await freePort());
      await api.kill('SIGINT');
      expect(api.child.signalCode).toBe('SIGINT');
      const out = api.output();
      expect(out).toMatch(/"msg":"api stopped"/);
      expect(out).toMatch(/"signal":"SIGINT"[^\n]*"msg":"database connections closed"/);
      expect(out.indexOf('api stopped')).toBeLessThan(out.indexOf('database connections closed'));
      expect(out).not.toContain('embedded PostgreSQL');
    } finally {
      await dropTestDatabase(database);
    }
  }, 180_000);
});
