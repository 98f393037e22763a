import { describe, expect, it } from '@jest/globals';
import {
  DATE_RULES,
  needsConfirmation,
  OPENING_TOLERANCE_DAYS,
  openingFindings,
  refusals,
  sessionDateFindings,
  termDateFindings,
  warnings,
} from './date-rules.js';
import { SessionStatus } from './session-status.js';

const at = (iso: string) => new Date(iso);
const term = { startsOn: '2026-01-01', endsOn: '2030-12-31' };
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('date rules: the table', () => {
  it('says for every rule what a breach does, in Chinese, with a source', () => {
    for (const rule of Object.values(DATE_RULES)) {
      expect(['refuse', 'confirm', 'warn']).toContain(rule.outcome);
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.source.length).toBeGreaterThan(0);
    }
    expect(OPENING_TOLERANCE_DAYS).toBe(1);
  });
});

describe('term dates', () => {
  it('refuses an end on or before the start', () => {
    for (const endsOn of ['2025-12-31', '2026-01-01']) {
      const found = termDateFindings('2026-01-01', endsOn);
      expect(refusals(found)).toHaveLength(1);
      expect(found[0]).toMatchObject({ rule: 'term_ends_after_start', field: 'endsOn' });
      expect(found[0]!.message).toContain(endsOn);
    }
  });

  it('warns about a term shorter than three or longer than five years, at the edges', () => {
    expect(termDateFindings('2026-01-01', '2030-12-31')).toEqual([]);
    expect(termDateFindings('2026-01-01', '2028-12-31')).toEqual([]); // exactly three years
    expect(termDateFindings('2026-01-01', '2031-01-01')).toEqual([]); // to the fifth anniversary
    const short = termDateFindings('2026-01-01', '2028-12-30');
    expect(rules(warnings(short))).toEqual(['term_length']);
    expect(rules(termDateFindings('2026-01-01', '2031-01-02'))).toEqual(['term_length']);
    expect(rules(termDateFindings('2026-01-01', '2027-01-01'))).toEqual(['term_length']);
    // A term starting on 02-29 ends its third year on 02-28 (a year without 02-29).
    expect(termDateFindings('2028-02-29', '2031-02-27')).toEqual([]);
  });
});

describe('session dates', () => {
  const now = at('2026-12-02T03:00:00Z'); // 2026-12-02 11:00 in Beijing

  it('warns when a session not yet opened has a date before today (Beijing days)', () => {
    const past = { startsAt: at('2026-11-20T01:00:00Z'), status: SessionStatus.Draft };
    const found = sessionDateFindings(past, term, now);
    expect(rules(found)).toEqual(['session_in_past']);
    expect(found[0]!.outcome).toBe('warn');
    expect(found[0]!.message).toContain('2026-11-20');
    // Earlier today (Beijing) is not the past; 2026-12-01 23:30 Beijing is.
    expect(
      sessionDateFindings({ ...past, startsAt: at('2026-12-01T16:30:00Z') }, term, now),
    ).toEqual([]);
    expect(
      rules(sessionDateFindings({ ...past, startsAt: at('2026-12-01T15:30:00Z') }, term, now)),
    ).toEqual(['session_in_past']);
  });

  it('does not call a session that was held "in the past"', () => {
    for (const status of [SessionStatus.InSession, SessionStatus.Closed, SessionStatus.Archived]) {
      expect(
        sessionDateFindings({ startsAt: at('2026-11-20T01:00:00Z'), status }, term, now),
      ).toEqual([]);
    }
  });

  it("warns when a session's day is outside its term's dates, inclusive at both ends", () => {
    const s = (iso: string) => ({ startsAt: at(iso), status: SessionStatus.Closed });
    expect(sessionDateFindings(s('2025-12-31T16:00:00Z'), term, now)).toEqual([]); // 01-01 Beijing
    expect(sessionDateFindings(s('2030-12-31T15:59:00Z'), term, now)).toEqual([]); // 12-31 Beijing
    expect(rules(sessionDateFindings(s('2025-12-31T15:59:00Z'), term, now))).toEqual([
      'session_within_term',
    ]);
    expect(rules(sessionDateFindings(s('2030-12-31T16:00:00Z'), term, now))).toEqual([
      'session_within_term',
    ]);
  });
});

describe('opening a session', () => {
  const session = at('2026-12-05T01:00:00Z'); // 2026-12-05 09:00 in Beijing

  it('needs no confirmation from the day before to the day after the session date', () => {
    for (const now of ['2026-12-03T16:00:00Z', '2026-12-05T00:00:00Z', '2026-12-06T15:59:00Z']) {
      expect(openingFindings(session, at(now))).toEqual([]);
    }
  });

  it('needs a confirmation with a reason further away, saying how far', () => {
    const early = openingFindings(session, at('2026-11-25T02:00:00Z'));
    expect(needsConfirmation(early)).toHaveLength(1);
    expect(early[0]).toMatchObject({ rule: 'opening_on_session_day', field: 'reason' });
    expect(early[0]!.message).toContain('提前 10 天');
    expect(openingFindings(session, at('2026-12-03T15:59:00Z'))[0]!.message).toContain('提前 2 天');
    expect(openingFindings(session, at('2026-12-06T16:00:00Z'))[0]!.message).toContain('推迟 2 天');
  });
});
