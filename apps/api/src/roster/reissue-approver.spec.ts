import { describe, expect, it } from '@jest/globals';
import { reissueApproverRole } from './reissue-approver.js';
import { DelegateStatus, RosterKind } from './roster.enums.js';

const seat = (over: Partial<Parameters<typeof reissueApproverRole>[0] & object> = {}) => ({
  id: 'approver',
  status: DelegateStatus.Serving,
  kind: RosterKind.Delegate,
  presidium: false,
  teller: false,
  ...over,
});

// Issue 16, item 2: the second person is a presidium member or a teller, never the delegate concerned.
describe('who approves a code re-issued during a session', () => {
  it('a serving presidium member or teller, with their role', () => {
    expect(reissueApproverRole(seat({ presidium: true }), 'lost')).toBe('presidium');
    expect(reissueApproverRole(seat({ teller: true }), 'lost')).toBe('teller');
    expect(reissueApproverRole(seat({ presidium: true, teller: true }), 'lost')).toBe('presidium');
  });

  it('not an ordinary delegate, nor nobody', () => {
    expect(reissueApproverRole(seat(), 'lost')).toBeNull();
    expect(reissueApproverRole(null, 'lost')).toBeNull();
  });

  it('not the delegate whose code is re-issued, even on the presidium', () => {
    expect(reissueApproverRole(seat({ presidium: true, teller: true }), 'approver')).toBeNull();
  });

  it('not a seat that no longer serves, nor a 列席 attendee', () => {
    for (const status of Object.values(DelegateStatus).filter((s) => s !== DelegateStatus.Serving))
      expect(reissueApproverRole(seat({ presidium: true, status }), 'lost')).toBeNull();
    expect(
      reissueApproverRole(seat({ teller: true, kind: RosterKind.Attendee }), 'lost'),
    ).toBeNull();
  });
});
