import { expect } from '@jest/globals';
import { ADMIN_PASSWORD, type TestApp } from './test-app.js';

/** An app in this process (TestApp) or a child process (ApiProcess): what the helpers need. */
export type Api = Pick<TestApp, 'http' | 'login'>;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An account of a managed role (staff, secretary, admin) that has changed its first password. */
export async function userWithRole(
  t: Api,
  role: 'staff' | 'secretary' | 'admin' | 'supervisor',
  username: string = role,
): Promise<string> {
  const admin = await t.login('admin', ADMIN_PASSWORD);
  await t
    .http()
    .post('/api/users')
    .set(bearer(admin))
    .send({ username, displayName: username, role, password: 'first-pass-123' })
    .expect(201);
  const first = await t.login(username, 'first-pass-123');
  await t
    .http()
    .post('/api/auth/password')
    .set(bearer(first))
    .send({ currentPassword: 'first-pass-123', newPassword: 'second-pass-123' })
    .expect(200);
  return t.login(username, 'second-pass-123');
}

/** A department with one ready department user; returns the department id and the user's token. */
export async function departmentUser(t: Api, staff: string, name: string, username: string) {
  const dep = await t.http().post('/api/departments').set(bearer(staff)).send({ name }).expect(201);
  await t
    .http()
    .post(`/api/departments/${dep.body.id}/users`)
    .set(bearer(staff))
    .send({ username, displayName: name, password: 'first-pass-123' })
    .expect(201);
  const first = await t.login(username, 'first-pass-123');
  await t
    .http()
    .post('/api/auth/password')
    .set(bearer(first))
    .send({ currentPassword: 'first-pass-123', newPassword: 'second-pass-123' })
    .expect(200);
  return { departmentId: dep.body.id as string, token: await t.login(username, 'second-pass-123') };
}

export interface RosterFixture {
  termId: string;
  groupIds: string[];
  delegates: { id: string; employeeNumber: string; username: string }[];
}

/** A term with these delegation groups and no delegates yet; returns the term's id. */
export async function termWithGroups(t: Api, staff: string, groups: string[]): Promise<string> {
  const term = await t
    .http()
    .post('/api/terms')
    .set(bearer(staff))
    .send({ name: '第六届职工代表大会', startsOn: '2026-01-01', endsOn: '2030-12-31' })
    .expect(201);
  for (const name of groups)
    await t
      .http()
      .post(`/api/terms/${term.body.id}/groups`)
      .set(bearer(staff))
      .send({ name })
      .expect(201);
  return term.body.id;
}

/** A term with groups and `count` serving delegates (front-line, alternating gender). */
export async function createRoster(
  t: Api,
  staff: string,
  count: number,
  groups = ['第一代表团', '第二代表团'],
): Promise<RosterFixture> {
  const term = await t
    .http()
    .post('/api/terms')
    .set(bearer(staff))
    .send({ name: '第五届职工代表大会', startsOn: '2026-01-01', endsOn: '2030-12-31' })
    .expect(201);
  const groupIds: string[] = [];
  for (const name of groups) {
    const g = await t
      .http()
      .post(`/api/terms/${term.body.id}/groups`)
      .set(bearer(staff))
      .send({ name })
      .expect(201);
    groupIds.push(g.body.id);
  }
  const delegates: RosterFixture['delegates'] = [];
  for (let i = 0; i < count; i++) {
    const employeeNumber = `E${String(1000 + i)}`;
    const res = await t
      .http()
      .post(`/api/terms/${term.body.id}/delegates`)
      .set(bearer(staff))
      .send({
        name: `代表${i + 1}`,
        employeeNumber,
        gender: i % 2 ? 'female' : 'male',
        groupId: groupIds[i % groupIds.length],
        category: 'front_line',
      });
    expect(res.status).toBe(201);
    delegates.push({ id: res.body.id, employeeNumber, username: employeeNumber.toLowerCase() });
  }
  return { termId: term.body.id, groupIds, delegates };
}

/**
 * Issues codes as JSON (replacing any live ones) and logs the delegates in; returns their
 * tokens by delegate id.
 */
export async function delegateTokens(t: Api, staff: string, termId: string, delegateIds: string[]) {
  const res = await t
    .http()
    .post(`/api/terms/${termId}/login-codes`)
    .set(bearer(staff))
    .send({ delegateIds, format: 'json', replaceLiveCodes: true })
    .expect(200);
  const tokens = new Map<string, string>();
  for (const e of res.body.entries as { delegateId: string; username: string; code: string }[]) {
    const login = await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: e.username, code: e.code })
      .expect(200);
    tokens.set(e.delegateId, login.body.accessToken);
  }
  return tokens;
}
