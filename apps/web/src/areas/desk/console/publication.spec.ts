import { describe, expect, it } from '@jest/globals';
import { overduePublication, publicationDays } from './publication.js';

const session = (over: object = {}) => ({
  startsAt: '2026-12-05T01:00:00Z',
  status: 'closed',
  effectiveSettings: { publication: { withinDays: 3, keepDays: 15 } },
  finalised: false,
  ...over,
});

describe('publication warning', () => {
  it('takes the days from the settings, 3 by default', () => {
    expect(publicationDays({ publication: { withinDays: 7 } })).toBe(7);
    expect(publicationDays({})).toBe(3);
    expect(publicationDays(null)).toBe(3);
  });

  it('warns once the days after the session passed without finalised minutes', () => {
    expect(overduePublication(session(), new Date('2026-12-08T00:59:00Z'))).toBeNull();
    expect(overduePublication(session(), new Date('2026-12-08T01:01:00Z'))).toBe(1);
    expect(overduePublication(session(), new Date('2026-12-12T02:00:00Z'))).toBe(4);
  });

  it('is quiet once published, and for sessions not yet over', () => {
    const late = new Date('2026-12-20T00:00:00Z');
    expect(overduePublication(session({ finalised: true }), late)).toBeNull();
    expect(overduePublication(session({ status: 'in_session' }), late)).toBeNull();
    expect(overduePublication(session({ status: 'archived' }), late)).not.toBeNull();
  });

  it('follows a congress that set a longer period', () => {
    const s = session({ effectiveSettings: { publication: { withinDays: 7 } } });
    expect(overduePublication(s, new Date('2026-12-10T00:00:00Z'))).toBeNull();
    expect(overduePublication(s, new Date('2026-12-13T00:00:00Z'))).toBe(1);
  });
});
