import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type Ballot,
  type BallotShape,
  loadSodium,
  RunningSum,
  SodiumGroup,
} from '../common/ballot.js';

/** A ballot just stored, at its board position. */
export interface StoredBallot {
  position: number;
  ballot: Ballot;
}

interface Kept {
  /** The board position the next ballot must have for the sum to stay whole. */
  next: number;
  sum: RunningSum;
}

// Polls whose sums are kept at once: a handful are open in a session; a poll closed by another
// api process is never taken here, so the oldest is dropped past this many (a sum is ~1 KB).
const KEEP = 16;

/**
 * Each open secret poll's encrypted sum, added to as this process stores the poll's ballots
 * (after each batch's COMMIT, in board order), so that the close takes the sum instead of adding
 * every ballot (close.service.ts). A sum is whole only when this process stored every ballot from
 * position 1 on, in order: a gap (another api process appended, or this one restarted during the
 * poll) drops it, and the close then adds the board's ballots as before.
 */
@Injectable()
export class RunningSums implements OnModuleInit {
  private readonly kept = new Map<string, Kept>();
  private group?: SodiumGroup;

  async onModuleInit(): Promise<void> {
    this.group = new SodiumGroup(await loadSodium());
  }

  /** Ballots of one poll just committed (any order; rows seen before are skipped). */
  stored(pollId: string, shape: BallotShape, ballots: readonly StoredBallot[]): void {
    if (!this.group) return;
    for (const b of [...ballots].sort((x, y) => x.position - y.position)) {
      let k = this.kept.get(pollId);
      if (!k) {
        if (b.position !== 1) continue;
        k = { next: 1, sum: new RunningSum(this.group, shape) };
        this.keep(pollId, k);
      }
      if (b.position < k.next) continue; // a retry answered with its stored row
      if (b.position > k.next) {
        this.kept.delete(pollId);
        return;
      }
      k.sum.add(b.ballot);
      k.next++;
    }
  }

  /** The poll's sum, forgotten here (the close takes it once); undefined when not whole. */
  take(pollId: string): RunningSum | undefined {
    const k = this.kept.get(pollId);
    this.kept.delete(pollId);
    return k?.sum;
  }

  private keep(pollId: string, k: Kept): void {
    this.kept.set(pollId, k);
    // Oldest first (Map keeps insertion order).
    if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
  }
}
