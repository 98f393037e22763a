import { describe, it, expect } from '@jest/globals';
import { BallotError } from '../errors.js';
import { pollSpecOf } from '../record-poll.js';
import { ballotShape } from '../shape.js';
import { DEMO_POLL, demoRecord } from '../testing-record.js';
import { RunningSum } from './chunk.js';
import { loadSodium, SodiumGroup } from './sodium.js';

const demo = demoRecord('running sum share spec');
const shape = ballotShape(pollSpecOf(DEMO_POLL));
const ballots = demo.entries.map((e) => e.ballot);

describe('RunningSum shared between api processes', () => {
  it('a sum absorbing another’s share is the sum of both sets of ballots', async () => {
    const group = new SodiumGroup(await loadSodium());
    const all = new RunningSum(group, shape);
    const [a, b] = [new RunningSum(group, shape), new RunningSum(group, shape)];
    ballots.forEach((x, i) => {
      all.add(x);
      (i % 2 === 0 ? a : b).add(x);
    });
    // As it travels: JSON.
    a.absorb(JSON.parse(JSON.stringify(b.share())));
    expect(a.count).toBe(ballots.length);
    expect(a.tallyWithout(demo.key, [ballots[0]!])).toEqual(
      all.tallyWithout(demo.key, [ballots[0]!]),
    );
  });

  it('refuses a share that is not a sum of this shape, and changes nothing', async () => {
    const group = new SodiumGroup(await loadSodium());
    const a = new RunningSum(group, shape);
    a.add(ballots[0]!);
    const before = JSON.stringify(a.share());
    const good = a.share();
    const refused = (share: unknown) => {
      try {
        a.absorb(share as ReturnType<RunningSum['share']>);
      } catch (e) {
        if (e instanceof BallotError) return e.code;
        throw e;
      }
      return 'absorbed';
    };
    expect(refused({ ...good, count: -1 })).toBe('BAD_ENCODING');
    expect(refused(null)).toBe('BAD_ENCODING');
    expect(refused({ ...good, sums: [] })).toBe('SHAPE_MISMATCH');
    expect(refused({ ...good, sums: [good.sums[0]!.slice(1)] })).toBe('SHAPE_MISMATCH');
    const notAPoint = structuredClone(good);
    notAPoint.sums[0]![0]!.alpha = 'ff'.repeat(32);
    expect(refused(notAPoint)).toBe('BAD_ENCODING');
    expect(JSON.stringify(a.share())).toBe(before);
  });
});
