/**
 * What the secretary writes into the minutes (everything else is assembled from the record):
 * stored as one version per save in minutes_drafts, merged into the document by the assembler.
 */
export interface DraftEdits {
  /** 文号; the assembler proposes one until the secretary sets it. */
  reference: string | null;
  /** Per agenda item: the discussion summary and delegation groups' opinions. */
  items: { itemId: string; discussion: string; groupOpinions: { group: string; text: string }[] }[];
  resolutions: { number: string; title: string; text: string; itemId: string | null }[];
  narrative: { heading: string; text: string }[];
  agendaChanges: { at: string; description: string; reason: string; approvedBy: string | null }[];
  incidents: { at: string; kind: string; description: string; approvedBy: string | null }[];
}

export const EMPTY_EDITS: DraftEdits = {
  reference: null,
  items: [],
  resolutions: [],
  narrative: [],
  agendaChanges: [],
  incidents: [],
};
