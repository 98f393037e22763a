import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { countItemBallots, tallyItemByItem, type ItemBallot } from './item-by-item.js';
import type { MotionChoice } from './motion.js';
import { MAJORITY_OF_PRESENT, TWO_THIRDS_OF_ALL } from './rules.js';

const electorate = { total: 100, present: 90 };

describe('item-by-item: each item decided on its own', () => {
  const r = tallyItemByItem({
    title: '集体合同草案分项表决',
    electorate,
    ballotsCast: 88,
    items: [
      { id: 'wages', title: '工资调整', counts: { for: 70, against: 10, abstain: 6, invalid: 2 } },
      { id: 'hours', title: '工作时间', counts: { for: 50, against: 30, abstain: 6, invalid: 2 } },
      { id: 'leave', title: '休假', counts: { for: 51, against: 30, abstain: 5, invalid: 2 } },
    ],
  });

  it('returns one motion result per item, in order', () => {
    expect(r.items.map((i) => [i.id, i.title, i.passed, i.rule.required])).toEqual([
      ['wages', '工资调整', true, 51],
      ['hours', '工作时间', false, 51],
      ['leave', '休假', true, 51],
    ]);
    expect(r.passed).toEqual(['wages', 'leave']);
    expect(r.failed).toEqual(['hours']);
    expect(r.allPassed).toBe(false);
    expect(r.items[1]?.counts.notVoted).toBe(2);
    expect(r.electorate).toEqual({ total: 100, present: 90, absent: 10 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('item-by-item: a rule per poll and per item', () => {
  it('an item may need two thirds while the rest need a majority of those present', () => {
    const r = tallyItemByItem({
      electorate,
      rule: MAJORITY_OF_PRESENT,
      items: [
        { id: 'a', counts: { for: 46, against: 40, abstain: 0, invalid: 0 } },
        {
          id: 'b',
          counts: { for: 66, against: 20, abstain: 0, invalid: 0 },
          rule: TWO_THIRDS_OF_ALL,
        },
      ],
    });
    expect(r.items[0]?.passed).toBe(true);
    expect(r.items[0]?.rule.required).toBe(46);
    expect(r.items[1]?.passed).toBe(false);
    expect(r.items[1]?.rule.required).toBe(67);
    expect(r.ballotsCast).toBeNull();
  });
});

describe('item-by-item: invalid input', () => {
  it('each item must carry every ballot paper when ballotsCast is given', () => {
    expect(() =>
      tallyItemByItem({
        electorate,
        ballotsCast: 88,
        items: [{ id: 'a', counts: { for: 70, against: 10, abstain: 0, invalid: 0 } }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'COUNTS_DONT_ADD_UP',
        details: expect.objectContaining({ item: 'a' }),
      }),
    );
  });

  it('names the item whose counts exceed the voters', () => {
    expect(() =>
      tallyItemByItem({
        electorate,
        items: [{ id: 'a', counts: { for: 91, against: 0, abstain: 0, invalid: 0 } }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'COUNTS_EXCEED_VOTERS',
        details: expect.objectContaining({ item: 'a' }),
      }),
    );
  });

  it.each([
    [{ electorate, items: [] }, 'EMPTY_LIST'],
    [
      {
        electorate,
        items: [
          { id: 'a', counts: { for: 1, against: 0, abstain: 0, invalid: 0 } },
          { id: 'a', counts: { for: 1, against: 0, abstain: 0, invalid: 0 } },
        ],
      },
      'DUPLICATE_ID',
    ],
    [
      {
        electorate,
        ballotsCast: 91,
        items: [{ id: 'a', counts: { for: 1, against: 0, abstain: 0, invalid: 0 } }],
      },
      'COUNTS_EXCEED_VOTERS',
    ],
  ])('%#: %s', (input, code) => {
    expect(() => tallyItemByItem(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('item-by-item: plaintext ballots', () => {
  it('counts per item; a null paper is invalid on every item', () => {
    const counted = countItemBallots(
      ['a', 'b'],
      [{ a: 'for', b: 'against' }, { a: 'for', b: 'abstain' }, null],
    );
    expect(counted).toEqual({
      ballotsCast: 3,
      items: [
        { id: 'a', counts: { for: 2, against: 0, abstain: 0, invalid: 1 } },
        { id: 'b', counts: { for: 0, against: 1, abstain: 1, invalid: 1 } },
      ],
    });
  });

  it('rejects missing, unknown and bad choices', () => {
    expect(() => countItemBallots(['a', 'b'], [{ a: 'for' }])).toThrow(
      expect.objectContaining({ code: 'MISSING_COUNT' }),
    );
    expect(() => countItemBallots(['a'], [{ a: 'for', c: 'for' }])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ID' }),
    );
    expect(() => countItemBallots(['a'], [{ a: 'yes' as MotionChoice }])).toThrow(
      expect.objectContaining({ code: 'INVALID_CHOICE' }),
    );
  });

  it('the items are independent: each equals a motion tallied alone', () => {
    const choice = fc.constantFrom<MotionChoice>('for', 'against', 'abstain', 'invalid');
    const paper = fc.option(fc.record({ x: choice, y: choice, z: choice }), {
      nil: null,
      freq: 10,
    });
    fc.assert(
      fc.property(fc.array(paper, { maxLength: 80 }), fc.nat(20), (papers: ItemBallot[], spare) => {
        const counted = countItemBallots(['x', 'y', 'z'], papers);
        const e = { total: papers.length + spare, present: papers.length };
        const r = tallyItemByItem({
          electorate: e,
          ballotsCast: counted.ballotsCast,
          items: counted.items,
        });
        for (const item of r.items) {
          const c = item.counts;
          expect(c.for + c.against + c.abstain + c.invalid).toBe(papers.length);
          expect(item.passed).toBe(c.for * 2 > e.total);
        }
        expect(r.passed.length + r.failed.length).toBe(3);
      }),
    );
  });
});
