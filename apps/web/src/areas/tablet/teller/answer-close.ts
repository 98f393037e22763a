import {
  openTellerSecret,
  type PartialDecryption,
  sealTellerSecret,
  tellerSecretFromRecoverySheet,
  type PreparedClose,
  type SealedTellerSecret,
  type TellerSecret,
  verifyCeremonyTranscript,
} from '@libs/ballot/src/index.js';
import type { components } from '../../../api/schema.js';
import { apiOf, unwrap } from '@web/shared/api.js';
import { decryptInWorker } from './decryptor.js';
import type { BoardFollowing } from './follow.js';

export type DecryptionStatus = components['schemas']['DecryptionStatusResponse'];

/** The prepared close; without the ballots up to `followed`, which this page verified already. */
const input = (pollId: string, followed?: number) =>
  unwrap(
    apiOf('tablet').GET('/api/polls/{id}/decryption/input', {
      params: { path: { id: pollId }, query: followed === undefined ? {} : { followed } },
    }),
  ) as unknown as Promise<PreparedClose['record']>;

export function decryptionStatus(pollId: string): Promise<DecryptionStatus> {
  return unwrap(
    apiOf('tablet').GET('/api/polls/{id}/decryption', { params: { path: { id: pollId } } }),
  );
}

/**
 * Answers one close, as `npm run teller -- decrypt` does: the share is opened with the passphrase
 * (or read from the typed recovery sheet and sealed again here), the prepared record fetched, the
 * counted ballots re-verified and re-summed and the partial computed in a worker; only the partial
 * (with its proof) is posted. The opened share is dropped when this returns. A poll whose board
 * this page followed while it was open (`following`) is not re-verified: its worker compares the
 * record with the ballots it verified and the tally with its running sum.
 */
export async function answerClose(
  pollId: string,
  from:
    | { sealed: SealedTellerSecret; passphrase: string }
    | { sheet: string; passphrase: string; keep: (sealed: SealedTellerSecret) => void },
  step: (text: string) => void,
  following?: BoardFollowing,
): Promise<{ status: DecryptionStatus; counted: number; verifiedAtClose: number | null }> {
  const followedTo = following?.has(pollId) ? following.polls[pollId]!.followed : undefined;
  const record = await input(pollId, followedTo);
  if (record.key.mode !== 'tellers') throw new Error('该表决不使用监票人密钥');
  // The ceremony's key, from its public transcript: the share is checked against it.
  const key = verifyCeremonyTranscript(record.key.ceremony);
  let secret: TellerSecret;
  if ('sealed' in from) {
    step('正在用口令打开份额……');
    secret = await openTellerSecret(from.sealed, from.passphrase, key);
  } else {
    secret = tellerSecretFromRecoverySheet(key, from.sheet);
    step('恢复单正确，正在用新口令重新加密保存份额……');
    from.keep(await sealTellerSecret(secret, from.passphrase));
  }
  let answer: { partial: PartialDecryption; counted: number; verifiedAtClose: number | null };
  if (followedTo !== undefined && following) {
    step('正在比对本机核验过的公告板与服务器的合计，并计算部分解密……');
    answer = await following.answer(pollId, record, secret);
  } else {
    step('正在复核公告板上计入的选票并计算部分解密……');
    answer = { ...(await decryptInWorker({ record, secret })), verifiedAtClose: null };
  }
  const { partial, counted, verifiedAtClose } = answer;
  step('正在提交部分解密……');
  const status = await unwrap(
    apiOf('tablet').POST('/api/polls/{id}/partials', {
      params: { path: { id: pollId } },
      body: { partial: partial as unknown as Record<string, unknown> },
    }),
  );
  return { status, counted, verifiedAtClose };
}
