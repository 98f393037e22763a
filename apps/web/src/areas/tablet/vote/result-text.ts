import type { PollResult } from '@libs/contracts/src/index.js';

/** The decision in sentences for people (libs/tally's Chinese summary; one per person evaluated). */
export function resultSentences(result: PollResult | null): string[] {
  if (!result) return [];
  const d = result.decision;
  // No decision: more ballots came back than were issued, or another stated reason (a custodian
  // key lost with its process): the poll is void and held again.
  if (!d) return [result.voidReason ?? '收回的选票多于发出的选票，本次表决无效，须重新表决。'];
  return d.kind === 'evaluation' ? d.persons.map((p) => p.summary.zh) : [d.summary.zh];
}
