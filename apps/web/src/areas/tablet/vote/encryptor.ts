import type { ElectionKey, PollSpec } from '@libs/contracts/src/index.js';
import type { RevealableBallot } from '@libs/ballot/src/index.js';

export interface EncryptJob {
  key: ElectionKey;
  pollSpec: PollSpec;
  voter: string;
  choices: number[][];
}

type Answer =
  { id: number; ok: true; ballot: RevealableBallot } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let next = 1;
const waiting = new Map<
  number,
  { resolve: (b: RevealableBallot) => void; reject: (e: Error) => void }
>();

/**
 * Encrypts in a Web Worker (encrypt.worker.ts, loaded with libs/ballot on first use), so that the
 * screen stays responsive on a slow tablet while the proofs are computed.
 */
export function encryptInWorker(job: EncryptJob): Promise<RevealableBallot> {
  if (!worker) {
    worker = new Worker(new URL('./encrypt.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<Answer>) => {
      const w = waiting.get(ev.data.id);
      waiting.delete(ev.data.id);
      if (!w) return;
      if (ev.data.ok) w.resolve(ev.data.ballot);
      else w.reject(new Error(ev.data.message));
    };
    worker.onerror = (ev) => {
      for (const w of waiting.values()) w.reject(new Error(ev.message || '加密失败'));
      waiting.clear();
      worker = null;
    };
  }
  const id = next++;
  const running = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // Plain data only: the poll comes from Vue's reactive state, whose proxies cannot be cloned.
    running.postMessage(JSON.parse(JSON.stringify({ id, ...job })));
  });
}
