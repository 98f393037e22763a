/**
 * 厂务公开 of a session's decisions: the board shows its results once tallied and its
 * resolutions once the minutes are finalised. The rule (the congress's setting
 * `publication.withinDays`, 3 days by default after Shandong's 厂务公开条例) asks for them within
 * that many days after the session; past that, the console warns the staff.
 */
export const DEFAULT_PUBLICATION_DAYS = 3;
const DAY = 86_400_000;

export interface PublicationFacts {
  startsAt: string;
  status: string;
  /** The session's effective settings as the api gives them. */
  effectiveSettings: unknown;
  /** Whether any minutes of the session are finalised (their resolutions are then on the board). */
  finalised: boolean;
}

export function publicationDays(settings: unknown): number {
  const days = (settings as { publication?: { withinDays?: unknown } } | null)?.publication
    ?.withinDays;
  return typeof days === 'number' && days >= 0 ? days : DEFAULT_PUBLICATION_DAYS;
}

/** Days past the deadline (≥ 1) when the resolutions are still unpublished, else null. */
export function overduePublication(s: PublicationFacts, now: Date): number | null {
  if (s.finalised || (s.status !== 'closed' && s.status !== 'archived')) return null;
  const deadline = Date.parse(s.startsAt) + publicationDays(s.effectiveSettings) * DAY;
  const late = Math.floor((now.getTime() - deadline) / DAY);
  return now.getTime() > deadline ? Math.max(1, late) : null;
}
