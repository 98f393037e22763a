import { Clock } from '../../apps/api/src/common/clock.js';
import { type Api, bearer, departmentUser, userWithRole } from '../utils/actors.js';
import type { TestApp } from '../utils/test-app.js';

/** 2026-11-20 10:00 in Shanghai. */
export const NOW = new Date('2026-11-20T02:00:00Z');

export const setClock = (t: TestApp, at: Date | null) => t.app.get(Clock).fix(at);

/** An employee account in a unit, past its first password; returns its token. */
export async function employeeUser(
  t: Api,
  staff: string,
  unitId: string,
  employeeNumber: string,
  name = `职工${employeeNumber}`,
): Promise<{ token: string; userId: string }> {
  const created = await t
    .http()
    .post('/api/openness/employees')
    .set(bearer(staff))
    .send({ employeeNumber, name, unitId, password: 'first-pass-123' })
    .expect(201);
  const username = created.body.username as string;
  const first = await t.login(username, 'first-pass-123');
  await t
    .http()
    .post('/api/auth/password')
    .set(bearer(first))
    .send({ currentPassword: 'first-pass-123', newPassword: 'second-pass-123' })
    .expect(200);
  return { token: await t.login(username, 'second-pass-123'), userId: created.body.userId };
}

export async function unit(t: Api, staff: string, name: string, level: string, parentId?: string) {
  const res = await t
    .http()
    .post('/api/openness/units')
    .set(bearer(staff))
    .send({ name, level, parentId })
    .expect(201);
  return res.body.id as string;
}

/**
 * A company with two workshops, a team in each, an office; a finance department and a
 * workshop-2 department with their users; employees in team 1 (workshop 1), team 2 (workshop 2)
 * and the office.
 */
export interface World {
  t: TestApp;
  staff: string;
  units: {
    company: string;
    ws1: string;
    ws2: string;
    team1: string;
    team2: string;
    office: string;
  };
  finance: { departmentId: string; token: string };
  ws2dept: { departmentId: string; token: string };
  e: { team1: string; team1UserId: string; team2: string; office: string };
}

export async function createWorld(t: TestApp): Promise<World> {
  setClock(t, null);
  const staff = await userWithRole(t, 'staff');
  const company = await unit(t, staff, '某某机械有限公司', 'company');
  const ws1 = await unit(t, staff, '一车间', 'workshop', company);
  const ws2 = await unit(t, staff, '二车间', 'workshop', company);
  const team1 = await unit(t, staff, '甲班', 'team', ws1);
  const team2 = await unit(t, staff, '甲班', 'team', ws2);
  const office = await unit(t, staff, '财务科', 'office', company);
  const finance = await departmentUser(t, staff, '财务部', 'finance.clerk');
  const ws2dept = await departmentUser(t, staff, '二车间办公室', 'ws2.clerk');
  const e1 = await employeeUser(t, staff, team1, 'A0001', '张三');
  const e2 = await employeeUser(t, staff, team2, 'B0001', '李四');
  const e3 = await employeeUser(t, staff, office, 'C0001', '王五');
  setClock(t, NOW);
  return {
    t,
    staff,
    units: { company, ws1, ws2, team1, team2, office },
    finance,
    ws2dept,
    e: { team1: e1.token, team1UserId: e1.userId, team2: e2.token, office: e3.token },
  };
}

/** What drafting and publishing need of a world (a browser test has an api process, not an app). */
type Publisher = { t: Api; staff: string };

/** An event item (published within 7 days of 2026-11-18) drafted by `dept` for `unitId`. */
export async function draft(
  w: Publisher,
  dept: { token: string },
  unitId: string,
  title = '2026年10月业务招待费使用情况',
  extra: object = {},
) {
  const res = await w.t
    .http()
    .post('/api/openness/items')
    .set(bearer(dept.token))
    .send({
      title,
      body: '10月业务招待费共支出 12,340 元，明细见附件。',
      category: 'finance',
      unitId,
      timing: 'event',
      eventOn: '2026-11-18',
      withinDays: 7,
      responsiblePerson: '李明',
      ...extra,
    })
    .expect(201);
  return res.body.id as string;
}

export const APPROVAL = {
  publishFrom: '2026-11-20',
  publishUntil: '2026-12-04',
  scope: '全体职工',
  form: 'board',
};

/**
 * Drafted, submitted, approved and published: returns the item id. `approval` changes APPROVAL's
 * fields (its dates suit the e2e tests' fixed clock; a test on the real clock passes its own).
 */
export async function published(
  w: Publisher,
  dept: { token: string },
  unitId: string,
  title?: string,
  extra: object = {},
  approval: Partial<typeof APPROVAL> = {},
) {
  const id = await draft(w, dept, unitId, title, extra);
  const http = () => w.t.http();
  await http().post(`/api/openness/items/${id}/submit`).set(bearer(dept.token)).expect(200);
  await http()
    .post(`/api/openness/items/${id}/approve`)
    .set(bearer(w.staff))
    .send({ ...APPROVAL, ...approval })
    .expect(200);
  await http().post(`/api/openness/items/${id}/publish`).set(bearer(w.staff)).expect(200);
  return id;
}
