import type { MinutesDocument } from '@libs/minutes/src/index.js';
import type { components } from '../../../../api/schema.js';

export type Minutes = components['schemas']['MinutesResponse'];
export type SaveBody = components['schemas']['SaveDraftDto'];

/** The secretary's text as the form edits it: one entry per agenda item, in agenda order. */
export interface EditForm {
  reference: string;
  items: {
    itemId: string;
    discussion: string;
    groupOpinions: { group: string; text: string }[];
  }[];
  resolutions: { number: string; title: string; text: string; itemId: string | null }[];
  narrative: { heading: string; text: string }[];
  /** Kept as saved (no form for them yet). */
  agendaChanges: SaveBody['agendaChanges'];
  incidents: SaveBody['incidents'];
}

/** The form from the last saved text and the agenda the record gives. */
export function formOf(m: Minutes): EditForm {
  const saved = m.edits as unknown as SaveBody;
  const doc = m.document as MinutesDocument | null;
  const byItem = new Map((saved.items ?? []).map((i) => [i.itemId, i]));
  return {
    reference: saved.reference ?? '',
    items: (doc?.agenda ?? []).map((a) => ({
      itemId: a.id,
      discussion: byItem.get(a.id)?.discussion ?? '',
      groupOpinions: (byItem.get(a.id)?.groupOpinions ?? []).map((g) => ({ ...g })),
    })),
    resolutions: (saved.resolutions ?? []).map((r) => ({ ...r, itemId: r.itemId ?? null })),
    narrative: (saved.narrative ?? []).map((s) => ({ ...s })),
    agendaChanges: saved.agendaChanges ?? [],
    incidents: saved.incidents ?? [],
  };
}

const filled = (...texts: string[]) => texts.some((t) => t.trim() !== '');

/** The body of PUT …/draft: rows left wholly empty are dropped, the rest sent as typed. */
export function bodyOf(f: EditForm): SaveBody {
  return {
    reference: f.reference.trim() || null,
    items: f.items.map((i) => ({
      itemId: i.itemId,
      discussion: i.discussion,
      groupOpinions: i.groupOpinions.filter((g) => filled(g.group, g.text)),
    })),
    resolutions: f.resolutions.filter((r) => filled(r.number, r.title, r.text)),
    narrative: f.narrative.filter((s) => filled(s.heading, s.text)),
    agendaChanges: f.agendaChanges,
    incidents: f.incidents,
  };
}
