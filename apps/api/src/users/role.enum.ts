import type { Agree, Difference, Role as ContractRole } from '../common/contracts.js';

/** Account roles (docs/rules.md, "People and roles"), plus `admin` who manages staff accounts. */
export enum Role {
  Admin = 'admin',
  Staff = 'staff',
  Secretary = 'secretary',
  Delegate = 'delegate',
  Attendee = 'attendee',
  Department = 'department',
  /** 职工: reads the 厂务公开 board of their unit and the units above, leaves opinions. */
  Employee = 'employee',
  /**
   * 监督检查小组: reads all of 厂务公开 (every level, item, opinion without anonymous identities),
   * runs the periodic checks and sends their notices; changes no item.
   */
  Supervisor = 'supervisor',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _RoleContract = Agree<Difference<`${Role}`, ContractRole>>;

export const ALL_ROLES = Object.values(Role);

/** Roles whose state-changing actions go to the audit log. */
export const AUDITED_ROLES: ReadonlySet<Role> = new Set([Role.Admin, Role.Staff, Role.Secretary]);
