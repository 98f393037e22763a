import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';
import {
  APPROVAL,
  createWorld,
  draft,
  NOW,
  published,
  setClock,
  type World,
} from './openness/world.js';

/**
 * Who reads what on the 厂务公开 board, the anonymous opinion box as stored, and the annual
 * plan's late detection on a fixed clock.
 */
describe('厂务公开: readers, anonymity, the annual plan', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  describe('set-up', () => {
    it('builds the unit tree by level and refuses a wrong parent (400) or a double name (409)', async () => {
      const teamUnderCompany = await http()
        .post('/api/openness/units')
        .set(bearer(w.staff))
        .send({ name: '乙班', level: 'team', parentId: w.units.company });
      expect(teamUnderCompany.status).toBe(400);
      expect(teamUnderCompany.body.code).toBe('OPENNESS_BAD_PARENT');
      const orphanWorkshop = await http()
        .post('/api/openness/units')
        .set(bearer(w.staff))
        .send({ name: '三车间', level: 'workshop' });
      expect(orphanWorkshop.status).toBe(400);
      const same = await http()
        .post('/api/openness/units')
        .set(bearer(w.staff))
        .send({ name: '甲班', level: 'team', parentId: w.units.ws1 });
      expect(same.status).toBe(409);
      await http()
        .post('/api/openness/units')
        .set(bearer(w.finance.token))
        .send({ name: '丙班', level: 'team', parentId: w.units.ws1 })
        .expect(403);
    });

    it('creates employee accounts by 工号 (staff only) and refuses a bad or taken number', async () => {
      const send = (token: string, body: object) =>
        http().post('/api/openness/employees').set(bearer(token)).send(body);
      const body = {
        employeeNumber: 'A0001',
        name: '重名',
        unitId: w.units.team1,
        password: 'first-pass-123',
      };
      expect((await send(w.staff, body)).status).toBe(409);
      const bad = await send(w.staff, { ...body, employeeNumber: 'A 0001/..', name: '' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'employeeNumber',
        'name',
      ]);
      // A first password works until the employee changes it: it is held to the strength check.
      for (const weak of ['aaaaaaaaaa', 'password123', 'a0002a0002']) {
        const res = await send(w.staff, { ...body, employeeNumber: 'A0002', password: weak });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([
          { field: 'password', errors: [expect.stringContaining('容易被猜到')] },
        ]);
      }
      expect((await send(w.finance.token, { ...body, employeeNumber: 'Z9' })).status).toBe(403);
      expect((await send(w.e.team1, { ...body, employeeNumber: 'Z9' })).status).toBe(403);
      const list = await http().get('/api/openness/employees').set(bearer(w.staff)).expect(200);
      expect(list.body).toContainEqual(
        expect.objectContaining({
          employeeNumber: 'A0001',
          username: 'emp-a0001',
          unitId: w.units.team1,
        }),
      );
    });
  });

  describe('level scoping', () => {
    let company: string;
    let workshop2: string;
    let team2: string;
    let team1: string;
    let unpublished: string;

    beforeAll(async () => {
      company = await published(w, w.finance, w.units.company, '公司级：全年经营情况');
      workshop2 = await published(w, w.ws2dept, w.units.ws2, '二车间：11月加班情况');
      team2 = await published(w, w.ws2dept, w.units.team2, '二车间甲班：夜班津贴');
      team1 = await published(w, w.finance, w.units.team1, '一车间甲班：考勤');
      unpublished = await draft(w, w.ws2dept, w.units.team2, '二车间甲班：草稿');
      await http()
        .post(`/api/openness/items/${unpublished}/submit`)
        .set(bearer(w.ws2dept.token))
        .expect(200);
      await http()
        .post(`/api/openness/items/${unpublished}/approve`)
        .set(bearer(w.staff))
        .send(APPROVAL)
        .expect(200);
    });

    const ids = (body: { id: string }[]) => body.map((i) => i.id).sort();

    it('shows company-level items without log-in, and nothing below', async () => {
      const list = await http().get('/api/public/openness/items').expect(200);
      expect(ids(list.body)).toEqual([company]);
      for (const id of [workshop2, team2, team1, unpublished])
        await http().get(`/api/public/openness/items/${id}`).expect(404);
      await http().get('/api/openness/board').expect(401);
    });

    it("shows an employee their team's items and those of the units above, no other unit's", async () => {
      const mine = await http().get('/api/openness/board').set(bearer(w.e.team2)).expect(200);
      expect(ids(mine.body)).toEqual([company, workshop2, team2].sort());
      const other = await http().get('/api/openness/board').set(bearer(w.e.team1)).expect(200);
      expect(ids(other.body)).toEqual([company, team1].sort());
      const office = await http().get('/api/openness/board').set(bearer(w.e.office)).expect(200);
      expect(ids(office.body)).toEqual([company]);
    });

    it("answers 404 to an employee of another workshop asking for a team's item, as for an unknown one", async () => {
      const refused = await http()
        .get(`/api/openness/board/items/${team2}`)
        .set(bearer(w.e.team1))
        .expect(404);
      const unknown = await http()
        .get('/api/openness/board/items/00000000-0000-4000-8000-000000000000')
        .set(bearer(w.e.team1))
        .expect(404);
      expect(refused.body).toEqual(unknown.body);
      await http().get(`/api/openness/board/items/${workshop2}`).set(bearer(w.e.team1)).expect(404);
      const opinion = await http()
        .post(`/api/openness/board/items/${team2}/opinions`)
        .set(bearer(w.e.team1))
        .send({ kind: 'comment', body: '看不到的事项', anonymous: true });
      expect(opinion.status).toBe(404);
      // Approved but not yet published: not on the board, even for its own team.
      await http()
        .get(`/api/openness/board/items/${unpublished}`)
        .set(bearer(w.e.team2))
        .expect(404);
      const own = await http()
        .get(`/api/openness/board/items/${team2}`)
        .set(bearer(w.e.team2))
        .expect(200);
      expect(own.body).toMatchObject({
        title: '二车间甲班：夜班津贴',
        level: 'team',
        levelLabel: '班组',
      });
    });

    it('keeps the board to employees: staff and departments use the management routes (403)', async () => {
      await http().get('/api/openness/board').set(bearer(w.staff)).expect(403);
      await http().get('/api/openness/board').set(bearer(w.finance.token)).expect(403);
      await http().get('/api/openness/items').set(bearer(w.e.team1)).expect(403);
    });
  });

  describe('the anonymous opinion box', () => {
    let itemId: string;
    beforeAll(async () => {
      itemId = await published(w, w.finance, w.units.company, '劳动防护用品发放标准');
    });

    it('stores no identity with an anonymous opinion: the database row itself has none', async () => {
      const text = '防护手套质量太差，一周就磨破。';
      await http()
        .post(`/api/openness/board/items/${itemId}/opinions`)
        .set(bearer(w.e.team1))
        .set('X-Forwarded-For', '10.9.8.7')
        .send({ kind: 'question', body: text, anonymous: true })
        .expect(201)
        .expect(({ body }) => expect(body).toEqual({ received: true }));
      const rows = await t.sql<Record<string, unknown>>(
        'SELECT * FROM openness_opinions WHERE body = $1',
        [text],
      );
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        anonymous: true,
        author_user_id: null,
        author_name: null,
        answered_by: null,
      });
      expect(Object.keys(row).sort()).toEqual(
        [
          'id',
          'item_id',
          'kind',
          'body',
          'rating',
          'anonymous',
          'author_user_id',
          'author_name',
          'received_on',
          'answer',
          'answered_at',
          'answered_by',
        ].sort(),
      );
      // The day only, not the time: nothing to match against a log line by the second.
      const [day] = await t.sql<{ day: string; type: string }>(
        `SELECT received_on::text AS day, pg_typeof(received_on)::text AS type
           FROM openness_opinions WHERE id = $1`,
        [row.id],
      );
      expect(day).toEqual({ day: '2026-11-20', type: 'date' });
      const whole = JSON.stringify(row);
      for (const trace of [w.e.team1UserId, '张三', 'A0001', 'emp-a0001', '10.9.8.7', '127.0.0.1'])
        expect(whole).not.toContain(trace);
      // Employees' actions are not in the audit log (it keeps actor and address for staff).
      const audit = await t.sql(`SELECT 1 FROM audit_log WHERE actor_role = 'employee'`);
      expect(audit).toEqual([]);
    });

    it('stores the author of an opinion the employee chose to sign', async () => {
      await http()
        .post(`/api/openness/board/items/${itemId}/opinions`)
        .set(bearer(w.e.team1))
        .send({ kind: 'comment', body: '署名意见：建议按工种发放。', anonymous: false })
        .expect(201);
      const [row] = await t.sql<{
        author_user_id: string;
        author_name: string;
        anonymous: boolean;
      }>('SELECT author_user_id, author_name, anonymous FROM openness_opinions WHERE body = $1', [
        '署名意见：建议按工种发放。',
      ]);
      expect(row).toEqual({
        author_user_id: w.e.team1UserId,
        author_name: '张三',
        anonymous: false,
      });
    });

    it('the database refuses an anonymous row with an author', async () => {
      await expect(
        t.sql(
          `INSERT INTO openness_opinions (item_id, kind, body, anonymous, author_user_id, received_on)
           VALUES ($1, 'comment', 'x', true, $2, '2026-11-20')`,
          [itemId, w.e.team1UserId],
        ),
      ).rejects.toThrow(/check constraint/);
    });

    it('limits each account to 10 opinions an hour without storing who (429), then lets it again', async () => {
      const post = () =>
        http()
          .post(`/api/openness/board/items/${itemId}/opinions`)
          .set(bearer(w.e.office))
          .send({ kind: 'rating', rating: 'basically_satisfied', anonymous: true });
      for (let i = 0; i < 10; i++) await post().expect(201);
      const limited = await post();
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('OPENNESS_TOO_MANY_OPINIONS');
      // The clock stands still, so the first of the ten leaves the hour in exactly 3,600 s.
      expect(limited.headers['retry-after']).toBe('3600');
      expect(limited.body.details).toEqual({ perHour: 10, retryAfterSeconds: 3600 });
      // Another employee is not held back by the first one's count.
      await http()
        .post(`/api/openness/board/items/${itemId}/opinions`)
        .set(bearer(w.e.team2))
        .send({ kind: 'rating', rating: 'satisfied', anonymous: true })
        .expect(201);
      setClock(t, new Date(NOW.getTime() + 3_600_001));
      try {
        await post().expect(201);
      } finally {
        setClock(t, NOW);
      }
      const rows = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM openness_opinions WHERE item_id = $1 AND rating = 'basically_satisfied'`,
        [itemId],
      );
      expect(Number(rows[0]!.n)).toBe(11);
    });
  });

  describe('the annual plan', () => {
    const line = async (month: number, title: string) => {
      const res = await http()
        .post('/api/openness/plan')
        .set(bearer(w.staff))
        .send({
          year: 2026,
          month,
          unitId: w.units.company,
          category: 'finance',
          title,
          departmentId: w.finance.departmentId,
        })
        .expect(201);
      return res.body.id as string;
    };
    const publishAt = async (planEntryId: string, at: Date) => {
      setClock(t, at);
      try {
        return await published(w, w.finance, w.units.company, '按计划公开', {
          timing: 'periodic',
          planEntryId,
          eventOn: undefined,
          withinDays: undefined,
        });
      } finally {
        setClock(t, NOW);
      }
    };

    it('tells on time, late, missing and not yet due by the fixed clock', async () => {
      const sep = await line(9, '三季度招待费（9月）');
      const oct = await line(10, '10月加班费');
      const nov = await line(11, '11月车辆费');
      const dec = await line(12, '12月办公费');
      // September's line published on 5 October (late); October's on 20 October (on time).
      await publishAt(sep, new Date('2026-10-05T02:00:00Z'));
      await publishAt(oct, new Date('2026-10-20T02:00:00Z'));

      const now = await http().get('/api/openness/plan?year=2026').set(bearer(w.staff)).expect(200);
      const state = (body: { lines: { id: string; state: string }[] }, id: string) =>
        body.lines.find((l) => l.id === id)!.state;
      expect(state(now.body, sep)).toBe('late');
      expect(state(now.body, oct)).toBe('on_time');
      expect(state(now.body, nov)).toBe('not_due');
      expect(state(now.body, dec)).toBe('not_due');
      expect(now.body.counts).toEqual({ on_time: 1, late: 1, missing: 0, not_due: 2 });

      // 2026-11-30 23:59 in Shanghai: November is not over.
      setClock(t, new Date('2026-11-30T15:59:00Z'));
      try {
        const last = await http()
          .get('/api/openness/plan?year=2026')
          .set(bearer(w.finance.token))
          .expect(200);
        expect(state(last.body, nov)).toBe('not_due');
        // 2026-12-01 00:00 in Shanghai: November's line was not published.
        setClock(t, new Date('2026-11-30T16:00:00Z'));
        const after = await http()
          .get('/api/openness/plan?year=2026')
          .set(bearer(w.staff))
          .expect(200);
        expect(state(after.body, nov)).toBe('missing');
        expect(after.body.lines.find((l: { id: string }) => l.id === nov)).toMatchObject({
          stateLabel: '到期未公开',
          publishedAt: null,
          itemIds: [],
        });
        expect(after.body.counts).toEqual({ on_time: 1, late: 1, missing: 1, not_due: 1 });
      } finally {
        setClock(t, NOW);
      }
    });

    it('refuses bad plan input (400) and employees (403)', async () => {
      const bad = await http().post('/api/openness/plan').set(bearer(w.staff)).send({
        year: 2026,
        month: 13,
        unitId: w.units.company,
        category: 'finance',
        title: '',
        departmentId: w.finance.departmentId,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'month',
        'title',
      ]);
      await http().get('/api/openness/plan?year=2026').set(bearer(w.e.team1)).expect(403);
      const noYear = await http().get('/api/openness/plan').set(bearer(w.staff));
      expect(noYear.status).toBe(400);
    });
  });
});
