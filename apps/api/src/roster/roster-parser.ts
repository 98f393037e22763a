import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger } from '@nestjs/common';
import { parseRosterFile, type ParsedSheet, type RosterFileInput } from './import/index.js';
import type { ParseReply, ParseRequest } from './import/parse-worker.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';

/** The compiled worker, next to this file in dist/. */
const WORKER_URL = new URL('./import/parse-worker.js', import.meta.url);
/** Generous for a full roster (about 5 s and 600 MB on a 2-core machine); past it the file is refused. */
const TIME_LIMIT_MS = 60_000;
const HEAP_LIMIT_MB = 1536;

/**
 * Parses uploaded roster files on a worker thread, one file at a time, so that an import, even a
 * hostile one, never holds up the event loop that serves a live vote. The worker has its own
 * heap limit and a time limit; either ends it and refuses the file. Jest runs the TypeScript
 * sources, where no compiled worker exists: then the file is parsed in the calling thread (the
 * zip guard still bounds it); the built api always uses the worker.
 */
@Injectable()
export class RosterParser {
  private readonly logger = new Logger(RosterParser.name);
  private queue: Promise<unknown> = Promise.resolve();
  readonly usesWorker = existsSync(fileURLToPath(WORKER_URL));

  parse(input: RosterFileInput): Promise<ParsedSheet> {
    if (!this.usesWorker) return parseRosterFile(input);
    const run = this.queue.then(() => this.inWorker(input));
    // The next file waits for this one, failed or not; the failure itself goes to this caller.
    this.queue = Promise.allSettled([run]);
    return run;
  }

  private inWorker(input: RosterFileInput): Promise<ParsedSheet> {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    });
    return new Promise<ParsedSheet>((resolveOnce, rejectOnce) => {
      let settled = false;
      const resolve = (s: ParsedSheet) => void (settled ||= (resolveOnce(s), true));
      const reject = (e: Error) => void (settled ||= (rejectOnce(e), true));
      const tooBig = (why: string) => {
        this.logger.warn(`roster file «${input.filename}» refused: ${why}`);
        reject(new RosterException(RosterErrorCode.ImportTooComplex));
      };
      const timer = setTimeout(() => {
        tooBig(`not parsed in ${TIME_LIMIT_MS / 1000} s`);
        void worker.terminate();
      }, TIME_LIMIT_MS);
      worker.once('message', (reply: ParseReply) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply.sheet);
        else reject(new Error(`roster parse worker: ${reply.message}`));
        void worker.terminate();
      });
      worker.once('error', (err: Error & { code?: string }) => {
        clearTimeout(timer);
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') tooBig('worker out of memory');
        else reject(err);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`roster parse worker exited (${code}) without an answer`));
      });
      worker.postMessage({
        bytes: new Uint8Array(input.buffer),
        filename: input.filename,
      } satisfies ParseRequest);
    });
  }
}
