import { ApiError } from '@web/shared/api.js';

/**
 * What the vote screen says when a cast is refused. The server's message is Chinese already;
 * the ballot slips' refusals get the tablet's own words, which say what to do next.
 */
const SLIP_REFUSALS: Record<string, string> = {
  POLL_SLIPS_REQUIRED: '本次表决须使用投票凭证，选票未投出：请先在“投票凭证”页扫描每位监票人的凭证',
  POLL_SLIP_INVALID: '投票凭证未通过核验，选票未投出',
  POLL_SLIP_TAKEN:
    '您的投票凭证已有人在本次表决中用过，选票未投出：凭证可能被人复制，请立即告知监票人',
};

/** Why a slip did not check (the server's `details.check`, libs/ballot's code). */
const SLIP_CHECKS: Record<string, string> = {
  UNISSUED_CREDENTIAL: '凭证不在监票人公布的凭证批次中，请向监票人核实',
  BAD_SIGNATURE: '凭证签名不符，请重新扫描凭证',
  WRONG_VOTER: '选票与凭证不对应，请重新加密后投票',
  BAD_ENCODING: '凭证签名的格式有误，请重新扫描凭证',
};

export function castRefusalText(e: unknown): string {
  if (!(e instanceof ApiError)) return '投票失败，请重试';
  const own = SLIP_REFUSALS[e.code];
  if (!own) return e.message;
  const check = (e.details as { check?: string } | undefined)?.check;
  return check && SLIP_CHECKS[check] ? `${own}：${SLIP_CHECKS[check]}` : own;
}
