import type { TabletAccount } from '../auth/accounts.service.js';
import { Role } from '../users/role.enum.js';
import { RosterKind } from './roster.enums.js';

export const roleFor = (kind: RosterKind) =>
  kind === RosterKind.Attendee ? Role.Attendee : Role.Delegate;
export const usernameFor = (employeeNumber: string) => employeeNumber.toLowerCase();

/**
 * The tablet account of a roster entry: its username is the employee number. A person seated
 * again in a later term keeps the account. It has no password until the delegate sets one
 * after a log-in with a one-time code.
 */
export const tabletAccount = (entry: {
  kind: RosterKind;
  employeeNumber: string;
  name: string;
}): TabletAccount => ({
  username: usernameFor(entry.employeeNumber),
  displayName: entry.name,
  role: roleFor(entry.kind),
});
