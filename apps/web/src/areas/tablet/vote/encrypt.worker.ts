/// <reference lib="webworker" />
// The tablet's ballot encryption, off the page's thread (see encryptor.ts).
import { ballotShape, encryptBallotRevealable } from '@libs/ballot/src/index.js';
import type { EncryptJob } from './encryptor.js';

self.onmessage = (ev: MessageEvent<EncryptJob & { id: number }>) => {
  const { id, key, pollSpec, voter, choices } = ev.data;
  try {
    const ballot = encryptBallotRevealable({ key, shape: ballotShape(pollSpec), voter, choices });
    self.postMessage({ id, ok: true, ballot });
  } catch (e) {
    self.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
