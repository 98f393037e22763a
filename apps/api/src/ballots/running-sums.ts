import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type Ballot,
  type BallotShape,
  sodiumGroup,
  RunningSum,
  type RunningSumShare,
  type SodiumGroup,
} from '../common/ballot.js';
import { RealtimeService } from '../realtime/realtime.service.js';

/** A ballot just stored, at its board position. */
export interface StoredBallot {
  position: number;
  ballot: Ballot;
}

interface Kept {
  /** The board positions of the ballots in the sum. */
  positions: Set<number>;
  sum: RunningSum;
}

/** What one api process kept of a poll, as it hands it to the process closing the poll. */
export interface KeptShare {
  /** The positions in the sum, as [first, last] runs in ascending order. */
  runs: [number, number][];
  sum: RunningSumShare;
}

// Polls whose sums are kept at once: a handful are open in a session; the oldest is dropped past
// this many (a sum is ~1 KB, its positions a few kB).
const KEEP = 16;
/** Asked of the other api processes at a close (socket.io's adapter, over PostgreSQL). */
export const SHARE_EVENT = 'ballots:running-sum';
/** How long the close waits for the others' sums before adding the board's ballots itself. */
const SHARE_WAIT_MS = 1_000;

/**
 * Each open secret poll's encrypted sum, added to as this process stores the poll's ballots
 * (after each batch's COMMIT), so that the close takes the sum instead of adding every ballot
 * (close.service.ts). With several api processes each keeps the sum of the ballots it stored, and
 * the closing one asks the others for theirs: the sum is whole when the positions of all of them
 * together are 1..n, each once. Anything else (a process restarted during the poll, one that did
 * not answer in time) and the close adds the board's ballots as before.
 */
@Injectable()
export class RunningSums implements OnModuleInit {
  private readonly logger = new Logger('Tally');
  private readonly kept = new Map<string, Kept>();
  private group?: SodiumGroup;

  constructor(private readonly realtime: RealtimeService) {}

  async onModuleInit(): Promise<void> {
    this.group = await sodiumGroup();
    this.realtime.answerOthers(SHARE_EVENT, (pollId) =>
      typeof pollId === 'string' ? this.share(pollId) : null,
    );
  }

  /** Ballots of one poll just committed (any order; rows seen before are skipped). */
  stored(pollId: string, shape: BallotShape, ballots: readonly StoredBallot[]): void {
    if (!this.group) return;
    let k = this.kept.get(pollId);
    if (!k) {
      k = { positions: new Set(), sum: new RunningSum(this.group, shape) };
      this.keep(pollId, k);
    }
    for (const b of ballots) {
      if (k.positions.has(b.position)) continue; // a retry answered with its stored row
      k.sum.add(b.ballot);
      k.positions.add(b.position);
    }
  }

  /**
   * The poll's sum over positions 1..n, this process's and the others' (all forgotten: the close
   * takes it once); undefined when they do not make up a whole board.
   */
  async take(pollId: string, shape: BallotShape): Promise<RunningSum | undefined> {
    if (!this.group) return undefined;
    const own = this.kept.get(pollId);
    this.kept.delete(pollId);
    let others: (KeptShare | null)[];
    try {
      others = await this.realtime.askOthers<KeptShare | null>(SHARE_EVENT, pollId, SHARE_WAIT_MS);
    } catch (err) {
      this.logger.warn(
        { err, pollId },
        "another api process did not hand over its running sum: the close adds the board's ballots",
      );
      return undefined;
    }
    const parts = others.filter((o): o is KeptShare => o !== null);
    const runs = [...(own ? runsOf(own.positions) : []), ...parts.flatMap((p) => p.runs)];
    const sum = own?.sum ?? new RunningSum(this.group, shape);
    if (!wholeBoard(runs)) return undefined;
    try {
      for (const p of parts) sum.absorb(p.sum);
    } catch (err) {
      this.logger.warn({ err, pollId }, 'a running sum from another api process was refused');
      return undefined;
    }
    return sum.count === runs.reduce((n, [a, b]) => n + b - a + 1, 0) ? sum : undefined;
  }

  /** This process's part of a poll's sum, for the process closing it (forgotten here). */
  private share(pollId: string): KeptShare | null {
    const k = this.kept.get(pollId);
    this.kept.delete(pollId);
    return k ? { runs: runsOf(k.positions), sum: k.sum.share() } : null;
  }

  private keep(pollId: string, k: Kept): void {
    this.kept.set(pollId, k);
    // Oldest first (Map keeps insertion order).
    if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
  }
}

/** Positions as [first, last] runs, ascending. */
export function runsOf(positions: Iterable<number>): [number, number][] {
  const runs: [number, number][] = [];
  // A typed array sorts numbers without a comparator call per pair (2,000 positions at a close).
  for (const p of Float64Array.from(positions).sort()) {
    const last = runs.at(-1);
    if (last && p === last[1] + 1) last[1] = p;
    else runs.push([p, p]);
  }
  return runs;
}

/** Do these runs (from every process) cover 1..n exactly once? */
export function wholeBoard(runs: readonly (readonly [number, number])[]): boolean {
  let next = 1;
  for (const [a, b] of [...runs].sort((x, y) => x[0] - y[0])) {
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a !== next || b < a) return false;
    next = b + 1;
  }
  return true;
}
