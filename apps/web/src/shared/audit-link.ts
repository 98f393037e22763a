/**
 * The link from the tablet's audit screen to the board's audit page: the audit itself travels in
 * the URL's fragment (`#audit=…`, base64url of its JSON), which the browser never sends to the
 * server; the tracker code the tablet showed goes in `?code=` for the page to compare.
 */
export const AUDIT_PATH = '/board/audit';

export function auditLink(json: string, shownCode: string): string {
  const b64 = btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${AUDIT_PATH}?code=${encodeURIComponent(shownCode)}#audit=${b64}`;
}

/** The audit JSON carried by a link's fragment, or '' when there is none (or it is damaged). */
export function auditFromHash(hash: string): string {
  const m = /^#audit=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return '';
  try {
    return atob(m[1]!.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return '';
  }
}
