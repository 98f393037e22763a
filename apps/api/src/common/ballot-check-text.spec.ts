import { describe, expect, it } from '@jest/globals';
import { BallotError } from './ballot.js';
import { BALLOT_CHECK_TEXT, ballotCheckReason, ballotCheckText } from './ballot-check-text.js';

// Issue 11, item 6: a refused check reaches tellers and the console; its text is Chinese.
describe('the Chinese text of a libs/ballot check', () => {
  it.each(Object.entries(BALLOT_CHECK_TEXT))('%s has Chinese text', (_code, text) => {
    expect(text).toMatch(/\p{Script=Han}/u);
  });

  it('names the teller and the question it was about, counted from 1', () => {
    expect(ballotCheckText('DECRYPTION_PROOF_FAILED', { trustee: 2, question: 0 })).toBe(
      '部分解密的证明未通过校验（监票人 2，第 1 题）',
    );
  });

  it('keeps the code and drops the English message', () => {
    const e = new BallotError('BAD_CEREMONY', "the message is teller 3's, not 1's");
    expect(ballotCheckReason(e)).toEqual({
      check: 'BAD_CEREMONY',
      reason: BALLOT_CHECK_TEXT.BAD_CEREMONY,
    });
  });
});
