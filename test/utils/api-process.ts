import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { io } from 'socket.io-client';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { ADMIN_PASSWORD, type TabletSocket } from './test-app.js';

const MAIN = new URL('../../dist/apps/api/src/main.js', import.meta.url);

/** A free loopback port, to give a child process (and get the same one back after a restart). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr (its logs). */
  output(): string;
  http(): TestAgent;
  login(username: string, password: string): Promise<string>;
  /** A tablet socket that reconnects by itself, as a real tablet does. */
  socket(token: string): TabletSocket;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The built api (`dist/`, made by `npm run build`, which `npm test` runs first) as a real child
 * process on a given database and port, ready when `/health/ready` answers.
 */
export async function startApiProcess(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): Promise<ApiProcess> {
  if (!existsSync(MAIN))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const child = spawn(process.execPath, [...nodeFlags, MAIN.pathname], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_ADDRESS_FAILURE_LIMIT: '100000',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000; // a busy machine: a limit, not a measure
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited (${child.exitCode}):\n${out}`);
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`api not ready in 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    http: () => request(url),
    async login(username, password) {
      const res = await request(url).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
      return res.body.accessToken as string;
    },
    socket: (token) =>
      io(url, {
        auth: { token },
        transports: ['websocket'],
        reconnectionDelay: 100,
        reconnectionDelayMax: 500,
        forceNew: true,
      }),
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
