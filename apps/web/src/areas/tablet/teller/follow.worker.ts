/// <reference lib="webworker" />
// The boards this tablet follows while their polls are open, off the page's thread (follow.ts).
import {
  BoardFollower,
  isBallotError,
  type FollowState,
  type PartialDecryption,
} from '@libs/ballot/src/index.js';
import type { FollowJob } from './follow.js';

const followers = new Map<string, BoardFollower>();

function run(
  job: FollowJob,
): FollowState | { partial: PartialDecryption; counted: number; verifiedAtClose: number } {
  if (job.kind === 'follow') {
    let f = followers.get(job.pollId);
    if (!f) {
      f = new BoardFollower({ poll: job.poll, key: job.key });
      followers.set(job.pollId, f);
    }
    return f.follow(job.entries);
  }
  const f = followers.get(job.pollId);
  if (!f) throw new Error('本机没有跟随这次表决的公告板');
  const answer = f.answer(job.record, job.secret);
  // Answered: the running sum is of no further use (the share was only in this message).
  followers.delete(job.pollId);
  return answer;
}

self.onmessage = (ev: MessageEvent<FollowJob & { id: number }>) => {
  const { id } = ev.data;
  try {
    self.postMessage({ id, ok: true, value: run(ev.data) });
  } catch (e) {
    self.postMessage({
      id,
      ok: false,
      code: isBallotError(e) ? e.code : null,
      message: e instanceof Error ? e.message : String(e),
    });
  }
};
