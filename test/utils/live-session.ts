import { expect } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import { formatShanghai } from '../../apps/api/src/common/time.js';
import { type Api, bearer, createRoster, delegateTokens, type RosterFixture } from './actors.js';
import { connected, type TabletSocket, type TestApp } from './test-app.js';

export interface LiveSession {
  roster: RosterFixture;
  sessionId: string;
  /** Item ids by title. */
  items: Record<string, string>;
  tokens: Map<string, string>;
}

type Host = Api & { app?: TestApp['app'] };
type ItemSpec = { kind: string; title: string; vote?: object };

/** A session in preparation: `count` delegates logged in on tablets, the given agenda items. */
export async function preparedSession(
  t: Host,
  staff: string,
  count: number,
  items: ItemSpec[],
): Promise<LiveSession> {
  // In this process the clock is fixed to circulate 7 days before 2026-12-05; a child process
  // runs on the real clock, so its session starts 10 days from now.
  const startsAt = t.app
    ? '2026-12-05 09:00'
    : formatShanghai(new Date(Date.now() + 10 * 86_400_000));
  const roster = await createRoster(t, staff, count);
  const tokens = await delegateTokens(
    t,
    staff,
    roster.termId,
    roster.delegates.map((d) => d.id),
  );
  const s = await t
    .http()
    .post(`/api/terms/${roster.termId}/sessions`)
    .set(bearer(staff))
    .send({
      name: '第二次会议',
      startsAt,
      place: '礼堂',
      employees: 300,
      women: 100,
      dispatched: 0,
    })
    .expect(201);
  const sessionId = s.body.id as string;
  await t
    .http()
    .post(`/api/sessions/${sessionId}/status`)
    .set(bearer(staff))
    .send({ to: 'preparing' })
    .expect(200);
  const ids: Record<string, string> = {};
  for (const item of items) {
    const res = await t
      .http()
      .post(`/api/sessions/${sessionId}/agenda/items`)
      .set(bearer(staff))
      .send(item);
    expect(res.status).toBe(201);
    ids[item.title] = res.body.id;
  }
  return { roster, sessionId, items: ids, tokens };
}

/** Circulates the agenda 7 days before the session (fixed clock in this process). */
export async function circulate(t: Host, staff: string, sessionId: string): Promise<void> {
  const clock = t.app?.get(Clock);
  clock?.fix(new Date('2026-11-28T01:00:00Z'));
  try {
    await t
      .http()
      .post(`/api/sessions/${sessionId}/agenda/circulate`)
      .set(bearer(staff))
      .send({})
      .expect(201);
  } finally {
    clock?.fix(null);
  }
}

/**
 * A session in progress: `count` delegates, the given items circulated 7 days before, the
 * session opened, and the first `present` delegates checked in.
 */
export async function liveSession(
  t: Host,
  staff: string,
  count: number,
  present: number,
  items: ItemSpec[],
): Promise<LiveSession> {
  const live = await preparedSession(t, staff, count, items);
  const { roster, sessionId, tokens } = live;
  await circulate(t, staff, sessionId);
  await t
    .http()
    .post(`/api/sessions/${sessionId}/status`)
    .set(bearer(staff))
    // Opened before its date (today is not the session day): a date rule asks for a reason.
    .send({ to: 'in_session', reason: '测试：按测试安排提前开会' })
    .expect(200);
  for (const d of roster.delegates.slice(0, present)) {
    await t
      .http()
      .post(`/api/sessions/${sessionId}/check-in`)
      .set(bearer(tokens.get(d.id)!))
      .expect(200);
  }
  return live;
}

/**
 * A staff socket in the session, as the console and the projector are: it watches the session
 * (the turnout goes to the watchers only, not to the tablets).
 */
export async function watcherSocket(t: TestApp, staff: string, sessionId: string) {
  const s = t.socket(staff);
  await connected(s);
  expect((await s.emitWithAck('session:join', { sessionId })).ok).toBe(true);
  return s;
}

/** Every delegate of the session on a tablet socket of `t` (this process or an api process), connected. */
export async function hallTablets(
  t: { socket(token: string): TabletSocket },
  live: LiveSession,
): Promise<TabletSocket[]> {
  const tablets: TabletSocket[] = [];
  for (const d of live.roster.delegates) {
    const s = t.socket(live.tokens.get(d.id)!);
    await connected(s);
    tablets.push(s);
  }
  return tablets;
}

/** Opens a poll on the session's item titled `title` (more of `POST /api/polls` in `options`). */
export async function openPoll(
  t: Api,
  staff: string,
  live: LiveSession,
  title: string,
  options: object = {},
): Promise<string> {
  const poll = await t
    .http()
    .post('/api/polls')
    .set(bearer(staff))
    .send({ itemId: live.items[title], ...options })
    .expect(201);
  return poll.body.id as string;
}
