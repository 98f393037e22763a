import type { components } from '../../../api/schema.js';

type Category = components['schemas']['CreateProposalDto']['category'];
type Rating = components['schemas']['RateDto']['rating'];

/**
 * The choices a delegate picks from, worded as the server labels them in its answers
 * (`categoryLabel`, `ratingLabel`); the server has no route listing them.
 */
export const CATEGORIES: { value: Category; label: string }[] = [
  { value: 'production', label: '生产经营' },
  { value: 'wages', label: '工资福利' },
  { value: 'safety', label: '劳动保护与安全生产' },
  { value: 'welfare', label: '生活后勤' },
  { value: 'training', label: '教育培训' },
  { value: 'democracy', label: '民主管理' },
  { value: 'other', label: '其他' },
];

export const RATINGS: { value: Rating; label: string }[] = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];
