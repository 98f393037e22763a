/** What the projector needs of a working-agenda item (GET /api/sessions/:id/agenda/items). */
export interface AgendaLine {
  id: string;
  position: number;
  title: string;
  kindLabel: string;
  /** The item's vote specification: null for items that are not put to a vote (reports). */
  vote: unknown;
}

/**
 * The agenda item under way between polls: the first item, in agenda order, that is put to a vote
 * and has had no poll yet — the rule of the presidium's screen (`nextItemId` of
 * GET /api/sessions/:id/presidium-view, release.service.ts), computed here from what the hall
 * may read: the working agenda and the polls of the session's room. Null when every votable item
 * has had its poll.
 */
export function nextVotedItem(
  items: readonly AgendaLine[],
  polledItemIds: Iterable<string>,
): AgendaLine | null {
  const polled = new Set(polledItemIds);
  return (
    [...items]
      .sort((a, b) => a.position - b.position)
      .find((i) => i.vote !== null && !polled.has(i.id)) ?? null
  );
}
