// Bench-only: loaded into the api with `--import` (MEM_PROBE=1 in bench/run.ts). Worker threads
// inherit the flag, so every thread of the api runs this file. On SIGWINCH the main thread asks
// every thread for its V8 heap figures over a BroadcastChannel and writes those that answer
// within 500 ms, with its own and the process's memory (/proc/self/status), to MEM_PROBE_FILE.
// The ballot verifier's threads do not answer: tinypool parks idle workers in Atomics.wait.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';

const MB = 1024 * 1024;
const mb = (n: number) => Math.round((n / MB) * 10) / 10;

export interface ThreadMemory {
  threadId: number;
  heapTotalMb: number;
  heapUsedMb: number;
  heapPhysicalMb: number;
  mallocedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  spaces: Record<string, { sizeMb: number; usedMb: number; physicalMb: number }>;
}

export interface ProcessMemory {
  status: Record<string, number>;
  threads: ThreadMemory[];
  /** When `gc` is exposed (API_NODE_FLAGS has --expose-gc): the main thread again after a full collection. */
  afterGc?: { status: Record<string, number>; main: ThreadMemory };
}

function mine(): ThreadMemory {
  const h = v8.getHeapStatistics();
  const spaces: ThreadMemory['spaces'] = {};
  for (const s of v8.getHeapSpaceStatistics())
    spaces[s.space_name] = {
      sizeMb: mb(s.space_size),
      usedMb: mb(s.space_used_size),
      physicalMb: mb(s.physical_space_size),
    };
  return {
    threadId,
    heapTotalMb: mb(h.total_heap_size),
    heapUsedMb: mb(h.used_heap_size),
    heapPhysicalMb: mb(h.total_physical_size),
    mallocedMb: mb(h.malloced_memory),
    externalMb: mb(h.external_memory),
    arrayBuffersMb: mb(process.memoryUsage().arrayBuffers),
    spaces,
  };
}

// Resident set, split by kind, and the thread count, in MB (counts as they are).
function status(): Record<string, number> {
  const text = readFileSync('/proc/self/status', 'utf8');
  const out: Record<string, number> = {};
  for (const field of ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile', 'RssShmem', 'Threads']) {
    const m = new RegExp(`${field}:\\s+(\\d+)`).exec(text);
    if (m) out[field] = field === 'Threads' ? Number(m[1]) : Math.round(Number(m[1]) / 1024);
  }
  return out;
}

const channel = new BroadcastChannel('bench-mem-probe');
channel.unref();

if (isMainThread) {
  const file = process.env.MEM_PROBE_FILE;
  if (file)
    process.on('SIGWINCH', () => {
      const threads: ThreadMemory[] = [mine()];
      const take = (e: { data: unknown }) => threads.push(e.data as ThreadMemory);
      channel.onmessage = take;
      channel.postMessage('ask');
      // Idle worker threads answer within milliseconds; a busy one is reported missing.
      setTimeout(() => {
        channel.onmessage = () => {};
        const report: ProcessMemory = { status: status(), threads };
        // What is live, as opposed to garbage V8 has not collected yet (diagnostic runs only).
        const gc = (globalThis as { gc?: () => void }).gc;
        if (gc) {
          gc();
          report.afterGc = { status: status(), main: mine() };
        }
        writeFileSync(`${file}.tmp`, JSON.stringify(report));
        renameSync(`${file}.tmp`, file);
      }, 500);
    });
} else {
  channel.onmessage = (e: { data: unknown }) => {
    if (e.data === 'ask') channel.postMessage(mine());
  };
}
