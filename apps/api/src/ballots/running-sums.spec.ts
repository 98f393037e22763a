import { beforeAll, describe, expect, it } from '@jest/globals';
import { ballotShape, loadSodium, pollSpecOf, RunningSum, SodiumGroup } from '../common/ballot.js';
import { DEMO_POLL, demoRecord } from '../../../../libs/ballot/src/testing-record.js';
import type { RealtimeService } from '../realtime/realtime.service.js';
import { RunningSums, runsOf, SHARE_EVENT, wholeBoard } from './running-sums.js';

const demo = demoRecord('running sums spec');
const shape = ballotShape(pollSpecOf(DEMO_POLL));
const ballots = demo.entries.map((e) => e.ballot); // 6 ballots
const at = (...positions: number[]) =>
  positions.map((position) => ({ position, ballot: ballots[position - 1]! }));
const POLL = 'poll-1';

/**
 * api processes on one adapter, as RealtimeService connects them: each answers the others'
 * questions; `silent` ones never answer (a process that hangs), like a serverSideEmit timeout.
 */
function processes(n: number, silent: number[] = []) {
  const answers: ((arg: unknown) => unknown)[] = [];
  return Array.from({ length: n }, (_, i) => {
    const realtime = {
      answerOthers: (event: string, answer: (arg: unknown) => unknown) => {
        expect(event).toBe(SHARE_EVENT);
        answers[i] = answer;
      },
      askOthers: async (_event: string, arg: unknown) => {
        if (silent.length > 0) throw new Error('operation has timed out');
        return answers.filter((_, j) => j !== i).map((a) => a(arg));
      },
    } as unknown as RealtimeService;
    return new RunningSums(realtime);
  });
}

describe('RunningSums (each api process keeps the sum of the ballots it stored)', () => {
  let whole: string;
  beforeAll(async () => {
    const all = new RunningSum(new SodiumGroup(await loadSodium()), shape);
    ballots.forEach((b) => all.add(b));
    whole = JSON.stringify(all.tallyWithout(demo.key, []));
  });
  const start = async (n: number, silent?: number[]) => {
    const ps = processes(n, silent);
    for (const p of ps) await p.onModuleInit();
    return ps;
  };

  it('alone: ballots in any order, a retry counted once, the whole board', async () => {
    const [a] = await start(1);
    a!.stored(POLL, shape, at(2, 1, 3));
    a!.stored(POLL, shape, at(3, 6, 4, 5));
    const sum = await a!.take(POLL, shape);
    expect(sum?.count).toBe(6);
    expect(JSON.stringify(sum!.tallyWithout(demo.key, []))).toBe(whole);
    // Taken once: a second close finds nothing kept.
    expect((await a!.take(POLL, shape))?.count).toBe(0);
  });

  it('two processes: the closing one adds the other’s sum when together they hold 1..n once', async () => {
    const [a, b] = await start(2);
    a!.stored(POLL, shape, at(1, 3, 4));
    b!.stored(POLL, shape, at(2, 5));
    a!.stored(POLL, shape, at(6));
    const sum = await b!.take(POLL, shape);
    expect(sum?.count).toBe(6);
    expect(JSON.stringify(sum!.tallyWithout(demo.key, []))).toBe(whole);
    // The other's part was handed over, and is gone there too.
    expect((await a!.take(POLL, shape))?.count).toBe(0);
  });

  it('a process that stored nothing of the poll closes it with the others’ sums', async () => {
    const [a, b, c] = await start(3);
    a!.stored(POLL, shape, at(1, 2, 3));
    b!.stored(POLL, shape, at(4, 5, 6));
    const sum = await c!.take(POLL, shape);
    expect(JSON.stringify(sum!.tallyWithout(demo.key, []))).toBe(whole);
  });

  it('is not whole with a position missing (a restart) or held twice, or a silent process', async () => {
    const [a, b] = await start(2);
    a!.stored(POLL, shape, at(1, 2));
    b!.stored(POLL, shape, at(4));
    expect(await a!.take(POLL, shape)).toBeUndefined();
    const [c, d] = await start(2);
    c!.stored(POLL, shape, at(1, 2, 3));
    d!.stored(POLL, shape, at(3, 4));
    expect(await d!.take(POLL, shape)).toBeUndefined();
    const [e] = await start(2, [1]);
    e!.stored(POLL, shape, at(1, 2, 3, 4, 5, 6));
    expect(await e!.take(POLL, shape)).toBeUndefined();
  });

  it('positions travel as runs, and the runs of every process must make up 1..n', () => {
    expect(runsOf([5, 1, 2, 3, 7, 8])).toEqual([
      [1, 3],
      [5, 5],
      [7, 8],
    ]);
    expect(wholeBoard([...runsOf([1, 2, 5]), ...runsOf([3, 4])])).toBe(true);
    expect(wholeBoard([[2, 3]])).toBe(false);
    expect(
      wholeBoard([
        [1, 3],
        [3, 4],
      ]),
    ).toBe(false);
    expect(wholeBoard([[1, 1.5]])).toBe(false);
    expect(wholeBoard([])).toBe(true);
  });
});
