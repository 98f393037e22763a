import {
  BallotError,
  type BallotErrorCode,
  type FollowedEntry,
  type FollowedRecord,
  type FollowState,
  type PartialDecryption,
  type PreparedClose,
  type RecordKey,
  type RecordPoll,
  type TellerSecret,
} from '@libs/ballot/src/index.js';
import { reactive } from 'vue';
import { apiOf, unwrap } from '@web/shared/api.js';

export type FollowJob =
  | { kind: 'follow'; pollId: string; poll: RecordPoll; key: RecordKey; entries: FollowedEntry[] }
  | {
      kind: 'answer';
      pollId: string;
      record: PreparedClose['record'] | FollowedRecord;
      secret: TellerSecret;
    };

export interface FollowAnswer {
  partial: PartialDecryption;
  counted: number;
  /** Ballots appended after the last page followed, verified at the close (usually none). */
  verifiedAtClose: number;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: BallotErrorCode | null; message: string };

/** A poll followed here: how far its board was verified. */
export interface Followed extends FollowState {
  pollId: string;
  title: string;
  /** Ballots on the board when last read. */
  cast: number;
  open: boolean;
}

const PAGE = 500;

/**
 * The page's side of `npm run teller -- watch`: while a poll of the ceremony is open, its board
 * is read page by page (`GET /api/polls/:id/board?after=N`) and each page verified in a Web
 * Worker (follow.worker.ts, libs/ballot `BoardFollower`) that keeps the running encrypted sum.
 * At the close `answer` only checks the prepared record against what was verified and compares
 * the sums before it decrypts: no re-verification of the board. The state lives in the worker,
 * so a reload starts over (the close then re-verifies, decryptor.ts).
 */
export class BoardFollowing {
  /** By poll id, for the screen. */
  readonly polls = reactive<Record<string, Followed>>({});
  private readonly worker = new Worker(new URL('./follow.worker.ts', import.meta.url), {
    type: 'module',
  });
  private next = 1;
  private readonly calls = new Map<number, (r: Reply) => void>();
  private stepping = false;

  constructor() {
    this.worker.onmessage = (ev: MessageEvent<Reply>) => {
      const done = this.calls.get(ev.data.id);
      this.calls.delete(ev.data.id);
      done?.(ev.data);
    };
    this.worker.onerror = (ev) => {
      // A worker that failed to load answers nothing: fail what waits, the close re-verifies.
      console.warn('跟随公告板的后台线程出错', ev.message);
      for (const [id, done] of this.calls) done({ id, ok: false, code: null, message: ev.message });
      this.calls.clear();
    };
  }

  private call<T>(job: FollowJob): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, (r) => {
        if (r.ok) resolve(r.value as T);
        else reject(r.code ? new BallotError(r.code, r.message) : new Error(r.message));
      });
      this.worker.postMessage({ id, ...JSON.parse(JSON.stringify(job)) });
    });
  }

  /** Follows every open poll of the ceremony to its board's end (one step at a time). */
  async step(ceremonyId: string): Promise<void> {
    if (this.stepping) return;
    this.stepping = true;
    try {
      const api = apiOf('tablet');
      const open = await unwrap(
        api.GET('/api/ceremonies/{id}/following', { params: { path: { id: ceremonyId } } }),
      );
      for (const p of Object.values(this.polls)) p.open = open.some((o) => o.pollId === p.pollId);
      for (const p of open) await this.pull(p.pollId, p.title);
    } finally {
      this.stepping = false;
    }
  }

  private async pull(pollId: string, title: string): Promise<void> {
    for (;;) {
      const after = this.polls[pollId]?.followed ?? 0;
      const page = await unwrap(
        apiOf('tablet').GET('/api/polls/{id}/board', {
          params: { path: { id: pollId }, query: { after, limit: PAGE } },
        }),
      );
      if (this.polls[pollId] && page.entries.length === 0) {
        this.polls[pollId].cast = page.cast;
        return;
      }
      const state = await this.call<FollowState>({
        kind: 'follow',
        pollId,
        poll: page.poll as unknown as RecordPoll,
        key: page.key as unknown as RecordKey,
        entries: page.entries as unknown as FollowedEntry[],
      });
      this.polls[pollId] = { ...state, pollId, title, cast: page.cast, open: true };
      if (page.entries.length < PAGE) return;
    }
  }

  /** True when this page followed the poll's board (its close needs no re-verification). */
  has(pollId: string): boolean {
    return pollId in this.polls;
  }

  /** The close of a followed poll: the record checked against the followed board, then decrypted. */
  async answer(
    pollId: string,
    record: PreparedClose['record'] | FollowedRecord,
    secret: TellerSecret,
  ): Promise<FollowAnswer> {
    const answer = await this.call<FollowAnswer>({ kind: 'answer', pollId, record, secret });
    // The worker dropped its running sum: a second answer (the post failed) re-verifies.
    delete this.polls[pollId];
    return answer;
  }

  stop(): void {
    this.worker.terminate();
  }
}
