/**
 * Keeping a teller's round state while the key ceremony runs, so that a device that reloads or
 * restarts mid-way resumes instead of forcing a new ceremony: the polynomial and transport key of
 * round 1 (`TellerState`, secret) and its round-1 message (public), sealed under the teller's
 * passphrase exactly as the share is (scrypt, then XChaCha20-Poly1305; custody.ts), with its own
 * tag. Everything else a device needs to resume (the others' messages, its own round 2 and
 * acknowledgement) is public and stored by the server. Drop it once the ceremony is over.
 */
import type { Round1Message } from './ceremony-key.js';
import type { TellerState } from './ceremony.js';
import { openSealed, sealBytes, sealedTail, type ScryptParams } from './custody.js';
import { utf8 } from './encoding.js';
import { BallotError } from './errors.js';
import { TAGS, transcript } from './hash.js';
import { fields } from './json.js';
import type { Rng } from './rng.js';

export interface SealedRoundState {
  version: 2;
  kind: 'round-state';
  ceremonyId: string;
  index: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  /** 24 bytes (hex). */
  nonce: string;
  /** XChaCha20-Poly1305 of the JSON of `RoundState` (hex). */
  ciphertext: string;
}

/** What a device keeps between round 1 and the end of the ceremony. */
export interface RoundState {
  state: TellerState;
  message: Round1Message;
}

function aad(s: Pick<SealedRoundState, 'ceremonyId' | 'index' | 'kdf'>): Uint8Array {
  return sealedTail(transcript(TAGS.sealedRoundState).str(s.ceremonyId), s.index, s.kdf);
}

export async function sealRoundState(
  round: RoundState,
  passphrase: string,
  opts: { scrypt?: ScryptParams; rng?: Rng } = {},
): Promise<SealedRoundState> {
  const body = utf8(JSON.stringify({ state: round.state, message: round.message }));
  const sealed = await sealBytes(
    body,
    passphrase,
    (kdf) => ({ ceremonyId: round.state.ceremonyId, index: round.state.index, kdf }),
    aad,
    opts,
  );
  return { version: 2, kind: 'round-state', ...sealed };
}

/**
 * Opens a sealed round state: WRONG_PASSPHRASE for a wrong passphrase or an altered seal, and a
 * state that is not the sealed ceremony's and index is refused (BAD_CEREMONY).
 */
export async function openRoundState(
  sealed: SealedRoundState,
  passphrase: string,
): Promise<RoundState> {
  const o = fields(
    sealed,
    ['version', 'kind', 'ceremonyId', 'index', 'kdf', 'nonce', 'ciphertext'],
    'sealed round state',
  );
  if (o.version !== 2 || o.kind !== 'round-state')
    throw new BallotError(
      'BAD_VERSION',
      `sealed round state ${String(o.version)}/${String(o.kind)}`,
    );
  const body = await openSealed(
    sealed,
    passphrase,
    () => aad(sealed),
    undefined,
    'sealed round state',
  );
  const round = JSON.parse(new TextDecoder().decode(body)) as RoundState;
  for (const part of [round.state, round.message])
    if (part.ceremonyId !== sealed.ceremonyId || part.index !== sealed.index)
      throw new BallotError('BAD_CEREMONY', 'the sealed round state is of another ceremony');
  return round;
}
