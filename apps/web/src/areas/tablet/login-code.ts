import type { LocationQuery } from 'vue-router';

/**
 * A code as the printed sheet shows it, `K7QF-2M9X`: upper case, grouped in fours. The server
 * forgives case, dashes, spaces and look-alike letters, so this only tidies what the link or the
 * delegate gave for display.
 */
export function groupLoginCode(input: string): string {
  const bare = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 16);
  return bare.replace(/(.{4})(?=.)/g, '$1-');
}

/** What the sheet's QR link fills in: `/t/login?u=<username>&code=<code>`. */
export function loginPrefill(query: LocationQuery): { username: string; code: string } {
  const first = (v: LocationQuery[string]) => (Array.isArray(v) ? v[0] : v) ?? '';
  return {
    username: first(query.u).trim().slice(0, 64),
    code: groupLoginCode(first(query.code)),
  };
}
