/**
 * The one error this pure code throws. It knows nothing of NestJS: the roster service maps
 * `code` to its own module exception (a 400 with `details`).
 */
export type CompositionErrorCode = 'UNKNOWN_SIZE_FORMULA' | 'INVALID_COMPOSITION_INPUT';

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
