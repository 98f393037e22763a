import type { PollResult } from '@libs/contracts/src/index.js';
import { resultWords } from '@web/shared/result-words.js';

/**
 * The decision in sentences for the delegate: the same words as the projector and the public
 * board (shared/result-words.ts), so a motion that failed never reads like a rule that was met.
 */
export function resultSentences(
  result: Pick<PollResult, 'decision' | 'voidReason'> | null,
): string[] {
  if (!result) return [];
  // Void for a stated reason (a custodian key lost with its process) rather than 收回多于发出.
  if (!result.decision && result.voidReason) return ['本次表决无效', result.voidReason];
  const words = resultWords(result.decision);
  return [words.headline, ...words.lines];
}
