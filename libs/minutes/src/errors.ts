/**
 * Every failure of libs/minutes is a MinutesError with a stable `code` (safe to store, to show and
 * to map to an HTTP status in the api) and a Chinese message a person can read.
 */
export const MINUTES_ERRORS = {
  /** Not the documented JSON shape (see validateMinutes for the field errors). */
  INVALID_DOCUMENT: '会议记录格式不正确',
  /** A value that canonical JSON (RFC 8785) cannot carry: NaN, Infinity, a lone surrogate, a cycle. */
  NOT_CANONICAL_JSON: '内容无法规范化为 JSON（RFC 8785）',
  /** Bytes that are not the canonical form of the JSON they hold. */
  NOT_CANONICAL_BYTES: '文件不是规范化 JSON（RFC 8785）',
  /** Malformed hex, base32, key or signature bytes. */
  BAD_ENCODING: '编码格式不正确',
  /** A signature algorithm this library does not know (or not enabled). */
  UNKNOWN_ALGORITHM: '不支持的签名算法',
  /** The key fingerprint does not belong to the public key. */
  FINGERPRINT_MISMATCH: '密钥指纹与公钥不符',
  /** A signature that does not verify under its public key. */
  BAD_SIGNATURE: '签名验证失败',
  /** A signature over another document or tally than the one checked. */
  WRONG_SUBJECT: '签名所签的内容与本文件不符',
  /** A signer whose role or name does not match the minutes (e.g. a secretary not the recorder). */
  WRONG_SIGNER: '签名人与会议记录所载人员不符',
  /** A role the minutes need a signature from has none. */
  MISSING_SIGNATURE: '缺少必需的签名',
  /** Wrong passphrase, or the encrypted key was altered. */
  WRONG_PASSPHRASE: '口令错误或密钥文件已损坏',
  /** A recovery code with a typo (checksum) or of the wrong length. */
  BAD_RECOVERY_CODE: '恢复码有误（校验不通过）',
  /** An archive entry whose stored hash is not the hash of its content. */
  ENTRY_HASH_MISMATCH: '档案条目的哈希值与内容不符',
  /** An entry whose previousHash is not the previous entry's hash (removed or reordered entry). */
  BROKEN_LINK: '档案链断裂：与前一条目的哈希不衔接',
  /** Sequence numbers not consecutive. */
  SEQUENCE_GAP: '档案序号不连续',
  /** A link (corrects: seq) to an entry that does not come before. */
  BAD_LINK: '档案条目引用了不存在或在后的条目',
  /** Times going backwards along the chain. */
  TIME_REVERSED: '档案条目时间倒序',
  /** Not a zip, or a zip this library refuses (unsafe names, too large). */
  BAD_BUNDLE: '导出包格式不正确',
  /** A file listed in the manifest is missing, or one is there that is not listed. */
  MISSING_FILE: '导出包缺少文件或含有未列明的文件',
  /** A file whose SHA-256 is not the one in the manifest. */
  FILE_HASH_MISMATCH: '文件哈希值与清单不符',
  /** An election record that does not verify, or whose result is not the minutes' count. */
  ELECTION_RECORD_FAILED: '选举（表决）记录验证失败',
  /** The PDF is not what the bundle says (not a PDF/A, no embedded JSON, other JSON). */
  PDF_MISMATCH: 'PDF 文件与会议记录不符',
  /** Private key material found where only public data may be. */
  SECRET_LEAKED: '导出包中含有私钥等保密信息',
} as const;

export type MinutesErrorCode = keyof typeof MINUTES_ERRORS;

export class MinutesError extends Error {
  override readonly name = 'MinutesError';
  constructor(
    readonly code: MinutesErrorCode,
    /** What exactly failed, in Chinese (falls back to the code's message). */
    readonly detail: string = MINUTES_ERRORS[code],
    /** Plain data about the failure: the field, file, index or seq it concerns. */
    readonly where: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code}: ${detail}`);
  }

  toJSON(): { code: MinutesErrorCode; message: string; where: Record<string, string | number> } {
    return { code: this.code, message: this.detail, where: { ...this.where } };
  }
}

export function isMinutesError(e: unknown): e is MinutesError {
  return e instanceof MinutesError;
}
