import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { marks } from '../libs/ballot/src/index.js';
import type { PollView } from '../libs/contracts/src/index.js';
import { PollTimer } from '../apps/api/src/ballots/poll-timer.service.js';
import { Clock } from '../apps/api/src/common/clock.js';
import { bearer, userWithRole } from './utils/actors.js';
import { castSecret } from './utils/ballots.js';
import { feed } from './utils/events.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

const TIMED = '审议通过《集体合同（草案）》';
const UNTIMED = '程序事项';

/** GB 50799 §6.2: a preset duration with a countdown, after which the poll closes by itself. */
describe('a poll with a preset duration closes itself when the time is up', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  let clock: Clock;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    staff = await userWithRole(t, 'staff');
    live = await liveSession(t, staff, 4, 4, [
      { kind: 'approve', title: TIMED },
      { kind: 'decide', title: UNTIMED },
    ]);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
  });
  afterAll(async () => {
    clock.fix(null);
    tablets.forEach((s) => s.disconnect());
    await t.close();
  });

  const open = (title: string, body: object) =>
    t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title], keyMode: 'custodian', ...body });

  it('refuses a duration that is not whole seconds between 30 and 7200, naming the field', async () => {
    for (const durationSeconds of [10, 7201, 1.5, '60']) {
      const res = await open(TIMED, { durationSeconds }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('durationSeconds');
    }
  });

  it('tells every screen when it ends, and the api closes and decides it then, not before', async () => {
    const opened = clock.now();
    const res = await open(TIMED, { durationSeconds: 60 }).expect(201);
    const poll = res.body as PollView;
    expect(Date.parse(poll.closesAt!) - Date.parse(poll.openedAt)).toBe(60_000);
    // The tablets see the end time with the open poll, to count down.
    const state = await tablets[0]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect((state.open as PollView[]).find((p) => p.id === poll.id)?.closesAt).toBe(poll.closesAt);

    for (const i of [0, 1, 2])
      await castSecret(tablets[i]!, live.sessionId, poll.id, [marks(3, 0)]);
    const results = feed<PollView>(tablets[3]!, 'poll:result');

    // Still open a second before the end: a sweep then closes nothing.
    clock.fix(new Date(opened.getTime() + 59_000));
    const early = await t.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff));
    expect(early.body.find((p: PollView) => p.id === poll.id).status).toBe('open');

    // Time is up: the api's own sweep (once a second) closes it and the result goes out.
    clock.fix(new Date(opened.getTime() + 61_000));
    const decided = await results.until((r) => r.id === poll.id, 30_000);
    expect(decided.result?.counts).toEqual([[3, 0, 0]]);
    clock.fix(null);

    const [row] = await t.sql<{ closed_by: string | null; closed_at: Date; closes_at: Date }>(
      `SELECT closed_by, closed_at, closes_at FROM polls WHERE id = $1`,
      [poll.id],
    );
    expect(row!.closed_by).toBeNull();
    expect(row!.closed_at.getTime()).toBeGreaterThanOrEqual(row!.closes_at.getTime());
    // The fourth tablet is too late.
    const late = await tablets[3]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect((late.open as PollView[]).some((p) => p.id === poll.id)).toBe(false);
  });

  it('leaves a poll without a duration to staff, however long it runs', async () => {
    const res = await open(UNTIMED, { secret: false }).expect(201);
    expect(res.body.closesAt).toBeNull();
    clock.fix(new Date(Date.now() + 86_400_000));
    // One sweep, run directly: it finds nothing to close.
    expect(await t.app.get(PollTimer).sweep()).toEqual([]);
    clock.fix(null);
    await t.http().post(`/api/polls/${res.body.id}/close`).set(bearer(staff)).expect(200);
  });
});
