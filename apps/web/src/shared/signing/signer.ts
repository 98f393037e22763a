import {
  documentHash,
  isMinutesError,
  sign,
  tallyHash,
  talliesOf,
  type MinutesDocument,
  type EncryptedSigningKey,
  type MinutesSignature,
  type SigningKey,
} from '@libs/minutes/src/index.js';
import type { ApiClient } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { ApiError, unwrap } from '@web/shared/api.js';
import { openKey } from './key-store.js';

type Minutes = components['schemas']['MinutesResponse'];
export type SignerAs = { role: 'secretary' | 'chair' | 'teller'; name: string };

/**
 * Signing frozen minutes in the browser: the key is opened with the passphrase here, signs the
 * document hash (secretary, chair) or each tally's hash (teller) the api gave, and only the
 * signatures are posted. The api checks them again and refuses a wrong key or signer.
 */
export async function signFrozen(
  api: ApiClient,
  minutes: Minutes,
  as: SignerAs,
  sealed: EncryptedSigningKey,
  passphrase: string,
): Promise<Minutes> {
  const status = minutes.signing;
  if (!status) throw new Error('会议记录尚未定稿，不能签名');
  const subjects = subjectsOf(minutes, as);
  const key = await openKey(sealed, passphrase);
  const signedAt = new Date().toISOString();
  let latest = minutes;
  for (const subject of subjects) {
    if (alreadySigned(latest, as, key, subject)) continue;
    const signature = sign(key, { role: as.role, signer: as.name, subject, signedAt });
    latest = await unwrap(
      api.POST('/api/minutes/{id}/signatures', {
        params: { path: { id: minutes.id } },
        body: signature,
      }),
    );
  }
  return latest;
}

/**
 * What is signed, hashed here from the document the signer reads (not taken on trust from the
 * server): the document for the secretary and a chair, each tally for a teller. A hash that
 * differs from the api's means the text shown is not the frozen one: nothing is signed.
 */
function subjectsOf(minutes: Minutes, as: SignerAs): MinutesSignature['subject'][] {
  const doc = minutes.document as unknown as MinutesDocument;
  if (documentHash(doc) !== minutes.signing!.documentHash)
    throw new Error('显示的会议记录与定稿文本的哈希不一致，不能签名，请刷新后重试');
  return as.role === 'teller'
    ? talliesOf(doc).map(({ tally }) => ({
        kind: 'tally' as const,
        pollId: tally.pollId,
        hash: tallyHash(tally),
      }))
    : [{ kind: 'minutes', hash: documentHash(doc) }];
}

function alreadySigned(m: Minutes, as: SignerAs, key: SigningKey, s: MinutesSignature['subject']) {
  return (m.signing?.signatures ?? []).some(
    (x) =>
      x.role === as.role &&
      x.keyFingerprint === key.fingerprint &&
      (s.kind === 'minutes' || x.pollId === s.pollId),
  );
}

/** Registers the public part of a key (idempotent: a key already registered is fine). */
export async function registerPublicKey(api: ApiClient, sealed: EncryptedSigningKey) {
  try {
    await unwrap(
      api.POST('/api/signer-keys', {
        body: { algorithm: sealed.algorithm, publicKey: sealed.publicKey },
      }),
    );
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'MINUTES_KEY_TAKEN')) throw e;
  }
}

/** A refusal in the signer's words: the api's Chinese message, or the library's. */
export function signingMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (isMinutesError(e)) return e.detail;
  return e instanceof Error ? e.message : String(e);
}
