import type { PollResult } from '@libs/contracts/src/index.js';
import { resultWords } from '@web/shared/result-words.js';

/**
 * The decision in sentences for the delegate: the same words as the projector and the public
 * board (shared/result-words.ts), so a motion that failed never reads like a rule that was met.
 */
export function resultSentences(result: Pick<PollResult, 'decision'> | null): string[] {
  if (!result) return [];
  const words = resultWords(result.decision);
  return [words.headline, ...words.lines];
}
