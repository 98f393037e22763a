/**
 * What a person reads about a verified record (the verify-poll command, the web app's verifier
 * page): the checks and the error codes in Chinese. The codes themselves stay as they are.
 */
import type { BallotErrorCode } from './errors.js';
import type { ExclusionReason } from './record-count.js';
import type { RecordCheckName } from './record-verify.js';

export const CHECK_TEXT: Record<RecordCheckName, string> = {
  format: '记录格式',
  poll: '表决事项、选项与规则',
  key: '选举密钥（监票人密钥仪式）',
  issued: '发出的选票与投票凭证',
  chain: '选票公告板哈希链',
  ballots: '每张选票的加密证明',
  eligibility: '计入的选票均有发出的凭证',
  exclusions: '不计入的选票及理由',
  tally: '计入选票的密文合计',
  decryption: '监票人的部分解密及证明',
  result: '计票结果',
  'issued-rule': '收回的选票不多于发出的选票',
  decision: '按表决规则得出的结论',
};

export const EXCLUSION_TEXT: Record<ExclusionReason, string> = {
  INVALID: '选票未通过验证',
  NOT_ISSUED: '投票凭证不在发出名单中',
  SEAT_LOST: '投票后代表资格终止（记录所述，无法从记录核验）',
  SUPERSEDED: '已被同一凭证后来投出的选票取代',
  DUPLICATE_VOTER: '同一凭证重复投票',
};

export const CODE_TEXT: Partial<Record<BallotErrorCode, string>> = {
  BAD_ENCODING: '数据格式错误',
  BAD_VERSION: '格式版本不符',
  WRONG_POLL: '属于另一个表决事项',
  WRONG_KEY: '属于另一把选举密钥',
  SHAPE_MISMATCH: '选票结构与表决事项不符',
  ENTRY_PROOF_FAILED: '选项证明（0 或 1）不成立',
  SUM_PROOF_FAILED: '选票合计证明不成立',
  TRUSTEE_PROOF_FAILED: '密钥证明不成立',
  BAD_KEY: '选举密钥无效',
  DECRYPTION_PROOF_FAILED: '部分解密的证明不成立',
  MISSING_TRUSTEE: '参与解密的监票人不足',
  TALLY_MISMATCH: '密文合计不是计入选票之和',
  COUNT_NOT_FOUND: '解密结果不在票数范围内',
  RESULT_MISMATCH: '公布的计票结果与重算不符',
  DEGENERATE_CIPHERTEXT: '选票密文退化（任何人可读出选择）',
  BAD_CEREMONY: '密钥仪式的消息不一致',
  BAD_SIGNATURE: '签名不成立',
  CEREMONY_COMPLAINT: '密钥仪式中有成立的投诉',
  TRACKER_MISMATCH: '选票追踪码不是该选票的哈希',
  CHAIN_MISMATCH: '公告板哈希链断裂',
  RECEIPT_MISMATCH: '回执与公告板不符',
  ISSUED_MISMATCH: '发出名单与发出数不符',
  UNISSUED_CREDENTIAL: '计入的选票使用了未发出的凭证',
  SLIP_REUSED: '投票凭证已在更早的另一张选票上使用',
  EXCLUSION_MISMATCH: '不计入的选票与规则不符',
  VOID_RULE: '收回多于发出时表决应无效，记录与此不符',
  DECISION_MISMATCH: '结论与表决规则不符',
};

/** Names of the facts a check reports (RecordCheck.facts), and some of their values. */
export const FACT_TEXT: Record<string, string> = {
  entries: '公告板选票',
  title: '标题',
  type: '类型',
  recast: '重新投票',
  mode: '密钥',
  fingerprint: '密钥指纹',
  threshold: '解密所需监票人',
  tellers: '监票人',
  issued: '发出',
  slipTellers: '投票凭证批次',
  slipKeys: '凭证公钥',
  slipsChecked: '核验的凭证签名',
  head: '链头',
  valid: '验证通过',
  invalid: '未通过验证',
  counted: '计入',
  decryptions: '参与解密的监票人',
  returned: '收回',
  void: '无效',
  rule: '规则',
  summary: '结论',
  flagged: '被标记的人数',
  INVALID: '未通过验证而不计入',
  NOT_ISSUED: '凭证未发出而不计入',
  SEAT_LOST: '代表资格终止而不计入',
  SUPERSEDED: '被重投取代',
  DUPLICATE_VOTER: '重复投票',
};

const VALUE_TEXT: Record<string, string> = {
  motion: '议案表决',
  election: '选举',
  evaluation: '民主评议',
  once: '不允许',
  'last-counts': '允许，以最后一次为准',
  tellers: '监票人密钥',
  custodian: '托管密钥（不对运维方保密）',
  true: '是',
  false: '否',
};

/** "发出 6，收回 5" for a check's facts. */
export function factsText(facts: Record<string, string | number | boolean>): string {
  return Object.entries(facts)
    .map(([k, v]) => `${FACT_TEXT[k] ?? k} ${VALUE_TEXT[String(v)] ?? String(v)}`)
    .join('，');
}

export function codeText(code: string): string {
  return CODE_TEXT[code as BallotErrorCode] ?? code;
}
