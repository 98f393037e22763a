import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { marks } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { castSecret } from './utils/ballots.js';
import { feed } from './utils/events.js';
import { hallTablets, liveSession, openPoll, watcherSocket } from './utils/live-session.js';
import { createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

const ITEM = '审议通过《集体合同（草案）》';

describe("the presidium's screen: the turnout follows the seat, not the socket", () => {
  let t: TestApp;
  const sockets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('a member taken off the presidium stops getting the turnout on the screen already open', async () => {
    const staff = await userWithRole(t, 'staff');
    const live = await liveSession(t, staff, 4, 4, [{ kind: 'approve', title: ITEM }]);
    const member = live.roster.delegates[0]!;
    const setPresidium = (presidium: boolean) =>
      t
        .http()
        .patch(`/api/delegates/${member.id}`)
        .set(bearer(staff))
        .send({ presidium })
        .expect(200);
    await setPresidium(true);
    const tablets = await hallTablets(t, live);
    sockets.push(...tablets);
    for (const s of tablets)
      expect((await s.emitWithAck('session:join', { sessionId: live.sessionId })).ok).toBe(true);
    const projector = await watcherSocket(t, staff, live.sessionId);
    sockets.push(projector);
    const watched = feed<{ cast: number }>(projector, 'poll:turnout');
    const onScreen = feed<{ cast: number }>(tablets[0]!, 'poll:turnout');

    const pollId = await openPoll(t, staff, live, ITEM, { keyMode: 'custodian' });
    await castSecret(tablets[1]!, live.sessionId, pollId, [marks(3, 0)]);
    await onScreen.until((x) => x.cast === 1);

    await setPresidium(false);
    const seenBefore = onScreen.seen.length;
    await castSecret(tablets[2]!, live.sessionId, pollId, [marks(3, 0)]);
    await watched.until((x) => x.cast === 2);
    // The result comes to the same socket after every earlier turnout: none of those came.
    const result = new Promise((r) => tablets[0]!.once('poll:result', r));
    await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    await result;
    expect(onScreen.seen.slice(seenBefore)).toEqual([]);
    // Still in the hall: the ex-member's tablet follows the session as any delegate's does.
    const state = await tablets[0]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect((state.decided as { id: string }[]).map((p) => p.id)).toContain(pollId);
  });
});
