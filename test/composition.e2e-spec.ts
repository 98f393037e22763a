import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createRoster, type RosterFixture, userWithRole } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

describe('composition report', () => {
  let t: TestApp;
  let staff: string;
  let roster: RosterFixture;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    roster = await createRoster(t, staff, 4);
  });
  afterAll(() => t.close());

  const report = (q = '') =>
    t.http().get(`/api/terms/${roster.termId}/composition${q}`).set(bearer(staff));

  it('needs a session for the workforce figures', async () => {
    const res = await report();
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CONGRESS_SESSION_NOT_FOUND');
  });

  it('reports each rule with its outcome and numbers, following the roster as it changes', async () => {
    const session = await t
      .http()
      .post(`/api/terms/${roster.termId}/sessions`)
      .set(bearer(staff))
      .send({
        name: '第一次会议',
        startsAt: '2026-12-05 09:00',
        place: '礼堂',
        employees: 80,
        women: 40,
        dispatched: 0,
      })
      .expect(201);
    const first = await report(`?sessionId=${session.body.id}`).expect(200);
    const byId = (r: { rules: { id: string; outcome: string }[] }) =>
      Object.fromEntries(r.rules.map((x) => [x.id, x.outcome]));
    expect(first.body.report.counts).toMatchObject({ delegates: 4, women: 2 });
    expect(byId(first.body.report)).toMatchObject({
      size: 'violation',
      managers_share: 'pass',
      women_share: 'pass',
    });
    expect(first.body.report.worst).toBe('violation');
    const size = first.body.report.rules.find((r: { id: string }) => r.id === 'size');
    expect(size.numbers).toMatchObject({ delegates: 4 });
    expect(size.explanation).toMatch(/30/);

    // A leader makes 1 of 5 = 20%: still within the limit; a second one breaks it.
    const add = (n: string, category: string) =>
      t
        .http()
        .post(`/api/terms/${roster.termId}/delegates`)
        .set(bearer(staff))
        .send({ name: n, employeeNumber: n, gender: 'male', groupId: roster.groupIds[0], category })
        .expect(201);
    await add('L1', 'leader');
    expect(byId((await report()).body.report).managers_share).toBe('pass');
    await add('L2', 'middle_manager');
    expect(byId((await report()).body.report).managers_share).toBe('violation');
  });

  it('is for staff and secretaries only', async () => {
    expect((await t.http().get(`/api/terms/${roster.termId}/composition`)).status).toBe(401);
  });
});
