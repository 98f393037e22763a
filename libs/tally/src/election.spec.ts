import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { countElectionBallots, tallyElection, type ElectionInput } from './election.js';
import { MAJORITY_OF_CAST, MAJORITY_OF_PRESENT } from './rules.js';

const electorate = { total: 100, present: 90 };

function election(votes: Record<string, number>, extra: Partial<ElectionInput> = {}) {
  return tallyElection({
    seats: 2,
    candidates: Object.keys(votes),
    electorate,
    ballots: { valid: 88, invalid: 2 },
    votes,
    ...extra,
  });
}

describe('election: 2 seats, 3 candidates, 2 clear the majority of all delegates', () => {
  const r = election({ zhang: 70, li: 60, wang: 40 });

  it('elects the two above 50 of 100, highest first', () => {
    expect(r.elected).toEqual(['zhang', 'li']);
    expect(r.runoff).toBeNull();
    expect(r.unfilledSeats).toBe(0);
    expect(r.complete).toBe(true);
    expect(r.rule.required).toBe(51);
    expect(r.rule.text.zh).toBe('得票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）');
  });

  it('ranks and labels every candidate', () => {
    expect(r.candidates).toEqual([
      { id: 'zhang', votes: 70, rank: 1, meetsRule: true, status: 'elected' },
      { id: 'li', votes: 60, rank: 2, meetsRule: true, status: 'elected' },
      { id: 'wang', votes: 40, rank: 3, meetsRule: false, status: 'not-elected' },
    ]);
    expect(r.ballots).toEqual({ cast: 90, valid: 88, blank: null, invalid: 2, notVoted: 0 });
  });

  it('is plain JSON with a summary for the minutes', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.summary.zh).toBe(
      '应选 2 名，当选 2 名：zhang（70 票）、li（60 票）。收回选票 90 张，有效 88 张，无效 2 张；得票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）。',
    );
  });
});

describe('election: three candidates meet the rule for two seats', () => {
  it('the top two are elected, the third is not', () => {
    const r = election({ a: 62, b: 58, c: 55 }); // 175 marks on 88 ballots of 2
    expect(r.elected).toEqual(['a', 'b']);
    expect(r.candidates.find((c) => c.id === 'c')).toMatchObject({
      meetsRule: true,
      status: 'not-elected',
    });
  });
});

describe('election: a tie at the last seat returns the run-off list', () => {
  it('a elected, b and c tied for the second seat', () => {
    const r = election({ a: 60, b: 52, c: 52, d: 10 });
    expect(r.elected).toEqual(['a']);
    expect(r.runoff).toEqual({ candidates: ['b', 'c'], seats: 1, votes: 52 });
    expect(r.unfilledSeats).toBe(1);
    expect(r.seatsWithoutQualifiedCandidate).toBe(0);
    expect(r.complete).toBe(false);
    expect(r.candidates.map((c) => [c.id, c.rank, c.status])).toEqual([
      ['a', 1, 'elected'],
      ['b', 2, 'runoff'],
      ['c', 2, 'runoff'],
      ['d', 4, 'not-elected'],
    ]);
    expect(r.summary.zh).toContain('b、c 同得 52 票，需就 1 个席位另行投票');
  });

  it('three tied for two seats: nobody elected, run-off for both', () => {
    const r = election({ a: 58, b: 58, c: 58 });
    expect(r.elected).toEqual([]);
    expect(r.runoff).toEqual({ candidates: ['a', 'b', 'c'], seats: 2, votes: 58 });
    expect(r.unfilledSeats).toBe(2);
  });

  it('a tie that fits within the seats is no tie at the last seat', () => {
    const r = election({ a: 60, b: 60, c: 30 });
    expect(r.elected).toEqual(['a', 'b']);
    expect(r.runoff).toBeNull();
  });

  it('a tie below the majority is not a run-off: the seat is unfilled', () => {
    const r = election({ a: 70, b: 45, c: 45 });
    expect(r.elected).toEqual(['a']);
    expect(r.runoff).toBeNull();
    expect(r.unfilledSeats).toBe(1);
    expect(r.seatsWithoutQualifiedCandidate).toBe(1);
  });
});

describe('election: most votes but below the majority → unfilled', () => {
  it('one seat, the leader has 50 of 100: exactly half is not enough', () => {
    const r = tallyElection({
      seats: 1,
      candidates: [
        { id: 'a', name: '张三' },
        { id: 'b', name: '李四' },
      ],
      electorate: { total: 100, present: 90 },
      ballots: { valid: 90, invalid: 0 },
      votes: { a: 50, b: 40 },
    });
    expect(r.elected).toEqual([]);
    expect(r.unfilledSeats).toBe(1);
    expect(r.seatsWithoutQualifiedCandidate).toBe(1);
    expect(r.candidates[0]).toEqual({
      id: 'a',
      name: '张三',
      votes: 50,
      rank: 1,
      meetsRule: false,
      status: 'not-elected',
    });
    expect(r.summary.zh.startsWith('应选 1 名，当选 0 名；空缺 1 名。')).toBe(true);
  });

  it('the same ballots elect the leader on base `present` (need 46)', () => {
    const r = tallyElection({
      seats: 1,
      candidates: ['a', 'b'],
      electorate: { total: 100, present: 90 },
      ballots: { valid: 90, invalid: 0 },
      votes: { a: 50, b: 40 },
      rule: MAJORITY_OF_PRESENT,
    });
    expect(r.elected).toEqual(['a']);
    expect(r.rule.required).toBe(46);
  });
});

