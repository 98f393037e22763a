import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../apps/api/src/common/clock.js';
import { bearer, userWithRole } from './utils/actors.js';
import { circulate, preparedSession } from './utils/live-session.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

describe('dates that are wrong on their face', () => {
  let t: TestApp;
  let staff: string;
  let clock: Clock;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    clock = t.app.get(Clock);
  });
  afterEach(() => clock.fix(null));
  afterAll(() => t.close());

  const term = (startsOn: string, endsOn: string) =>
    t
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({ name: '第五届职工代表大会', startsOn, endsOn });
  const session = (termId: string, startsAt: string) =>
    t.http().post(`/api/terms/${termId}/sessions`).set(bearer(staff)).send({
      name: '第一次会议',
      startsAt,
      place: '礼堂',
    });
  const rules = (body: { warnings: { rule: string }[] }) => body.warnings.map((w) => w.rule);

  it('warns about a term shorter than three years, and none for five', async () => {
    const short = await term('2026-01-01', '2026-12-31').expect(201);
    expect(short.body.warnings).toEqual([
      {
        rule: 'term_length',
        outcome: 'warn',
        field: 'endsOn',
        message: '任期 2026-01-01 至 2026-12-31 不在三至五年之间，请核对日期',
      },
    ]);
    expect((await term('2026-01-01', '2030-12-31').expect(201)).body.warnings).toEqual([]);
    const inverted = await term('2026-01-01', '2025-06-30');
    expect(inverted.status).toBe(400);
    expect(inverted.body.details[0].field).toBe('endsOn');
  });

  it('warns, on every read, about a session dated in the past or outside its term', async () => {
    const termId = (await term('2026-01-01', '2030-12-31').expect(201)).body.id as string;
    clock.fix(new Date('2026-12-10T02:00:00Z'));
    const past = await session(termId, '2026-12-05 09:00').expect(201);
    expect(rules(past.body)).toEqual(['session_in_past']);
    expect(past.body.warnings[0].message).toContain('2026-12-05');
    const outside = await session(termId, '2031-03-01 09:00').expect(201);
    expect(rules(outside.body)).toEqual(['session_within_term']);
    // The warning stays with the session until its date is put right.
    expect(
      rules((await t.http().get(`/api/sessions/${past.body.id}`).set(bearer(staff))).body),
    ).toEqual(['session_in_past']);
    const fixed = await t
      .http()
      .patch(`/api/sessions/${past.body.id}`)
      .set(bearer(staff))
      .send({ startsAt: '2026-12-15 09:00' })
      .expect(200);
    expect(fixed.body.warnings).toEqual([]);
  });

  it('asks for a reason before opening a session days before its date, and records it', async () => {
    const { sessionId } = await preparedSession(t, staff, 2, [
      { kind: 'report', title: '工会工作报告' },
    ]);
    await circulate(t, staff, sessionId); // 2026-11-28, for the session on 2026-12-05
    const open = (body: object) =>
      t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(staff)).send(body);

    clock.fix(new Date('2026-11-29T02:00:00Z')); // 2026-11-29 10:00 in Beijing
    const refused = await open({ to: 'in_session' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONGRESS_DATE_CONFIRMATION_REQUIRED');
    expect(refused.body.details.findings).toEqual([
      expect.objectContaining({
        rule: 'opening_on_session_day',
        outcome: 'confirm',
        message: expect.stringContaining('提前 6 天'),
      }),
    ]);
    const unchanged = await t.http().get(`/api/sessions/${sessionId}`).set(bearer(staff));
    expect(unchanged.body.status).toBe('circulated');

    const reason = '因生产安排，经主席团同意提前召开';
    const opened = await open({ to: 'in_session', reason }).expect(200);
    expect(opened.body.status).toBe('in_session');
    const history = await t
      .http()
      .get(`/api/sessions/${sessionId}/status-history`)
      .set(bearer(staff))
      .expect(200);
    expect(history.body.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'draft',
      'preparing',
      'circulated',
      'in_session',
    ]);
    expect(history.body.at(-1)).toMatchObject({
      fromStatus: 'circulated',
      toStatusLabel: '会议中',
      reason,
      confirmedFindings: [expect.objectContaining({ rule: 'opening_on_session_day' })],
      recordedBy: expect.any(String),
    });
    expect(history.body.every((h: { recordedBy: string | null }) => h.recordedBy)).toBe(true);
    await expect(t.sql(`UPDATE session_status_history SET reason = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('opens a session on the day before, of or after its date without asking', async () => {
    const { sessionId } = await preparedSession(t, staff, 2, [
      { kind: 'report', title: '工会工作报告' },
    ]);
    await circulate(t, staff, sessionId);
    clock.fix(new Date('2026-12-04T01:00:00Z')); // the day before, in Beijing
    const opened = await t
      .http()
      .post(`/api/sessions/${sessionId}/status`)
      .set(bearer(staff))
      .send({ to: 'in_session' })
      .expect(200);
    expect(opened.body.status).toBe('in_session');
    const history = await t
      .http()
      .get(`/api/sessions/${sessionId}/status-history`)
      .set(bearer(staff));
    expect(history.body.at(-1)).toMatchObject({ reason: null, confirmedFindings: [] });
  });
});
