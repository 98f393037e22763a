/**
 * The one error this pure code throws. It knows nothing of NestJS: the roster service maps
 * `code` to its own module exception (a 400 with `details`).
 */
export type CompositionErrorCode = 'UNKNOWN_SIZE_FORMULA' | 'INVALID_COMPOSITION_INPUT';

/** What each code tells staff (the messages below are English, for logs and specs). */
export const COMPOSITION_ERROR_TEXT: Record<CompositionErrorCode, string> = {
  UNKNOWN_SIZE_FORMULA: '构成检查的数据有误：代表名额计算公式未知，或自定义公式缺少设置',
  INVALID_COMPOSITION_INPUT: '构成检查的数据有误：人数和名额公式的参数须为非负整数',
};

export class CompositionError extends Error {
  override readonly name = 'CompositionError';

  constructor(
    readonly code: CompositionErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
