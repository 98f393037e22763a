/**
 * Worker thread entry: parses one uploaded roster file off the api's event loop (exceljs needs
 * seconds and hundreds of MB for a full roster) and posts the ParsedSheet back.
 */
import { parentPort } from 'node:worker_threads';
import { parseRosterFile, type ParsedSheet } from './parse-roster.js';

export interface ParseRequest {
  bytes: Uint8Array;
  filename: string;
}

export type ParseReply = { ok: true; sheet: ParsedSheet } | { ok: false; message: string };

parentPort?.once('message', (req: ParseRequest) => {
  parseRosterFile({ buffer: Buffer.from(req.bytes), filename: req.filename }).then(
    (sheet) => parentPort!.postMessage({ ok: true, sheet } satisfies ParseReply),
    (e: unknown) => parentPort!.postMessage({ ok: false, message: String(e) } satisfies ParseReply),
  );
});