describe('election: plaintext ballots: over-marked invalid, blank valid', () => {
  const candidates = ['a', 'b', 'c'];
  const ballots = [
    ['a', 'b'],
    ['a'],
    [],
    ['a', 'b', 'c'], // over-marked: 3 marks for 2 seats
    new Set(['c', 'a']),
    [],
  ];

  it('counts ballots and votes', () => {
    const counted = countElectionBallots(candidates, 2, ballots);
    expect(counted).toEqual({
      ballots: { valid: 5, invalid: 1, blank: 2 },
      votes: { a: 3, b: 1, c: 1 },
      invalidBallots: [{ index: 3, reason: 'over-marked' }],
    });
  });

  it('blank ballots are valid and count in the `cast` base', () => {
    const counted = countElectionBallots(candidates, 2, ballots);
    const r = tallyElection({
      seats: 2,
      candidates,
      electorate: { total: 6, present: 6 },
      ballots: counted.ballots,
      votes: counted.votes,
      rule: MAJORITY_OF_CAST,
    });
    expect(r.ballots).toEqual({ cast: 6, valid: 5, blank: 2, invalid: 1, notVoted: 0 });
    expect(r.rule.baseSize).toBe(5); // blank ballots included
    expect(r.rule.required).toBe(3);
    expect(r.elected).toEqual(['a']);
    expect(r.unfilledSeats).toBe(1);
    expect(r.summary.zh).toContain('有效 5 张（其中空白票 2 张），无效 1 张');
  });

  it('rejects malformed ballots', () => {
    expect(() => countElectionBallots(candidates, 2, [['x']])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CANDIDATE' }),
    );
    expect(() => countElectionBallots(candidates, 2, [['a', 'a']])).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_MARK' }),
    );
    expect(() => countElectionBallots(candidates, 0, [])).toThrow(
      expect.objectContaining({ code: 'INVALID_SEATS' }),
    );
  });
});

describe('election: invalid aggregated input', () => {
  const base: ElectionInput = {
    seats: 2,
    candidates: ['a', 'b', 'c'],
    electorate: { total: 10, present: 10 },
    ballots: { valid: 8, invalid: 1, blank: 1 },
    votes: { a: 5, b: 4, c: 3 },
  };

  it('accepts the base case', () => {
    expect(tallyElection(base).ballots.notVoted).toBe(1);
  });

  it.each<[string, Partial<ElectionInput>, string]>([
    ['more ballots than present', { ballots: { valid: 10, invalid: 1 } }, 'COUNTS_EXCEED_VOTERS'],
    [
      'blank above valid',
      { ballots: { valid: 3, invalid: 0, blank: 4 }, votes: { a: 0, b: 0, c: 0 } },
      'COUNTS_EXCEED_BALLOTS',
    ],
    [
      'a candidate above the marked ballots',
      { votes: { a: 8, b: 4, c: 3 } },
      'COUNTS_EXCEED_BALLOTS',
    ],
    ['more marks than seats allow', { votes: { a: 7, b: 7, c: 1 } }, 'COUNTS_DONT_ADD_UP'],
    ['fewer marks than non-blank ballots', { votes: { a: 3, b: 2, c: 1 } }, 'COUNTS_DONT_ADD_UP'],
    ['an unknown candidate', { votes: { a: 5, b: 4, c: 3, d: 1 } }, 'UNKNOWN_CANDIDATE'],
    ['a missing candidate', { votes: { a: 5, b: 4 } }, 'MISSING_COUNT'],
    ['negative votes', { votes: { a: 5, b: 4, c: -1 } }, 'NEGATIVE_COUNT'],
    ['zero seats', { seats: 0 }, 'INVALID_SEATS'],
    ['fractional seats', { seats: 1.5 }, 'INVALID_SEATS'],
    ['no candidates', { candidates: [], votes: {} }, 'EMPTY_LIST'],
    ['duplicate candidates', { candidates: ['a', 'a', 'b', 'c'] }, 'DUPLICATE_ID'],
    ['an empty id', { candidates: ['a', '', 'c'] }, 'INVALID_ID'],
    ['notVoted that does not add up', { notVoted: 0 }, 'COUNTS_DONT_ADD_UP'],
  ])('%s', (_label, change, code) => {
    expect(() => tallyElection({ ...base, ...change })).toThrow(expect.objectContaining({ code }));
  });

  it('without a blank count, only the upper bounds are checked', () => {
    const r = tallyElection({
      ...base,
      ballots: { valid: 8, invalid: 1 },
      votes: { a: 1, b: 0, c: 0 },
    });
    expect(r.ballots.blank).toBeNull();
  });

  it('treats "__proto__" as an ordinary candidate id', () => {
    const counted = countElectionBallots(['__proto__', 'b'], 1, [
      ['__proto__'],
      ['__proto__'],
      ['b'],
    ]);
    expect(Object.hasOwn(counted.votes, '__proto__')).toBe(true);
    const r = tallyElection({
      seats: 1,
      candidates: ['__proto__', 'b'],
      electorate: { total: 3, present: 3 },
      ballots: counted.ballots,
      votes: counted.votes,
    });
    expect(r.elected).toEqual(['__proto__']);
  });
});

