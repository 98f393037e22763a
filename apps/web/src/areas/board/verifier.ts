import type { VerifyAnswer, VerifyRequest } from './verify.worker.js';
import type { BoardLine, VerifyReport } from './verify-record.js';

/** The page's side of the verifier worker: one worker per page, requests answered in order. */
export function createVerifier() {
  const worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
  const ask = (req: VerifyRequest) =>
    new Promise<VerifyAnswer>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<VerifyAnswer>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || '验证程序出错'));
      worker.postMessage(req);
    });
  const unwrapAnswer = <K extends 'report' | 'found'>(a: VerifyAnswer, key: K) => {
    if ('error' in a) throw new Error(a.error);
    return (a as Record<K, unknown>)[key];
  };
  return {
    async verify(record: unknown): Promise<VerifyReport> {
      return unwrapAnswer(await ask({ verify: record }), 'report') as VerifyReport;
    },
    async find(code: string): Promise<BoardLine | null> {
      return unwrapAnswer(await ask({ find: code }), 'found') as BoardLine | null;
    },
    close: () => worker.terminate(),
  };
}
