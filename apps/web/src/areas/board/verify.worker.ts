/**
 * The verifier's Web Worker: recomputing a record takes seconds (every ballot's proofs, the sum,
 * the decryption) and must not freeze the page, on a phone least of all.
 */
import { findReceipt, verifyRecord, type VerifyReport } from './verify-record.js';

export type VerifyRequest = { verify: unknown } | { find: string };
export type VerifyAnswer =
  | { report: VerifyReport }
  | { found: ReturnType<typeof findReceipt> | null; code: string }
  | { error: string };

let last: VerifyReport | null = null;

self.onmessage = (e: MessageEvent<VerifyRequest>) => {
  const post = (a: VerifyAnswer) => self.postMessage(a);
  try {
    if ('verify' in e.data) {
      last = verifyRecord(e.data.verify);
      post({ report: last });
    } else {
      post({ found: last ? (findReceipt(last, e.data.find) ?? null) : null, code: e.data.find });
    }
  } catch (err) {
    post({ error: err instanceof Error ? err.message : String(err) });
  }
};
