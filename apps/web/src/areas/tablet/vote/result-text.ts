import type { PollResult } from '@libs/contracts/src/index.js';

/** The decision in sentences for people (libs/tally's Chinese summary; one per person evaluated). */
export function resultSentences(result: PollResult | null): string[] {
  if (!result) return [];
  const d = result.decision;
  return d.kind === 'evaluation' ? d.persons.map((p) => p.summary.zh) : [d.summary.zh];
}
