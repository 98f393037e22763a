import { describe, expect, it } from '@jest/globals';
import { resultPies } from './result-pie.js';

// GB 50799 §6.2: a conference voting system shows results as bars, pie and figures.
describe('resultPies', () => {
  it('draws a motion as one pie of its options, leaving out an option with no vote', () => {
    expect(resultPies([{ title: '表决', entries: ['赞成', '反对', '弃权'] }], [[4, 1, 0]])).toEqual(
      [
        {
          name: '表决',
          slices: [
            { name: '赞成', value: 4 },
            { name: '反对', value: 1 },
          ],
          center: ['50%', '55%'],
          radius: '60%',
        },
      ],
    );
  });

  it('draws an evaluation as one pie per person, side by side, then on a second row', () => {
    const grades = ['满意', '基本满意', '不满意'];
    const people = ['赵总', '钱总', '孙总', '李总', '周总'].map((title) => ({
      title,
      entries: grades,
    }));
    const pies = resultPies(
      people,
      people.map(() => [3, 1, 1]),
    );
    expect(pies.map((p) => p.name)).toEqual(['赵总', '钱总', '孙总', '李总', '周总']);
    expect(pies.map((p) => p.center)).toEqual([
      ['13%', '28%'],
      ['38%', '28%'],
      ['63%', '28%'],
      ['88%', '28%'],
      ['13%', '78%'],
    ]);
    expect(pies[0]!.radius).toBe('15%');
  });

  it('gives a poll with no counted ballot an empty pie', () => {
    expect(resultPies([{ title: '表决', entries: ['赞成', '反对'] }], [])[0]!.slices).toEqual([]);
  });
});
