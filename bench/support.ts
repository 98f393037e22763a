// What the benchmarks share: a JSON client for the api, a staff account, and small helpers.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';

export const ADMIN_PASSWORD = 'bench-admin-password';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as { port: number };
  s.close();
  return port;
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of results. */
export async function pooled<T, R>(
  items: T[],
  limit: number,
  fn: (x: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

export interface ApiClient {
  /** JSON call to `/api<path>`; throws with the body on any non-2xx answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, path: string, token: string | null, body?: unknown): Promise<any>;
  login(username: string, password: string): Promise<string>;
  /** Creates the `bench` staff account (first password changed) and returns its token. */
  staff(): Promise<string>;
}

export function apiClient(base: string): ApiClient {
  const call: ApiClient['call'] = async (method, path, token, body) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  const login = async (username: string, password: string) =>
    (await call('POST', '/auth/login', null, { username, password })).accessToken as string;
  return {
    call,
    login,
    async staff() {
      const admin = await login('admin', ADMIN_PASSWORD);
      await call('POST', '/users', admin, {
        username: 'bench',
        displayName: 'bench',
        role: 'staff',
        password: 'first-pass-123',
      });
      const first = await login('bench', 'first-pass-123');
      await call('POST', '/auth/password', first, {
        currentPassword: 'first-pass-123',
        newPassword: 'second-pass-123',
      });
      return login('bench', 'second-pass-123');
    },
  };
}

/**
 * One HTTP request sent and timed from a worker thread, whose event loop is its own: a bench that
 * holds 2,000 tablets' sockets on its main thread reads an answer only after the messages that
 * arrived with it (2,000 `poll:closed` right after a close's answer), and timed there the close
 * looked up to twice as slow as the api was. `startedAt` is on the main thread's
 * `performance.now()` clock.
 */
export async function requestFromWorker(
  url: string,
  init: { method: string; headers: Record<string, string> },
  warmUrl?: string,
): Promise<{ status: number; startedAt: number; ms: number }> {
  // A fresh thread's first fetch loads undici and opens the connection (tens of ms on a busy
  // machine, none of it the api's): `warmUrl` is fetched first, untimed, as a console already
  // connected to the api would be.
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     (async () => {
       if (workerData.warmUrl) await fetch(workerData.warmUrl).then((r) => r.arrayBuffer());
       const t0 = performance.now();
       const r = await fetch(workerData.url, workerData.init);
       await r.arrayBuffer();
       const ms = performance.now() - t0;
       parentPort.postMessage({ status: r.status, at: performance.timeOrigin + t0, ms });
     })().catch((e) => parentPort.postMessage({ error: String(e) }));`,
    { eval: true, workerData: { url, init, warmUrl } },
  );
  try {
    const [m] = (await once(worker, 'message')) as [
      { status: number; at: number; ms: number; error?: string },
    ];
    if (m.error) throw new Error(`${init.method} ${url}: ${m.error}`);
    return { status: m.status, startedAt: m.at - performance.timeOrigin, ms: m.ms };
  } finally {
    await worker.terminate();
  }
}
