import { decidePoll } from '../common/ballot.js';
import type { PollResult } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';
import type { PollBallot } from './poll-ballot.entity.js';
import { shapeOf, sumOpen } from './poll-shape.js';

/**
 * The result of an open (记名) poll: the plain choices of the seats still serving, the same
 * 收回 ≤ 发出 rule and the same decision (libs/ballot `decidePoll`) as a secret poll's record.
 */
export function decideOpenPoll(
  poll: Poll,
  ballots: readonly PollBallot[],
  serving: ReadonlySet<string>,
  now: Date,
): { result: PollResult; exclusions: { position: number; reason: string }[] } {
  const lost = ballots.filter((b) => !serving.has(b.delegateId));
  const counted = ballots.filter((b) => serving.has(b.delegateId));
  const counts = sumOpen(
    shapeOf(poll),
    counted.map((b) => b.openChoice!),
  );
  const returned = ballots.length;
  const isVoid = returned > poll.issued!.count;
  return {
    result: {
      decision: isVoid
        ? null
        : decidePoll(
            poll.recordPoll!,
            counts,
            { valid: counted.length, invalid: 0 },
            poll.electorate!,
          ),
      void: isVoid,
      issued: poll.issued!.count,
      returned,
      counts,
      ballots: { cast: ballots.length, counted: counted.length, excluded: lost.length },
      exclusions: lost.map((b) => ({
        tracker: b.tracker,
        board: String(b.position),
        reason: 'SEAT_LOST',
      })),
      keyMode: null,
      tallyAt: now.toISOString(),
    },
    exclusions: lost.map((b) => ({ position: b.position!, reason: 'SEAT_LOST' })),
  };
}
