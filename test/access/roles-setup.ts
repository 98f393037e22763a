import { type Role, ROLES } from '../../libs/contracts/src/index.js';
import { bearer, delegateTokens, departmentUser, userWithRole } from '../utils/actors.js';
import { employeeUser, unit } from '../openness/world.js';
import { preparedSession } from '../utils/live-session.js';
import { ADMIN_PASSWORD, type TestApp } from '../utils/test-app.js';

/** One ready token of every role (a delegate and an attendee on a prepared session's roster). */
export async function tokensOfEveryRole(
  t: TestApp,
): Promise<{ tokens: Record<Role, string>; sessionId: string }> {
  const staff = await userWithRole(t, 'staff');
  const live = await preparedSession(t, staff, 1, [{ kind: 'report', title: '工作报告' }]);
  const attendee = await t
    .http()
    .post(`/api/terms/${live.roster.termId}/delegates`)
    .set(bearer(staff))
    .send({ kind: 'attendee', name: '列席甲', employeeNumber: 'L0001', gender: 'female' })
    .expect(201);
  const tablets = await delegateTokens(t, staff, live.roster.termId, [attendee.body.id]);
  const tokens: Record<Role, string> = {
    admin: await t.login('admin', ADMIN_PASSWORD),
    staff,
    secretary: await userWithRole(t, 'secretary'),
    supervisor: await userWithRole(t, 'supervisor'),
    delegate: live.tokens.get(live.roster.delegates[0]!.id)!,
    attendee: tablets.get(attendee.body.id)!,
    department: (await departmentUser(t, staff, '人力资源部', 'hr.clerk')).token,
    employee: (await employeeUser(t, staff, await unit(t, staff, '公司', 'company'), 'E0001'))
      .token,
  };
  for (const role of ROLES) if (!tokens[role]) throw new Error(`no token for ${role}`);
  return { tokens, sessionId: live.sessionId };
}
