import type { components } from '../../../../api/schema.js';

type Item = components['schemas']['AgendaItemResponse'];
export type Kind = Item['kind'];

export const KINDS: { value: Kind; label: string; voted: boolean }[] = [
  { value: 'report', label: '报告', voted: false },
  { value: 'deliberate', label: '审议建议', voted: false },
  { value: 'approve', label: '审议通过', voted: true },
  { value: 'decide', label: '审议决定', voted: true },
  { value: 'evaluate', label: '民主评议', voted: true },
  { value: 'elect', label: '民主选举', voted: true },
];

/** The item form: the vote spec as text lines (one name per line), as staff type it. */
export interface ItemForm {
  kind: Kind;
  title: string;
  description: string;
  presenter: string;
  options: string;
  seats: number;
  candidates: string;
  persons: string;
  scale: 'satisfaction' | 'competence';
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function formOf(item?: Item): ItemForm {
  const v = (item?.vote ?? {}) as {
    options?: string[];
    seats?: number;
    candidates?: { name: string }[];
    persons?: { name: string }[];
    scale?: 'satisfaction' | 'competence';
  };
  return {
    kind: item?.kind ?? 'approve',
    title: item?.title ?? '',
    description: item?.description ?? '',
    presenter: item?.presenter ?? '',
    options: (v.options ?? []).join('\n'),
    seats: v.seats ?? 1,
    candidates: (v.candidates ?? []).map((c) => c.name).join('\n'),
    persons: (v.persons ?? []).map((p) => p.name).join('\n'),
    scale: v.scale ?? 'satisfaction',
  };
}

/** The body the api takes: only the vote fields the kind uses. */
export function bodyOf(f: ItemForm) {
  const vote =
    f.kind === 'elect'
      ? { seats: f.seats, candidates: lines(f.candidates).map((name) => ({ name })) }
      : f.kind === 'evaluate'
        ? { scale: f.scale, persons: lines(f.persons).map((name) => ({ name })) }
        : (f.kind === 'approve' || f.kind === 'decide') && lines(f.options).length
          ? { options: lines(f.options) }
          : undefined;
  return {
    kind: f.kind,
    title: f.title,
    description: f.description || undefined,
    presenter: f.presenter || undefined,
    ...(vote ? { vote } : {}),
  };
}

/** One line describing how an item is voted. */
export function voteText(item: Item): string {
  const v = (item.vote ?? {}) as {
    options?: string[];
    seats?: number;
    candidates?: { name: string }[];
    persons?: { name: string }[];
    scale?: string;
  };
  switch (item.kind) {
    case 'elect':
      return `选举 ${v.seats ?? '?'} 名，候选人 ${v.candidates?.length ?? 0} 名（${(v.candidates ?? []).map((c) => c.name).join('、')}）`;
    case 'evaluate':
      return `评议 ${v.persons?.length ?? 0} 人，${v.scale === 'competence' ? '优秀/称职/基本称职/不称职' : '满意/基本满意/不满意'}`;
    case 'approve':
    case 'decide':
      return `表决：${(v.options ?? ['赞成', '反对', '弃权']).join('/')}`;
    default:
      return '不表决';
  }
}
