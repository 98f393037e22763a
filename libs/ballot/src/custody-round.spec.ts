// A teller's round state sealed between round 1 and the end of the ceremony (custody-round.ts):
// the device resumes from it after a reload, and nobody without the passphrase reads it.
import { describe, expect, it } from '@jest/globals';
import { ceremonyRound1 } from './ceremony.js';
import { openRoundState, sealRoundState } from './custody-round.js';
import { BallotError } from './errors.js';
import { deterministicRng } from './rng.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const P = { ceremonyId: 'round-state', threshold: 2, tellers: 3, index: 2 };

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BallotError);
    return (e as BallotError).code;
  }
  throw new Error('expected a BallotError');
}

describe('sealed round state', () => {
  const round = ceremonyRound1(P, deterministicRng('round-state'));

  it('opens with the passphrase to the same state and message', async () => {
    const sealed = await sealRoundState(round, '监票人的口令2026', { scrypt: FAST });
    expect(sealed).toMatchObject({ kind: 'round-state', ceremonyId: 'round-state', index: 2 });
    // The polynomial and the transport secret are not readable in the sealed form.
    for (const secret of [...round.state.coefficients, round.state.transportSecret])
      expect(JSON.stringify(sealed)).not.toContain(secret);
    expect(await openRoundState(sealed, '监票人的口令2026')).toEqual(round);
  });

  it('a wrong passphrase or a header moved to another teller fails authentication', async () => {
    const sealed = await sealRoundState(round, 'correct horse', { scrypt: FAST });
    expect(await failure(openRoundState(sealed, 'correct hors3'))).toBe('WRONG_PASSPHRASE');
    expect(await failure(openRoundState({ ...sealed, index: 1 }, 'correct horse'))).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(
      await failure(openRoundState({ ...sealed, ceremonyId: 'another' }, 'correct horse')),
    ).toBe('WRONG_PASSPHRASE');
  });
});
