import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { marks } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { castSecret } from './utils/ballots.js';
import { liveSession, type LiveSession, preparedSession } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

describe('the public board’s routes: published sessions and decided results, without log-in', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    // 4 delegates, 3 present: a majority of all needs 3 votes.
    live = await liveSession(t, staff, 4, 3, [
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
      { kind: 'decide', title: '审议决定《职工福利基金使用方案》' },
    ]);
    for (const d of live.roster.delegates.slice(0, 3)) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      tablets.push(s);
    }
  });
  afterAll(() => t.close());

  it('lists the sessions whose agenda is circulated, and not one still in preparation', async () => {
    const hidden = await preparedSession(t, staff, 1, [{ kind: 'report', title: '工作报告' }]);
    const res = await t.http().get('/api/public/sessions').expect(200);
    expect(res.body).toEqual([
      {
        id: live.sessionId,
        name: '第二次会议',
        startsAt: expect.any(String),
        startsAtLocal: '2026-12-05 09:00',
        place: '礼堂',
        status: 'in_session',
        statusLabel: '会议中',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(hidden.sessionId);
  });

  it('publishes a poll’s result once decided, never while it is open', async () => {
    const results = () => t.http().get(`/api/public/sessions/${live.sessionId}/results`);
    const open = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['审议通过《集体合同（草案）》'], keyMode: 'custodian' })
      .expect(201);
    const pollId = open.body.id as string;
    for (const [i, choice] of [0, 0, 1].entries())
      await castSecret(tablets[i]!, live.sessionId, pollId, [marks(3, choice)]);
    expect((await results().expect(200)).body).toEqual([]);

    await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    const decided = (await results().expect(200)).body;
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({
      id: pollId,
      title: '审议通过《集体合同（草案）》',
      status: 'closed',
      questions: [{ title: '表决', entries: ['赞成', '反对', '弃权'] }],
      result: {
        counts: [[2, 1, 0]],
        decision: { kind: 'motion', passed: false, rule: { base: 'all', baseSize: 4 } },
      },
    });
    // Nothing that names a delegate.
    expect(JSON.stringify(decided)).not.toMatch(/E100|delegateId|userId|代表[0-9]/);
  });

  it('answers an unknown session with 404 and a malformed id with 400, in Chinese', async () => {
    const unknown = await t
      .http()
      .get('/api/public/sessions/7f1c3a52-0000-4000-8000-000000000000/results')
      .expect(404);
    expect(unknown.body).toMatchObject({
      code: 'CONGRESS_SESSION_NOT_FOUND',
      message: '会议不存在',
    });
    expect((await t.http().get('/api/public/sessions/x/results')).status).toBe(400);
  });
});
