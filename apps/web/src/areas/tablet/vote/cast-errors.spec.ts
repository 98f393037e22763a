import { describe, expect, it } from '@jest/globals';
import { ApiError } from '@web/shared/api.js';
import { castRefusalText } from './cast-errors.js';

describe('what the vote screen says when a cast is refused', () => {
  it('says what to do for the ballot slips’ refusals, with the slip check that failed', () => {
    expect(castRefusalText(new ApiError(0, 'POLL_SLIPS_REQUIRED', 'slips required'))).toMatch(
      /^本次表决须使用投票凭证/,
    );
    expect(
      castRefusalText(
        new ApiError(0, 'POLL_SLIP_INVALID', 'invalid', { check: 'UNISSUED_CREDENTIAL' }),
      ),
    ).toBe('投票凭证未通过核验，选票未投出：凭证不在监票人公布的凭证批次中，请向监票人核实');
    expect(castRefusalText(new ApiError(0, 'POLL_SLIP_INVALID', 'invalid'))).toBe(
      '投票凭证未通过核验，选票未投出',
    );
    expect(castRefusalText(new ApiError(0, 'POLL_SLIP_TAKEN', 'taken'))).toMatch(
      /请立即告知监票人$/,
    );
  });

  it('shows the server’s own Chinese message for every other code', () => {
    expect(castRefusalText(new ApiError(0, 'POLL_NOT_OPEN', '表决未开始或已结束'))).toBe(
      '表决未开始或已结束',
    );
    expect(castRefusalText(new Error('boom'))).toBe('投票失败，请重试');
  });
});
