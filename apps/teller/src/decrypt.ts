import { readFile } from 'node:fs/promises';
import {
  decryptRecordAsTeller,
  type FollowedRecord,
  openTellerSecret,
  type PreparedClose,
  type SealedTellerSecret,
  type TellerSecret,
} from '../../../libs/ballot/src/index.js';
import { ApiError, isTransient, type TellerApi } from './api.js';
import { Following } from './follow.js';
import { say, sleep } from './io.js';

interface Mine {
  index: number;
  ceremony: { id: string; ceremonyId: string; status: string; fingerprint: string | null };
}

export interface DecryptOptions {
  sharePath: string;
  passphrase: string;
  /** Only this poll (default: every poll waiting for this ceremony's tellers). */
  poll?: string;
  /** Keep answering closes until stopped (or `untilMs` passes). */
  watch: boolean;
  untilMs?: number;
  intervalMs: number;
}

/**
 * Answers the closes of the ceremony this device's sealed share belongs to: for each poll waiting
 * for its tellers, fetches the prepared record, checks that its counted ballots are verified and
 * that the tally is their sum, and posts its partial decryption. While watching, it follows the
 * open polls' boards (verifying ballots as they arrive and keeping their sum, `Following`), so at
 * the close it only checks the record against what it verified and compares the sums; a poll not
 * followed (`decrypt` once) is re-verified whole (`decryptRecordAsTeller`). Either way it refuses
 * a tally that is not the sum it computed itself. Returns the polls answered.
 */
export async function answerCloses(api: TellerApi, o: DecryptOptions): Promise<string[]> {
  const sealed = JSON.parse(await readFile(o.sharePath, 'utf8')) as SealedTellerSecret;
  const secret: TellerSecret = await openTellerSecret(sealed, o.passphrase);
  const mine = await api.get<Mine[]>('/api/tellers/me/ceremonies');
  const entry = mine.find((m) => m.ceremony.fingerprint === secret.fingerprint);
  if (!entry) throw new Error('该份额不属于您担任监票人的任何密钥仪式');
  const answered: string[] = [];
  const deadline = o.untilMs ? Date.now() + o.untilMs : Infinity;
  const following = new Following(api, entry.ceremony.id);
  let failures = 0;
  for (;;) {
    try {
      await answerPending(api, o, secret, entry.ceremony.id, following, answered);
      failures = 0;
    } catch (e) {
      // A laptop on the hall's Wi-Fi loses the api now and then, and the api may restart: a
      // watch that ended there would leave the poll one teller short at the close. Each step
      // can be done again (the follower keeps only verified pages; a partial sent twice is
      // answered TELLERS_ALREADY_SENT), so the watch says so and tries again.
      if (!o.watch || !isTransient(e) || Date.now() > deadline) throw e;
      const waitMs = Math.min(o.intervalMs * 2 ** failures++, 5_000);
      say(`连接中断（${(e as Error).message}），${(waitMs / 1000).toFixed(1)} 秒后重试……`);
      await sleep(waitMs);
      continue;
    }
    const done = o.poll ? answered.includes(o.poll) : !o.watch;
    if (done || Date.now() > deadline) return answered;
    await sleep(o.intervalMs);
  }
}

/** One pass: follows the open boards (watching), then answers every close waiting for us. */
async function answerPending(
  api: TellerApi,
  o: DecryptOptions,
  secret: TellerSecret,
  ceremonyId: string,
  following: Following,
  answered: string[],
): Promise<void> {
  if (o.watch) await following.step();
  const pending = await api.get<{ pollId: string; title: string }[]>(
    `/api/ceremonies/${ceremonyId}/pending`,
  );
  for (const p of pending) {
    if (o.poll && p.pollId !== o.poll) continue;
    if (answered.includes(p.pollId)) continue;
    const followed = following.follower(p.pollId) ? await following.pull(p.pollId) : undefined;
    // A followed board's ballots are not fetched again: only those after it, and the excluded.
    const { partial, counted, ...answer } = followed
      ? followed.answer(
          await api.get<FollowedRecord>(
            `/api/polls/${p.pollId}/decryption/input?followed=${followed.state.followed}`,
          ),
          secret,
        )
      : decryptRecordAsTeller(
          await api.get<PreparedClose['record']>(`/api/polls/${p.pollId}/decryption/input`),
          secret,
        );
    const how =
      'verifiedAtClose' in answer
        ? `表决中已逐张核验，结束时只比对合计，补验 ${answer.verifiedAtClose} 张`
        : `复核了 ${counted} 张计入的选票`;
    try {
      await api.post(`/api/polls/${p.pollId}/partials`, { partial });
      say(`已为「${p.title}」提交部分解密（${how}；计入 ${counted} 张）`);
    } catch (e) {
      // Another teller's answer may have decided it meanwhile, or this one was sent before.
      if (
        !(e instanceof ApiError) ||
        !['TELLERS_NO_DECRYPTION', 'TELLERS_ALREADY_SENT'].includes(e.code)
      )
        throw e;
      say(`「${p.title}」无需再解密（${e.code}）`);
    }
    following.forget(p.pollId);
    answered.push(p.pollId);
  }
}
