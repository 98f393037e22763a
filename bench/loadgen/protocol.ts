// Messages between the load generator's parent and its worker processes (node:child_process IPC).
import type { ShareResult } from './latency.js';

/** 'raw': pre-built socket.io frames over `ws`; 'client': socket.io-client, as a tablet runs it. */
export type GeneratorMode = 'raw' | 'client';

export type ToWorker =
  | {
      type: 'connect';
      base: string;
      sessionId: string;
      mode: GeneratorMode;
      tokens: string[];
      /** This worker's first tablet in the global order (casts are spread in that order). */
      firstIndex: number;
      total: number;
    }
  /** Read the poll's key and this tablet's credential, encrypt every ballot, build the frames. */
  | { type: 'prepare'; pollId: string }
  /** The barrier: every worker starts at `startAt` (epoch ms), tablet g at startAt + g/total·spreadMs. */
  | { type: 'go'; startAt: number; spreadMs: number; timeoutMs: number }
  /** Wait (up to `timeoutMs`) until every tablet of this process has had the poll's `poll:result`. */
  | { type: 'results'; pollId: string; timeoutMs: number }
  | { type: 'exit' };

export type FromWorker =
  | { type: 'connected'; count: number }
  | {
      type: 'prepared';
      count: number;
      encryptMs: number;
      /** Epoch ms: this process's tablets asked for the poll state, and the last was answered. */
      stateAskedAt: number;
      stateAnsweredAt: number;
    }
  | { type: 'result'; share: ShareResult }
  /** How many tablets had the poll's `poll:result`, and when the first and the last (epoch ms). */
  | { type: 'results'; received: number; firstAt: number; lastAt: number }
  | { type: 'error'; message: string };
