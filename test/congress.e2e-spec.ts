import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createRoster, delegateTokens, userWithRole } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

describe('terms and sessions', () => {
  let t: TestApp;
  let staff: string;
  let termId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t.close());

  it('creates a term whose settings override the defaults field by field', async () => {
    const res = await t
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({
        name: '第五届职工代表大会',
        startsOn: '2026-01-01',
        endsOn: '2030-12-31',
        settings: {
          circulationDays: 10,
          majority: { base: 'present', numerator: 1, denominator: 2 },
        },
      })
      .expect(201);
    termId = res.body.id;
    expect(res.body.effectiveSettings).toMatchObject({
      circulationDays: 10,
      coSignersRequired: 2,
      quorum: { numerator: 2, denominator: 3 },
      majority: { base: 'present' },
      sizeFormula: 'national',
    });
  });

  it('refuses a term that ends before it starts, and bad settings, naming the field', async () => {
    const dates = await t
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({ name: 'x', startsOn: '2026-01-01', endsOn: '2025-01-01' });
    expect(dates.status).toBe(400);
    expect(dates.body.code).toBe('CONGRESS_BAD_DATES');
    expect(dates.body.details).toEqual([
      { field: 'endsOn', errors: ['任期结束日期（2025-01-01）须晚于开始日期（2026-01-01）'] },
    ]);
    const settings = await t
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({
        name: 'x',
        startsOn: '2026-01-01',
        endsOn: '2027-01-01',
        settings: { sizeFormula: 'mars', quorum: { numerator: 0, denominator: 3 } },
      });
    expect(settings.status).toBe(400);
    expect(settings.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'settings.quorum.numerator',
      'settings.sizeFormula',
    ]);
  });

  it('takes a session start in Shanghai time and stores it in UTC', async () => {
    const res = await t
      .http()
      .post(`/api/terms/${termId}/sessions`)
      .set(bearer(staff))
      .send({
        name: '第五届职代会第二次会议',
        startsAt: '2026-12-05 09:00',
        place: '三楼大会议室',
        employees: 1200,
        women: 400,
        dispatched: 60,
        settings: { circulationDays: 8 },
      })
      .expect(201);
    expect(res.body.startsAt).toBe('2026-12-05T01:00:00.000Z');
    expect(res.body.startsAtLocal).toBe('2026-12-05 09:00');
    expect(res.body.status).toBe('draft');
    expect(res.body.effectiveSettings.circulationDays).toBe(8);
    expect(res.body.effectiveSettings.majority.base).toBe('present');
  });

  it('refuses a bad start time and impossible workforce figures with the field named', async () => {
    const time = await t.http().post(`/api/terms/${termId}/sessions`).set(bearer(staff)).send({
      name: 'x',
      startsAt: '2026-13-05 09:00',
      place: 'x',
      employees: 10,
      women: 1,
      dispatched: 0,
    });
    expect(time.status).toBe(400);
    expect(time.body.details[0].field).toBe('startsAt');
    const figures = await t.http().post(`/api/terms/${termId}/sessions`).set(bearer(staff)).send({
      name: 'x',
      startsAt: '2026-12-05 09:00',
      place: 'x',
      employees: 10,
      women: 11,
      dispatched: 0,
    });
    expect(figures.status).toBe(400);
    expect(figures.body.details[0].field).toBe('women');
  });

  it('moves a session forward one checked step at a time', async () => {
    const s = await t
      .http()
      .post(`/api/terms/${termId}/sessions`)
      .set(bearer(staff))
      .send({
        name: '第三次会议',
        startsAt: '2027-03-01 09:00',
        place: '礼堂',
        employees: 100,
        women: 30,
        dispatched: 0,
      })
      .expect(201);
    const move = (to: string) =>
      t.http().post(`/api/sessions/${s.body.id}/status`).set(bearer(staff)).send({ to });

    const tooFar = await move('in_session');
    expect(tooFar.status).toBe(409);
    expect(tooFar.body).toMatchObject({
      code: 'CONGRESS_BAD_STATUS_TRANSITION',
      details: { from: 'draft', allowed: 'preparing' },
    });
    expect((await move('preparing')).body.status).toBe('preparing');
    expect((await move('in_session')).body.code).toBe('CONGRESS_BAD_STATUS_TRANSITION');
    expect((await move('circulated')).body.code).toBe('CONGRESS_CIRCULATE_THROUGH_AGENDA');
    expect((await move('draft')).body.code).toBe('CONGRESS_BAD_STATUS_TRANSITION');
    expect((await move('bogus')).status).toBe(400);
  });

  it('lets only staff change terms and sessions', async () => {
    const secretary = await userWithRole(t, 'secretary');
    const roster = await createRoster(t, staff, 1);
    const [delegate] = [
      ...(await delegateTokens(t, staff, roster.termId, [roster.delegates[0]!.id])).values(),
    ];
    const body = { name: 'x', startsOn: '2026-01-01', endsOn: '2027-01-01' };
    expect((await t.http().post('/api/terms').set(bearer(secretary)).send(body)).status).toBe(403);
    expect((await t.http().post('/api/terms').set(bearer(delegate!)).send(body)).status).toBe(403);
    expect((await t.http().post('/api/terms').send(body)).status).toBe(401);
    expect((await t.http().get(`/api/terms/${termId}`).set(bearer(delegate!))).status).toBe(200);
  });

  it('answers an unknown term with 404 and a malformed id with 400', async () => {
    const unknown = await t
      .http()
      .get('/api/terms/00000000-0000-4000-8000-000000000000')
      .set(bearer(staff));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CONGRESS_TERM_NOT_FOUND');
    expect((await t.http().get('/api/terms/not-a-uuid').set(bearer(staff))).status).toBe(400);
  });
});
