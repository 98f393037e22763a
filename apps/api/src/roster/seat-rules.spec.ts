import { describe, expect, it } from '@jest/globals';
import { DelegateStatus, RosterKind } from './roster.enums.js';
import {
  isServingVoter,
  servingAttendeeSql,
  servingSeatSql,
  servingVoterSql,
} from './seat-rules.js';

describe('seat rules', () => {
  it('a serving voting delegate is serving and a delegate, nothing else', () => {
    for (const status of Object.values(DelegateStatus)) {
      for (const kind of Object.values(RosterKind)) {
        expect(isServingVoter({ status, kind })).toBe(
          status === DelegateStatus.Serving && kind === RosterKind.Delegate,
        );
      }
    }
  });

  it('writes the same rule for raw SQL, from the enum values', () => {
    expect(servingVoterSql('d')).toBe("d.status = 'serving' AND d.kind = 'delegate'");
    expect(servingSeatSql('seat')).toBe("seat.status = 'serving'");
    expect(servingAttendeeSql('d')).toBe("d.status = 'serving' AND d.kind = 'attendee'");
  });

  it('takes only a plain alias', () => {
    expect(() => servingVoterSql('d; DROP TABLE delegates')).toThrow('not a table alias');
  });
});
