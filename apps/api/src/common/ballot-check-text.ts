import type { BallotError, BallotErrorCode, BallotErrorDetail } from './ballot.js';

/**
 * What a failed libs/ballot check means, in Chinese: libs/ballot's own messages are English (for
 * the record and the logs), and the code is what the api keeps (`check`). Shown to tellers and
 * staff: a refused ceremony message, a refused partial decryption on the console.
 */
export const BALLOT_CHECK_TEXT: Record<BallotErrorCode, string> = {
  BAD_ENCODING: '数据格式不正确',
  BAD_VERSION: '数据格式版本不受支持',
  WRONG_POLL: '数据属于另一次表决',
  WRONG_VOTER: '选票的投票凭证与提交者不符',
  WRONG_KEY: '数据属于另一把选举公钥',
  SHAPE_MISMATCH: '题目、选项或证明的数量与本次表决不符',
  ENTRY_PROOF_FAILED: '选项的加密证明未通过校验',
  SUM_PROOF_FAILED: '题目合计的加密证明未通过校验',
  BAD_CHOICE: '所选项不符合本题的规则',
  BAD_SHAPE: '表决的题目设置无效',
  TRUSTEE_PROOF_FAILED: '监票人对其密钥份额的证明未通过校验',
  BAD_KEY: '选举公钥无法使用',
  WRONG_SECRET: '密钥份额与该监票人的公开份额不符',
  BAD_RECOVERY_CODE: '恢复单有输入错误',
  DECRYPTION_PROOF_FAILED: '部分解密的证明未通过校验',
  MISSING_TRUSTEE: '缺少监票人的部分解密，或有重复、来源不明的部分解密',
  TALLY_MISMATCH: '加密合计与所计选票之和不符',
  COUNT_NOT_FOUND: '解密得到的票数不在有效范围内',
  DUPLICATE_VOTER: '同一投票凭证有两张计入的选票',
  RESULT_MISMATCH: '公布的结果与重新计算的结果不符',
  DEGENERATE_CIPHERTEXT: '密文无效（任何人都能读出所选项）',
  BAD_CEREMONY: '密钥仪式消息与本次仪式不相符（仪式、门限、人数、序号或视图不一致）',
  BAD_SIGNATURE: '签名未通过校验',
  CEREMONY_COMPLAINT: '密钥仪式有成立的投诉，或无法完成',
  WRONG_PASSPHRASE: '口令不正确，或份额文件已被改动',
  TRACKER_MISMATCH: '公告板条目的追踪码与其选票不符',
  CHAIN_MISMATCH: '公告板的哈希链不连续',
  RECEIPT_MISMATCH: '签名回执与公告板不符',
  ISSUED_MISMATCH: '已发放凭证的列表无效',
  UNISSUED_CREDENTIAL: '计入的选票使用了未发放的凭证',
  SLIP_REUSED: '投票凭证已在另一张选票上使用',
  EXCLUSION_MISMATCH: '记录中的排除选票与公告板和规则不符',
  VOID_RULE: '收回票数多于发出票数时的无效规则未被遵守',
  DECISION_MISMATCH: '表决结论与票数及表决规则不符',
  AUDIT_MISMATCH: '审计选票公开的随机数和选择与其密文不符',
};

/** The check's Chinese text, with the teller, question or ballot it was about when known. */
export function ballotCheckText(code: BallotErrorCode, detail: BallotErrorDetail = {}): string {
  const where = [
    detail.trustee !== undefined ? `监票人 ${detail.trustee}` : null,
    detail.question !== undefined ? `第 ${detail.question + 1} 题` : null,
    detail.entry !== undefined ? `第 ${detail.entry + 1} 项` : null,
    detail.ballot !== undefined ? `第 ${detail.ballot + 1} 张选票` : null,
  ].filter((w) => w !== null);
  return where.length
    ? `${BALLOT_CHECK_TEXT[code]}（${where.join('，')}）`
    : BALLOT_CHECK_TEXT[code];
}

/** `{ check, reason }` of a failed check, as the api answers it: the code and its Chinese text. */
export function ballotCheckReason(e: BallotError): { check: BallotErrorCode; reason: string } {
  return { check: e.code, reason: ballotCheckText(e.code, e.detail) };
}
