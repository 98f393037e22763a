import {
  BoardFollower,
  ballotShape,
  checkRecordPoll,
  pollSpecOf,
  recordElectionKey,
  type Ballot,
  type RecordKey,
  type RecordPoll,
} from '../../../libs/ballot/src/index.js';
import { chunkVerifier } from '../../../libs/ballot/src/node/index.js';
import type { TellerApi } from './api.js';
import { say } from './io.js';

interface BoardPage {
  status: 'open' | 'closed';
  cast: number;
  poll: RecordPoll;
  key: RecordKey;
  entries: { position: number; ballot: Ballot }[];
}

/**
 * The polls of this teller's ceremony, followed while they are open: every new page of the board
 * is verified (libsodium on a laptop) and added to the follower's running sum (libs/ballot
 * `BoardFollower`), so that at the close only the sums are compared.
 */
export class Following {
  private readonly followers = new Map<string, BoardFollower>();

  constructor(
    private readonly api: TellerApi,
    private readonly ceremonyId: string,
  ) {}

  /** Follows every open poll of the ceremony up to its board's current end. */
  async step(): Promise<void> {
    const open = await this.api.get<{ pollId: string; title: string }[]>(
      `/api/ceremonies/${this.ceremonyId}/following`,
    );
    for (const p of open) await this.pull(p.pollId, p.title);
  }

  /** The follower of a poll this device followed while it was open (none otherwise). */
  follower(pollId: string): BoardFollower | undefined {
    return this.followers.get(pollId);
  }

  forget(pollId: string): void {
    this.followers.delete(pollId);
  }

  /**
   * Reads the board after the last followed position until its end, verifying each page and
   * printing how far it got (with `title`, while the poll is open).
   */
  async pull(pollId: string, title?: string): Promise<BoardFollower> {
    for (;;) {
      const known = this.followers.get(pollId);
      const after = known?.state.followed ?? 0;
      const page = await this.api.get<BoardPage>(
        `/api/polls/${pollId}/board?after=${after}&limit=500`,
      );
      const f = known ?? (await this.start(pollId, page));
      if (page.entries.length === 0) return f;
      const { followed, invalid } = f.follow(page.entries);
      if (title)
        say(
          `「${title}」公告板：第 ${after + 1}–${followed} 张这一页已核验，共已逐张核验 ${followed} 张（板上 ${page.cast} 张，${invalid} 张无效）`,
        );
    }
  }

  private async start(pollId: string, page: BoardPage): Promise<BoardFollower> {
    const poll = checkRecordPoll(page.poll);
    const key = recordElectionKey(poll, page.key);
    const verifier = await chunkVerifier(key, ballotShape(pollSpecOf(poll)), 'sodium');
    const f = new BoardFollower({
      poll: page.poll,
      key: page.key,
      check: (items) => verifier.verify(items, 0),
    });
    this.followers.set(pollId, f);
    return f;
  }
}
