import { decidePoll } from '../common/ballot.js';
import type { PollResult } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';
import type { PollBallot } from './poll-ballot.entity.js';
import { shapeOf, sumOpen } from './poll-shape.js';

/**
 * The result of an open (记名) poll: the plain choices of the seats still serving, the same
 * 收回 ≤ 发出 rule and the same decision (libs/ballot `decidePoll`) as a secret poll's record.
 * Under the last-press rule a delegate's older ballots are SUPERSEDED (their newest counts);
 * 收回 counts delegates, not ballots.
 */
export function decideOpenPoll(
  poll: Poll,
  ballots: readonly PollBallot[],
  serving: ReadonlySet<string>,
  now: Date,
): { result: PollResult; exclusions: { position: number; reason: string }[] } {
  const lost = ballots.filter((b) => !serving.has(b.delegateId));
  const superseded = ballots.filter((b) => serving.has(b.delegateId) && b.supersededBy !== null);
  const counted = ballots.filter((b) => serving.has(b.delegateId) && b.supersededBy === null);
  const excluded = [
    ...lost.map((b) => ({ b, reason: 'SEAT_LOST' })),
    ...superseded.map((b) => ({ b, reason: 'SUPERSEDED' })),
  ].sort((x, y) => x.b.position! - y.b.position!);
  const counts = sumOpen(
    shapeOf(poll),
    counted.map((b) => b.openChoice!),
  );
  const returned = new Set(ballots.map((b) => b.delegateId)).size;
  const isVoid = returned > poll.issuedCount!;
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
      issued: poll.issuedCount!,
      returned,
      counts,
      ballots: { cast: ballots.length, counted: counted.length, excluded: excluded.length },
      exclusions: excluded.map(({ b, reason }) => ({
        tracker: b.tracker,
        board: String(b.position),
        reason,
      })),
      keyMode: null,
      tallyAt: now.toISOString(),
    },
    exclusions: excluded.map(({ b, reason }) => ({ position: b.position!, reason })),
  };
}
