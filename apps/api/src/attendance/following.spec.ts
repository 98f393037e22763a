import { describe, expect, it } from '@jest/globals';
import type { AuthContext } from '../auth/auth-context.js';
import { DelegateStatus, RosterKind } from '../roster/roster.enums.js';
import { mayFollow, mayWatch } from './following.js';

const as = (role: string) => ({ role, userId: 'u' }) as unknown as AuthContext;
const seat = (
  presidium: boolean,
  status = DelegateStatus.Serving,
  kind: RosterKind = RosterKind.Delegate,
) => ({ presidium, status, kind });

describe('who follows a session, and who watches it too (the turnout)', () => {
  it('staff and secretaries follow and watch without a seat', () => {
    for (const role of ['staff', 'secretary']) {
      expect(mayFollow(as(role), null)).toBe(true);
      expect(mayWatch(as(role), null)).toBe(true);
    }
    for (const role of ['admin', 'delegate', 'attendee', 'employee', 'department', 'supervisor']) {
      expect(mayFollow(as(role), null)).toBe(false);
      expect(mayWatch(as(role), null)).toBe(false);
    }
  });

  it('a serving seat follows; only a serving voting presidium member also watches', () => {
    const delegate = as('delegate');
    expect(mayFollow(delegate, seat(false))).toBe(true);
    expect(mayWatch(delegate, seat(false))).toBe(false);
    expect(mayWatch(delegate, seat(true))).toBe(true);
    // 列席 follows the session but is never on the presidium's screen.
    expect(mayFollow(as('attendee'), seat(true, DelegateStatus.Serving, RosterKind.Attendee))).toBe(
      true,
    );
    expect(mayWatch(as('attendee'), seat(true, DelegateStatus.Serving, RosterKind.Attendee))).toBe(
      false,
    );
    // A seat no longer serving neither follows nor watches, presidium or not.
    for (const status of Object.values(DelegateStatus).filter(
      (s) => s !== DelegateStatus.Serving,
    )) {
      expect(mayFollow(delegate, seat(true, status))).toBe(false);
      expect(mayWatch(delegate, seat(true, status))).toBe(false);
    }
  });
});
