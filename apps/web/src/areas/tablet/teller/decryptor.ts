import {
  BallotError,
  type BallotErrorCode,
  type PartialDecryption,
  type PreparedClose,
  type TellerSecret,
} from '@libs/ballot/src/index.js';

export interface DecryptJob {
  record: PreparedClose['record'];
  secret: TellerSecret;
}

type Answer =
  | { ok: true; partial: PartialDecryption; counted: number }
  | { ok: false; code: BallotErrorCode | null; message: string };

/**
 * Re-verifies the counted ballots, re-sums them and computes this teller's partial decryption in
 * a Web Worker (decrypt.worker.ts): thousands of ballots take seconds, the page stays responsive.
 * One worker per job, ended afterwards, so the opened share does not outlive the answer.
 */
export function decryptInWorker(
  job: DecryptJob,
): Promise<{ partial: PartialDecryption; counted: number }> {
  const worker = new Worker(new URL('./decrypt.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<Answer>) => {
      worker.terminate();
      if (ev.data.ok) resolve({ partial: ev.data.partial, counted: ev.data.counted });
      else if (ev.data.code) reject(new BallotError(ev.data.code, ev.data.message));
      else reject(new Error(ev.data.message));
    };
    worker.onerror = (ev) => {
      worker.terminate();
      reject(new Error(ev.message || '解密失败'));
    };
    worker.postMessage(JSON.parse(JSON.stringify(job)));
  });
}
