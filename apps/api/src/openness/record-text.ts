import type { RecordResponse } from './dto/openness.responses.js';

/** How a record form's parts read as text: the same words in the XLSX, the PDF and the summary. */
export const ratingText = (r: RecordResponse['ratings']): string =>
  `满意 ${r.satisfied} · 基本满意 ${r.basically_satisfied} · 不满意 ${r.unsatisfied}`;

export const questionText = (q: RecordResponse['questions'][number]): string =>
  `问：${q.body ?? ''}\n答：${q.answer ?? '（未答复）'}`;

export const measureText = (m: RecordResponse['measures'][number]): string =>
  `${m.description}（${m.ownerName}，${m.dueOn} 前）：` +
  (m.status === 'done' ? `已完成，${m.result ?? ''}` : m.overdue ? '逾期未完成' : '进行中');
