export const PROPOSAL_CATEGORIES = [
  { value: 'production', label: '生产经营' },
  { value: 'wages', label: '工资福利' },
  { value: 'safety', label: '劳动保护与安全生产' },
  { value: 'welfare', label: '生活后勤' },
  { value: 'training', label: '教育培训' },
  { value: 'democracy', label: '民主管理' },
  { value: 'other', label: '其他' },
] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number]['value'];

/** The committee's queue first: submitted proposals wait for review. */
export const STATUS_FILTERS = [
  { value: 'submitted', label: '待审查' },
  { value: 'in_handling', label: '办理中' },
  { value: 'answered', label: '已答复' },
  { value: 'sent_back', label: '退回重办' },
  { value: 'closed', label: '已办结' },
  { value: '', label: '全部' },
] as const;
