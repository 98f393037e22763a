import type { RecordResponse } from './dto/openness.responses.js';
import { MeasureStatus, OpinionKind } from './openness.enums.js';

/** A published item's record form, for the specs of the XLSX, the PDF and the summary. */
export const record: RecordResponse = {
  itemId: 'i1',
  what: '10月业务招待费',
  categoryLabel: '财务收支（业务费、办公费、车辆费）',
  when: '2026-11-20 至 2026-12-04',
  publishedAt: '2026-11-20T02:00:00.000Z',
  where: '某某机械有限公司（公司）· 公开栏',
  levelLabel: '公司',
  toWhom: '全体职工',
  departmentName: '财务部',
  responsiblePerson: '李明',
  reviewedAt: null,
  contentSha256: 'ab'.repeat(32),
  commentCount: 2,
  ratings: { satisfied: 3, basically_satisfied: 1, unsatisfied: 0 },
  questions: [
    {
      id: 'o1',
      kind: OpinionKind.Question,
      kindLabel: '提问',
      body: '为什么这么多？',
      rating: null,
      anonymous: true,
      authorName: null,
      receivedOn: '2026-11-21',
      answer: '含年度客户来访。',
      answeredAt: '2026-11-22T02:00:00.000Z',
    },
  ],
  measures: [],
  statusLabel: '公开中',
  outcome: '=HYPERLINK("http://x")',
};

/** An item with its measures: one done, one overdue; and an unanswered question. */
export const rectified: RecordResponse = {
  ...record,
  itemId: 'i2',
  what: '夜班补贴标准调整',
  categoryLabel: '职工切身利益（考勤、加班、夜班）',
  where: '一车间（车间）· 公开栏',
  levelLabel: '车间',
  toWhom: '一车间职工',
  questions: [
    { ...record.questions[0]!, id: 'o2', body: '何时执行？', answer: null, answeredAt: null },
  ],
  measures: [
    {
      id: 'm1',
      opinionId: null,
      description: '补发十月夜班补贴',
      ownerName: '王芳',
      departmentName: '人力资源部',
      dueOn: '2026-11-30',
      status: MeasureStatus.Done,
      overdue: false,
      result: '已于11月28日补发',
      doneAt: '2026-11-28T02:00:00.000Z',
    },
    {
      id: 'm2',
      opinionId: null,
      description: '修订考勤制度',
      ownerName: '赵强',
      departmentName: '人力资源部',
      dueOn: '2026-11-25',
      status: MeasureStatus.Open,
      overdue: true,
      result: null,
      doneAt: null,
    },
  ],
  statusLabel: '整改中',
  outcome: null,
};
