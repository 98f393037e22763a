/// <reference lib="webworker" />
// The teller's partial decryption, off the page's thread (see decryptor.ts).
import { decryptRecordAsTeller, isBallotError } from '@libs/ballot/src/index.js';
import type { DecryptJob } from './decryptor.js';

self.onmessage = (ev: MessageEvent<DecryptJob>) => {
  const { record, secret } = ev.data;
  try {
    self.postMessage({ ok: true, ...decryptRecordAsTeller(record, secret) });
  } catch (e) {
    self.postMessage({
      ok: false,
      code: isBallotError(e) ? e.code : null,
      message: e instanceof Error ? e.message : String(e),
    });
  }
};
