import type { Counts, Tally } from '@libs/minutes/src/index.js';

/** One tally's counts in a line, as the minutes read them. */
export function countsText(c: Counts): string {
  if (c.kind === 'motion')
    return `赞成 ${c.for} 票，反对 ${c.against} 票，弃权 ${c.abstain} 票，无效 ${c.invalid} 票，未投 ${c.notVoted} 人`;
  if (c.kind === 'election')
    return `${c.candidates.map((x) => `${x.name} ${x.votes} 票`).join('，')}；有效 ${c.valid} 票，无效 ${c.invalid} 票`;
  return `${c.persons.map((p) => `${p.name}：${p.approval ?? '无人评议'}`).join('；')}；有效 ${c.valid} 票`;
}

/** How the vote was taken, with the custodian warning where it applies. */
export function methodText(t: Tally): string {
  if (!t.method.secret) return '记名表决';
  return t.method.custodianWarning
    ? `无记名投票（托管密钥，${t.method.custodianWarning}）`
    : '无记名投票';
}
