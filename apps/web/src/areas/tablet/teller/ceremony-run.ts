import {
  ceremonyRound1,
  ceremonyRound2,
  finalizeKey,
  openRoundState,
  receiveShares,
  sealRoundState,
  sealTellerSecret,
  type Acknowledgement,
  type Round1Message,
  type Round2Message,
  type RoundState,
  type SealedRoundState,
  type SealedTellerSecret,
  type TellerSecret,
} from '@libs/ballot/src/index.js';
import { apiOf, unwrap } from '@web/shared/api.js';
import { type Ceremony, failureText } from './ceremony-view.js';
import { ceremonyChanged } from './teller-events.js';

export interface CeremonyRun {
  /** Where the rounds are, for the screen (Chinese). */
  step: (text: string) => void;
  /** The round state, sealed under the passphrase once round 1 is made: keep it for a resume. */
  round: (sealed: SealedRoundState) => void;
  /** The share, sealed, before the acknowledgement: keep it. */
  sealed: (sealed: SealedTellerSecret) => void;
  /** The share (for the recovery sheet to print), also when a resume finds it acknowledged. */
  made: (secret: TellerSecret) => void;
  /** True once the page is left: the wait stops. */
  stopped: () => boolean;
}

/**
 * This tablet's part in the key ceremony, the same calls as `npm run teller -- ceremony`: round 1,
 * round 2 once every round 1 is in, the shares addressed to it checked (a bad one is posted as a
 * complaint), the share sealed under the passphrase, the acknowledgement, and the wait until the
 * server has checked the whole transcript. It waits on the socket's `ceremony:progress`
 * (teller-events.ts), not by polling.
 *
 * Resuming (`resume`: the round state this tablet sealed, after a reload): the state is opened
 * with the passphrase and each step is done only if the server does not already hold its
 * message, so nothing is sent twice and the key is the one round 1 began.
 */
export async function runCeremonyHere(
  c: Ceremony,
  index: number,
  passphrase: string,
  run: CeremonyRun,
  resume?: SealedRoundState | null,
): Promise<Ceremony> {
  const api = apiOf('tablet');
  const path = { params: { path: { id: c.id } } };
  const view = () => unwrap(api.GET('/api/ceremonies/{id}', path));
  const post = async (kind: 'round1' | 'round2' | 'complaints' | 'acks', message: object) => {
    const init = { ...path, body: { message: message as Record<string, unknown> } };
    if (kind === 'round1') await unwrap(api.POST('/api/ceremonies/{id}/round1', init));
    if (kind === 'round2') await unwrap(api.POST('/api/ceremonies/{id}/round2', init));
    if (kind === 'complaints') await unwrap(api.POST('/api/ceremonies/{id}/complaints', init));
    if (kind === 'acks') await unwrap(api.POST('/api/ceremonies/{id}/acks', init));
  };
  const waitFor = async (done: (v: Ceremony) => boolean): Promise<Ceremony> => {
    for (;;) {
      if (run.stopped()) throw new Error('已离开本页，密钥仪式中断');
      // Listening before reading: a change during the read wakes the next turn.
      const changed = ceremonyChanged(c.id, run.stopped);
      const v = await view();
      if (v.status === 'failed') throw new Error(`密钥仪式失败：${failureText(v)}`);
      if (done(v)) return v;
      await changed;
    }
  };
  const params = { ceremonyId: c.ceremonyId, threshold: c.threshold, tellers: c.tellers };

  let round: RoundState;
  if (resume) {
    run.step('正在用口令打开本机保存的仪式状态……');
    round = await openRoundState(resume, passphrase);
  } else {
    round = ceremonyRound1({ ...params, index });
    run.step('正在用您的口令加密保存仪式状态……');
    run.round(await sealRoundState(round, passphrase));
  }
  const sent = await view();
  if (!(sent.messages.round1 as unknown as Round1Message[]).some((m) => m.index === index))
    await post('round1', round.message);
  run.step('第一轮已提交，等待其他监票人……');
  const all1 = await waitFor((v) => v.received.round1 === c.tellers);
  const round1 = all1.messages.round1 as unknown as Round1Message[];
  if (!(all1.messages.round2 as unknown as Round2Message[]).some((m) => m.from === index))
    await post('round2', ceremonyRound2(round.state, round1).message);
  run.step('第二轮已提交，等待其他监票人……');
  const all2 = await waitFor((v) => v.received.round2 === c.tellers);
  const messages2 = all2.messages.round2 as unknown as Round2Message[];
  const received = receiveShares(round.state, round1, messages2);
  if (received.complaints.length > 0) {
    for (const complaint of received.complaints) await post('complaints', complaint);
    throw new Error(
      `收到无效的份额，已提出申诉（${received.complaints.map((x) => x.accused).join('、')} 号监票人）；本次仪式须重新进行`,
    );
  }
  const { secret, ack } = finalizeKey(round.state, round1, received);
  run.made(secret);
  const acks = (await view()).messages.ack as unknown as Acknowledgement[];
  if (!acks.some((a) => a.index === index)) {
    run.step('正在用您的口令加密保存份额……');
    // Sealed and kept before the acknowledgement: a ready key always has this tablet's share.
    run.sealed(await sealTellerSecret(secret, passphrase));
    await post('acks', ack);
  }
  run.step('确认已提交，等待其他监票人确认……');
  return waitFor((v) => v.status !== 'collecting');
}
