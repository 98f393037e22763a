import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PollView } from '../libs/contracts/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { tellerAccounts, runCeremony } from './utils/tellers.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

const FIRST = '审议通过《集体合同（草案）》';
const SECOND = '审议通过《工资集体协商方案》';

/**
 * GB 50799 §6.2 "started by the chair or the operator, closed by the chair": a presidium member
 * starts a poll on the next item from the presidium's screen (with the defaults, under the
 * tellers' key) and closes it; a delegate not on the presidium is refused; staff still can.
 */
describe("polls started and closed by the chair from the presidium's screen", () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  const tokenOf = (i: number) => live.tokens.get(live.roster.delegates[i]!.id)!;
  const start = (token: string, itemId: string) =>
    t
      .http()
      .post(`/api/sessions/${live.sessionId}/presidium/polls`)
      .set(bearer(token))
      .send({ itemId });
  const close = (token: string, pollId: string) =>
    t.http().post(`/api/polls/${pollId}/presidium-close`).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    live = await liveSession(t, staff, 4, 3, [
      { kind: 'approve', title: FIRST },
      { kind: 'approve', title: SECOND },
    ]);
    await t
      .http()
      .patch(`/api/delegates/${live.roster.delegates[0]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a presidium delegate starts the next item and closes it; a plain delegate gets 403', async () => {
    const chair = tokenOf(0);
    const plain = tokenOf(1);
    const refused = await start(plain, live.items[FIRST]!).expect(403);
    expect(refused.body.code).toBe('POLL_NOT_PRESIDIUM');
    // Secret under the tellers' key: without a ready ceremony it is refused, never custodian.
    const noKey = await start(chair, live.items[FIRST]!).expect(409);
    expect(noKey.body.code).toBe('POLL_NO_TELLERS_KEY');
    await runCeremony(t, staff, live.sessionId, await tellerAccounts(t, 3));
    // Only the item the screen shows as next.
    const notNext = await start(chair, live.items[SECOND]!).expect(409);
    expect(notNext.body.code).toBe('POLL_ITEM_NOT_VOTABLE');
    const bad = await start(chair, 'not-a-uuid').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');

    const opened = (await start(chair, live.items[FIRST]!).expect(201)).body as PollView;
    expect(opened).toMatchObject({
      title: FIRST,
      status: 'open',
      secret: true,
      keyMode: 'tellers',
      pressRule: 'first',
      resultRelease: 'immediate',
      closesAt: null,
    });
    const refusedClose = await close(plain, opened.id).expect(403);
    expect(refusedClose.body.code).toBe('POLL_NOT_PRESIDIUM');
    const closed = (await close(chair, opened.id).expect(200)).body as PollView;
    expect(closed.status).toBe('closed');
    await close(chair, opened.id).expect(409);

    // Who started and closed it is recorded, and audit-logged like staff actions.
    const me = await t.http().get('/api/auth/me').set(bearer(chair)).expect(200);
    const [row] = await t.sql('SELECT opened_by, closed_by FROM polls WHERE id = $1', [opened.id]);
    expect(row).toEqual({ opened_by: me.body.id, closed_by: me.body.id });
    const admin = await userWithRole(t, 'admin', 'auditor');
    const audit = (await t.http().get('/api/audit').set(bearer(admin)).expect(200)).body as {
      action: string;
      actorId: string;
      target: string | null;
    }[];
    const mine = audit.filter((e) => e.actorId === me.body.id).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['poll.start.presidium', 'poll.close.presidium']));
    // The refused attempts are not in the log.
    expect(audit.filter((e) => e.action === 'poll.start.presidium')).toHaveLength(1);
  });

  it('staff still can, from the same screen', async () => {
    const view = await t
      .http()
      .get(`/api/sessions/${live.sessionId}/presidium-view`)
      .set(bearer(staff))
      .expect(200);
    expect(view.body.nextItemId).toBe(live.items[SECOND]);
    const opened = (await start(staff, live.items[SECOND]!).expect(201)).body as PollView;
    expect(opened.title).toBe(SECOND);
    const closed = await close(staff, opened.id).expect(200);
    expect(closed.body.status).toBe('closed');
  });
});
