import { describe, expect, it } from '@jest/globals';
import { resultBars } from './result-bars.js';

describe('resultBars', () => {
  it('draws one bar per option of a motion or candidate of an election', () => {
    expect(resultBars([{ title: '表决', entries: ['赞成', '反对', '弃权'] }], [[4, 1, 0]])).toEqual(
      {
        categories: ['赞成', '反对', '弃权'],
        series: [{ name: '表决', data: [4, 1, 0] }],
      },
    );
  });

  it('groups an evaluation by person, one bar per grade', () => {
    const grades = ['满意', '基本满意', '不满意'];
    expect(
      resultBars(
        [
          { title: '赵总', entries: grades },
          { title: '钱总', entries: grades },
        ],
        [
          [3, 1, 1],
          [2, 2, 1],
        ],
      ),
    ).toEqual({
      categories: ['赵总', '钱总'],
      series: [
        { name: '满意', data: [3, 2] },
        { name: '基本满意', data: [1, 2] },
        { name: '不满意', data: [1, 1] },
      ],
    });
  });
});
