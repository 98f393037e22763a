/// <reference lib="webworker" />
// The teller's partial decryption, off the page's thread (see decryptor.ts).
import { decryptAsTeller, isBallotError, resumeClose } from '@libs/ballot/src/index.js';
import type { DecryptJob } from './decryptor.js';

self.onmessage = (ev: MessageEvent<DecryptJob>) => {
  const { record, secret } = ev.data;
  try {
    const prepared = resumeClose(record);
    const partial = decryptAsTeller({
      key: prepared.key,
      shape: prepared.shape,
      secret,
      tally: record.tally,
      counted: prepared.counted,
    });
    self.postMessage({ ok: true, partial, counted: prepared.counted.length });
  } catch (e) {
    self.postMessage({
      ok: false,
      code: isBallotError(e) ? e.code : null,
      message: e instanceof Error ? e.message : String(e),
    });
  }
};
