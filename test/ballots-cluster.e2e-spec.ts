import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ballotShape, encryptBallot, marks } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { liveSession } from './utils/live-session.js';
import { answerClose, delegatesAsTellers, runCeremony } from './utils/tellers.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';
import { waitFor } from './utils/events.js';

const VOTERS = 10;
const connected = (s: TabletSocket) =>
  new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())));

describe('two api processes on one PostgreSQL (@socket.io/postgres-adapter)', () => {
  let database: string;
  let a: ApiProcess;
  let b: ApiProcess;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    [a, b] = await Promise.all([
      freePort().then((p) => startApiProcess(databaseUrl(database), p)),
      freePort().then((p) => startApiProcess(databaseUrl(database), p)),
    ]);
  });
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await dropTestDatabase(database);
  });

  it('opens a poll through one, takes ballots through both, counts each once, tells everyone', async () => {
    const staff = await userWithRole(a, 'staff');
    const live = await liveSession(a, staff, VOTERS, VOTERS, [
      { kind: 'decide', title: '审议决定《福利费使用方案》' },
    ]);
    // Tellers' keys (a custodian key would live in one process only); the ceremony through B.
    const tellers = await delegatesAsTellers(
      a,
      live.roster.delegates.slice(0, 3).map((d) => live.tokens.get(d.id)!),
    );
    await runCeremony(b, staff, live.sessionId, tellers);
    const via = (i: number) => (i % 2 === 0 ? a : b);
    for (const [i, d] of live.roster.delegates.entries()) {
      const s = via(i).socket(live.tokens.get(d.id)!);
      await connected(s);
      expect((await s.emitWithAck('session:join', { sessionId: live.sessionId })).ok).toBe(true);
      tablets.push(s);
    }

    const opened = Promise.all(
      tablets.map((s) => new Promise<{ id: string }>((r) => s.once('poll:opened', r))),
    );
    const poll = await a
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['审议决定《福利费使用方案》'] })
      .expect(201);
    const pollId = poll.body.id as string;
    // Tablets on B hear of a poll opened through A.
    expect((await opened).every((p) => p.id === pollId)).toBe(true);

    // 7 for, 3 against, each tablet through its own process, all at once.
    const acks = await Promise.all(
      tablets.map(async (s, i) => {
        const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
        const p = state.open.find((x: { id: string }) => x.id === pollId);
        const { ballot } = encryptBallot({
          key: p.electionKey,
          shape: ballotShape(p.pollSpec),
          voter: p.voter,
          choices: [marks(3, i < 7 ? 0 : 1)],
        });
        return s.emitWithAck('poll:cast', { pollId, ballot });
      }),
    );
    expect(acks.every((x) => x.ok)).toBe(true);
    // A ballot sent again through the other process is the same ballot: same receipt, not a second vote.
    const state0 = await tablets[1]!.emitWithAck('poll:state', { sessionId: live.sessionId });
    expect(state0.receipts[0].tracker).toBe(acks[1].receipt.tracker);

    const results = Promise.all(
      tablets.map(
        (s) => new Promise<{ result: { counts: number[][] } }>((r) => s.once('poll:result', r)),
      ),
    );
    const closed = await b.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result).toBeNull();
    // Each process kept the sum of the ballots it stored; B's close asked A for its part, so
    // the board's ballots were not added again.
    const prepared = /"sum":"kept while casting"[^\n]*close prepared/;
    await waitFor(async () => prepared.test(b.output()), 30_000, 'the close logged');
    // The tellers answer through different processes; the second decides it, everyone hears.
    expect((await answerClose(a, pollId, tellers[0]!)).status).toBe(201);
    expect((await answerClose(b, pollId, tellers[1]!)).status).toBe(201);
    const polls = await a.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff));
    const result = polls.body.find((p: { id: string }) => p.id === pollId).result;
    expect(result.ballots).toEqual({ cast: VOTERS, counted: VOTERS, excluded: 0 });
    expect(result.counts).toEqual([[7, 3, 0]]);
    expect(result.decision.passed).toBe(true);
    expect((await results).every((r) => r.result.counts[0]![0] === 7)).toBe(true);
  }, 240_000);

  it('ends a socket on one process when its token is revoked through the other', async () => {
    const token = await a.login('admin', 'admin-password-for-tests');
    const s = b.socket(token);
    await connected(s);
    const closed = new Promise<string>((r) => s.once('disconnect', (reason) => r(reason)));
    await a.http().post('/api/auth/logout').set(bearer(token)).expect(204);
    expect(await closed).toBe('io server disconnect');
    s.disconnect();
  });
});
