import { describe, expect, it } from '@jest/globals';
import { currentSession, type SessionInfo } from './current-session.js';

const s = (id: string, status: SessionInfo['status'], startsAt: string) =>
  ({ id, status, startsAt }) as SessionInfo;
const now = new Date('2026-12-01T00:00:00Z');

describe('the session a tablet shows', () => {
  it('is the one in session, whatever else there is', () => {
    const list = [
      s('a', 'circulated', '2026-12-02T01:00:00Z'),
      s('b', 'in_session', '2026-11-01T01:00:00Z'),
    ];
    expect(currentSession(list, now)?.id).toBe('b');
  });

  it('else the circulated or prepared one nearest in time, never a draft', () => {
    const list = [
      s('draft', 'draft', '2026-12-01T01:00:00Z'),
      s('far', 'preparing', '2027-03-01T01:00:00Z'),
      s('near', 'circulated', '2026-12-05T01:00:00Z'),
    ];
    expect(currentSession(list, now)?.id).toBe('near');
  });

  it('else the latest session held, or none', () => {
    const list = [
      s('old', 'archived', '2025-12-05T01:00:00Z'),
      s('last', 'closed', '2026-06-05T01:00:00Z'),
    ];
    expect(currentSession(list, now)?.id).toBe('last');
    expect(currentSession([s('d', 'draft', '2026-12-05T01:00:00Z')], now)).toBeNull();
  });
});
