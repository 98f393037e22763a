import { BallotError } from '@libs/ballot/src/index.js';
import { ApiError } from '@web/shared/api.js';

/** A failure on the teller's screen, in Chinese: the api's own message, or libs/ballot's code. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof BallotError) {
    const line = /line (\d+)/.exec(e.message)?.[1];
    switch (e.code) {
      case 'WRONG_PASSPHRASE':
        return '口令不正确（或本机保存的份额已被改动），请重新输入';
      case 'BAD_RECOVERY_CODE':
        return line ? `恢复单第 ${line} 行有输入错误，请核对` : '恢复单有输入错误，请逐行核对';
      case 'WRONG_KEY':
        return '这份恢复单（或份额）不属于本次密钥仪式';
      case 'WRONG_SECRET':
        return '这份恢复单不是您的份额';
      case 'TALLY_MISMATCH':
        return '服务器给出的加密合计不等于公告板上计入选票之和：拒绝解密，请立即告知工作人员';
      default:
        return `校验未通过（${e.code}）：${e.message}`;
    }
  }
  return e instanceof Error ? e.message : String(e);
}
