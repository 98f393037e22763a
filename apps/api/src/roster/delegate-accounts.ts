import type { EntityManager } from 'typeorm';
import { Role } from '../users/role.enum.js';
import { User } from '../users/user.entity.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { RosterKind } from './roster.enums.js';

export const roleFor = (kind: RosterKind) =>
  kind === RosterKind.Attendee ? Role.Attendee : Role.Delegate;
export const usernameFor = (employeeNumber: string) => employeeNumber.toLowerCase();

/**
 * The tablet account of a roster entry: its username is the employee number. A person seated
 * again in a later term keeps the account. It has no password until the delegate sets one
 * after a log-in with a one-time code.
 */
export async function ensureAccount(
  manager: EntityManager,
  entry: { kind: RosterKind; employeeNumber: string; name: string },
): Promise<User> {
  const username = usernameFor(entry.employeeNumber);
  const role = roleFor(entry.kind);
  const existing = await manager.findOneBy(User, { username });
  if (existing) {
    if (existing.role !== Role.Delegate && existing.role !== Role.Attendee) {
      throw new RosterException(RosterErrorCode.UsernameTaken, { username });
    }
    return manager.save(
      User,
      Object.assign(existing, { role, displayName: entry.name, disabled: false }),
    );
  }
  return manager.save(
    User,
    manager.create(User, { username, displayName: entry.name, role, passwordHash: null }),
  );
}
