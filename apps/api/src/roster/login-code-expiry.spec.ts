import { describe, expect, it } from '@jest/globals';
import { codeExpiry, FALLBACK_HOURS, nextSession, sessionEnd } from './login-code-expiry.js';

const at = (iso: string) => new Date(iso);
// Printed when the agenda is circulated: 2026-11-28 10:00 in Beijing.
const now = at('2026-11-28T02:00:00Z');
const dec5 = { id: 's-dec5', startsAt: at('2026-12-05T01:00:00Z') }; // 09:00 Beijing
const jan20 = { id: 's-jan20', startsAt: at('2027-01-20T01:00:00Z') };
const nov20 = { id: 's-nov20', startsAt: at('2026-11-20T01:00:00Z') };

describe('log-in code lifetime', () => {
  it("lasts to the end of the session's day in Beijing, so a sheet printed 7 days ahead works on the day", () => {
    const e = codeExpiry({ now, session: dec5 });
    expect(e).toEqual({
      expiresAt: at('2026-12-05T15:59:59.999Z'),
      basis: 'session',
      sessionId: 's-dec5',
    });
    expect(sessionEnd(dec5).toISOString()).toBe('2026-12-05T15:59:59.999Z');
  });

  it('a session starting late in the evening still ends with its Beijing day', () => {
    const late = { id: 'late', startsAt: at('2026-12-05T14:30:00Z') }; // 22:30 Beijing
    expect(codeExpiry({ now, session: late }).expiresAt.toISOString()).toBe(
      '2026-12-05T15:59:59.999Z',
    );
  });

  it("without a session, takes the term's next session whose day has not ended", () => {
    expect(codeExpiry({ now, upcoming: [jan20, nov20, dec5] })).toMatchObject({
      basis: 'session',
      sessionId: 's-dec5',
    });
    // On the session's own day it is still the next one.
    expect(nextSession([dec5], at('2026-12-05T15:00:00Z'))?.id).toBe('s-dec5');
    expect(nextSession([dec5], at('2026-12-05T16:00:00Z'))).toBeNull();
  });

  it(`falls back to ${FALLBACK_HOURS} hours when the term has no session ahead`, () => {
    expect(codeExpiry({ now, upcoming: [nov20] })).toEqual({
      expiresAt: at('2026-12-01T02:00:00Z'),
      basis: 'hours',
      sessionId: null,
    });
    expect(codeExpiry({ now })).toMatchObject({ basis: 'hours', sessionId: null });
  });

  it('takes explicit hours over any session, and still says which session the codes are for', () => {
    expect(codeExpiry({ now, validHours: 2, session: dec5 })).toEqual({
      expiresAt: at('2026-11-28T04:00:00Z'),
      basis: 'hours',
      sessionId: 's-dec5',
    });
  });
});