describe('election: zero delegates', () => {
  it('nobody is elected', () => {
    const r = tallyElection({
      seats: 1,
      candidates: ['a'],
      electorate: { total: 0, present: 0 },
      ballots: { valid: 0, invalid: 0 },
      votes: { a: 0 },
    });
    expect(r.elected).toEqual([]);
    expect(r.unfilledSeats).toBe(1);
  });
});

describe('election: properties', () => {
  // Random candidates, seats and plaintext ballots (some over-marked, some blank).
  const scenario = fc
    .record({
      candidateCount: fc.integer({ min: 1, max: 6 }),
      seatsOffset: fc.integer({ min: 0, max: 6 }),
      absent: fc.nat(30),
      notVoting: fc.nat(5),
      ballots: fc.array(fc.array(fc.nat(5), { maxLength: 7 }), { maxLength: 60 }),
      perm: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    })
    .map((s) => {
      const candidates = Array.from({ length: s.candidateCount }, (_, i) => `c${i}`);
      const seats = 1 + (s.seatsOffset % (s.candidateCount + 1));
      const ballots = s.ballots.map((marks) => [
        ...new Set(marks.map((m) => `c${m % s.candidateCount}`)),
      ]);
      const present = ballots.length + s.notVoting;
      // a permutation of the candidates, to check the order does not matter
      const shuffled = candidates
        .map((c, i) => ({ c, key: s.perm[i] ?? 0 }))
        .sort((x, y) => x.key - y.key)
        .map((x) => x.c);
      return {
        candidates,
        shuffled,
        seats,
        ballots,
        electorate: { total: present + s.absent, present },
      };
    });

  it('seats add up, elected beat everybody else, run-offs are real ties', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(undefined, MAJORITY_OF_CAST, MAJORITY_OF_PRESENT),
        (s, rule) => {
          const counted = countElectionBallots(s.candidates, s.seats, s.ballots);
          expect(counted.ballots.valid + counted.ballots.invalid).toBe(s.ballots.length);
          const r = tallyElection({
            seats: s.seats,
            candidates: s.candidates,
            electorate: s.electorate,
            ballots: counted.ballots,
            votes: counted.votes,
            ...(rule ? { rule } : {}),
          });
          expect(r.elected.length + r.unfilledSeats).toBe(s.seats);
          expect(r.unfilledSeats).toBe((r.runoff?.seats ?? 0) + r.seatsWithoutQualifiedCandidate);
          const votes = (id: string) => counted.votes[id] as number;
          for (const e of r.elected) {
            expect(votes(e)).toBeGreaterThanOrEqual(r.rule.required);
            for (const c of s.candidates)
              if (!r.elected.includes(c)) expect(votes(e)).toBeGreaterThan(votes(c));
          }
          if (r.runoff) {
            expect(r.runoff.candidates.length).toBeGreaterThan(r.runoff.seats);
            for (const c of r.runoff.candidates) expect(votes(c)).toBe(r.runoff.votes);
            expect(r.runoff.votes).toBeGreaterThanOrEqual(r.rule.required);
          }
          // ranking: sorted by votes, equal votes keep the input order
          for (let i = 1; i < r.candidates.length; i++) {
            const prev = r.candidates[i - 1]!;
            const cur = r.candidates[i]!;
            expect(prev.votes).toBeGreaterThanOrEqual(cur.votes);
            if (prev.votes === cur.votes) {
              expect(s.candidates.indexOf(prev.id)).toBeLessThan(s.candidates.indexOf(cur.id));
              expect(prev.rank).toBe(cur.rank);
            }
          }
        },
      ),
    );
  });

  it('the candidates order never changes the outcome', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const counted = countElectionBallots(s.candidates, s.seats, s.ballots);
        const run = (candidates: string[]) =>
          tallyElection({
            seats: s.seats,
            candidates,
            electorate: s.electorate,
            ballots: counted.ballots,
            votes: counted.votes,
          });
        const a = run(s.candidates);
        const b = run(s.shuffled);
        expect(new Set(b.elected)).toEqual(new Set(a.elected));
        expect(new Set(b.runoff?.candidates ?? [])).toEqual(new Set(a.runoff?.candidates ?? []));
        expect(b.unfilledSeats).toBe(a.unfilledSeats);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
    );
  });
});
