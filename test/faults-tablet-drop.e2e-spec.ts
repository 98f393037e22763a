import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket as NetSocket } from 'node:net';
import { ballotShape, encryptBallot, marks } from '../libs/ballot/src/index.js';
import type { OpenPollView, PollView, Receipt } from '../libs/contracts/src/index.js';
import { PollTimer } from '../apps/api/src/ballots/poll-timer.service.js';
import { Clock } from '../apps/api/src/common/clock.js';
import { bearer, userWithRole } from './utils/actors.js';
import { castSecret } from './utils/ballots.js';
import { feed } from './utils/events.js';
import { liveSession, type LiveSession, watcherSocket } from './utils/live-session.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

const MOTION = '审议通过《集体合同（草案）》';

/** The TCP connection under a websocket-only socket.io client. */
const tcpOf = (s: TabletSocket) =>
  (s.io.engine.transport as unknown as { ws: { _socket: NetSocket } }).ws._socket;

/**
 * Fault: a tablet's Wi-Fi drops for 30 s of poll time in the middle of a vote. Its connection is
 * cut under it (the TCP socket destroyed, no socket.io goodbye), the poll stays open while the
 * others vote and the clock moves 30 s on, then the tablet connects again with its token, joins,
 * and asks `poll:state` whether its ballot is in (its receipts). What it had cast and was
 * acknowledged is there once; what it had not cast it casts now and it is counted once; a cast
 * whose acknowledgement was lost with the connection is sent again and answered with the same
 * receipt, never counted twice.
 */
describe('fault: a tablet drops for 30 s mid-vote and comes back', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  let clock: Clock;
  let poll: PollView;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    staff = await userWithRole(t, 'staff');
    live = await liveSession(t, staff, 5, 5, [{ kind: 'approve', title: MOTION }]);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
  });
  afterAll(async () => {
    clock.fix(null);
    await t.close();
  });

  /** Cuts the tablet's connection under it; resolves once the client noticed. */
  async function drop(s: TabletSocket): Promise<void> {
    const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
    tcpOf(s).destroy();
    expect(await gone).toBe('transport close');
  }

  /** A new connection with the same token: the handshake authenticates it again. */
  async function reconnect(s: TabletSocket): Promise<OpenPollViewState> {
    const back = connected(s);
    s.connect();
    await back;
    const joined = await s.emitWithAck('session:join', { sessionId: live.sessionId });
    expect(joined.ok).toBe(true);
    const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect(state.ok).toBe(true);
    return state as OpenPollViewState;
  }
  type OpenPollViewState = { open: OpenPollView[]; receipts: Receipt[] };

  it('keeps an acknowledged ballot, lets a tablet that had not voted vote once, never counts twice', async () => {
    const start = new Date('2026-12-05T02:00:00.000Z');
    clock.fix(start);
    const res = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[MOTION], keyMode: 'custodian', durationSeconds: 120 })
      .expect(201);
    poll = res.body as PollView;
    const turnout = feed<{ pollId: string; cast: number }>(
      await watcherSocket(t, staff, live.sessionId),
      'poll:turnout',
    );
    const [voted, notYet, inFlight] = [tablets[0]!, tablets[1]!, tablets[2]!];

    // 0 casts and is acknowledged, then drops; 1 drops before casting.
    const kept = await castSecret(voted, live.sessionId, poll.id, [marks(3, 0)]);
    await drop(voted);
    await drop(notYet);
    // 2 sends its ballot and loses the connection before the acknowledgement can come back.
    const state2 = await inFlight.emitWithAck('poll:state', { sessionId: live.sessionId });
    const open2 = (state2.open as OpenPollView[]).find((p) => p.id === poll.id)!;
    const { ballot } = encryptBallot({
      key: open2.electionKey!,
      shape: ballotShape(open2.pollSpec),
      voter: open2.voter!,
      choices: [marks(3, 1)],
    });
    const lostAck = inFlight.timeout(5_000).emitWithAck('poll:cast', { pollId: poll.id, ballot });
    await drop(inFlight);
    await expect(lostAck).rejects.toThrow();

    // While they are away the others vote and 30 s of poll time pass: the poll stays open.
    await castSecret(tablets[3]!, live.sessionId, poll.id, [marks(3, 0)]);
    clock.fix(new Date(start.getTime() + 30_000));
    expect(await t.app.get(PollTimer).sweep()).toEqual([]);

    // Back: 0 learns its ballot is in, with the receipt it was given; a second cast is refused.
    const back0 = await reconnect(voted);
    expect(back0.open.map((p) => p.id)).toContain(poll.id);
    expect(back0.receipts.filter((r) => r.pollId === poll.id)).toEqual([kept]);
    const again = await castSecret(voted, live.sessionId, poll.id, [marks(3, 1)]).catch(
      (e: Error) => e.message,
    );
    expect(again).toContain('POLL_ALREADY_VOTED');

    // 1 learns it has not voted, votes now, and is counted.
    const back1 = await reconnect(notYet);
    expect(back1.receipts.filter((r) => r.pollId === poll.id)).toEqual([]);
    const late = await castSecret(notYet, live.sessionId, poll.id, [marks(3, 2)]);
    expect(late.pollId).toBe(poll.id);

    // 2 cannot know whether its ballot arrived: it asks, and sends the same ballot again if it is
    // not listed. Either way the answer is one receipt for one stored ballot.
    const back2 = await reconnect(inFlight);
    const listed = back2.receipts.filter((r) => r.pollId === poll.id);
    const resent = await inFlight.emitWithAck('poll:cast', { pollId: poll.id, ballot });
    expect(resent.ok).toBe(true);
    if (listed.length > 0) expect(listed).toEqual([resent.receipt]);
    const after2 = await inFlight.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect((after2.receipts as Receipt[]).filter((r) => r.pollId === poll.id)).toEqual([
      resent.receipt,
    ]);

    // Four ballots: turnout, the board and the result count each once.
    await turnout.until((x) => x.pollId === poll.id && x.cast === 4);
    const [{ n }] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM poll_ballots WHERE poll_id = $1`,
      [poll.id],
    );
    expect(Number(n)).toBe(4);
    const results = feed<PollView>(tablets[4]!, 'poll:result');
    await t.http().post(`/api/polls/${poll.id}/close`).set(bearer(staff)).expect(200);
    const decided = await results.until((r) => r.id === poll.id, 30_000);
    // 赞成: 0 and 3; 反对: 2 (the resent ballot); 弃权: 1 (cast after coming back); 4 did not vote.
    expect(decided.result?.counts).toEqual([[2, 1, 1]]);
  });
});
