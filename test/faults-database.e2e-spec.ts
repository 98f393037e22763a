import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ballotShape, encryptBallot, marks } from '../libs/ballot/src/index.js';
import type { OpenPollView } from '../libs/contracts/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { waitFor } from './utils/events.js';
import { hallTablets, liveSession, openPoll } from './utils/live-session.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { clusterUrl, databaseUrl, withClient } from './setup/test-database.js';

const VOTERS = 9;
const ITEM = '审议通过《集体合同（草案）》';

/**
 * What the api sees when PostgreSQL restarts: every connection cut, and new ones refused until
 * the server is back. Done on this test's own database of the shared cluster (other test files
 * keep running): refuse connections to it, then end every backend on it.
 */
async function databaseDown(database: string): Promise<void> {
  await withClient(clusterUrl(), async (c) => {
    await c.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await c.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
  });
}

async function databaseUp(database: string): Promise<void> {
  await withClient(clusterUrl(), (c) =>
    c.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`),
  );
}

const readiness = (api: ApiProcess) =>
  fetch(`${api.url}/health/ready`).then(
    (r) => r.status,
    () => 0,
  );

describe('faults: PostgreSQL restarts in the middle of a poll', () => {
  let database: string;
  let api: ApiProcess;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess(databaseUrl(database), await freePort());
  }, 120_000);
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await api?.kill('SIGTERM');
    if (database) {
      await databaseUp(database);
      await dropTestDatabase(database);
    }
  });

  it('refuses casts with a code while the database is away, recovers by itself, and loses no acknowledged ballot', async () => {
    const staff = await userWithRole(api, 'staff');
    const live = await liveSession(api, staff, VOTERS, VOTERS, [{ kind: 'approve', title: ITEM }]);
    tablets.push(...(await hallTablets(api, live)));
    const pollId = await openPoll(api, staff, live, ITEM, { keyMode: 'custodian' });

    // Each tablet makes its ballot while the database is up (赞成 for all).
    const ballots = await Promise.all(
      tablets.map(async (s) => {
        const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
        const p = (state.open as OpenPollView[]).find((x) => x.id === pollId)!;
        return encryptBallot({
          key: p.electionKey!,
          shape: ballotShape(p.pollSpec),
          voter: p.voter!,
          choices: [marks(3, 0)],
        }).ballot;
      }),
    );
    const cast = (i: number) =>
      tablets[i]!.timeout(30_000).emitWithAck('poll:cast', { pollId, ballot: ballots[i] });

    // Three ballots are acknowledged before the outage.
    const before = [];
    for (const i of [0, 1, 2]) {
      const ack = await cast(i);
      expect(ack.ok).toBe(true);
      before.push(ack.receipt.tracker as string);
    }

    await databaseDown(database);
    // Readiness says so, and the process is still there.
    await waitFor(async () => (await readiness(api)) === 503, 30_000, 'readiness 503');
    // A cast during the outage is answered (not left hanging) with a code the tablet can act
    // on: it keeps the ballot and casts again.
    const during = await cast(3);
    expect(during.ok).toBe(false);
    expect(during.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(api.child.exitCode).toBeNull();
    // An HTTP request gets a 503 with a JSON body, not a 500 with a stack.
    const http = await api.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff));
    expect(http.status).toBe(503);
    expect(http.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(http.headers['retry-after']).toBe('5');
    expect(JSON.stringify(http.body)).not.toMatch(/\bat .*\.js:\d+/);

    // PostgreSQL is back: the api reconnects without a restart.
    await databaseUp(database);
    await waitFor(async () => (await readiness(api)) === 200, 60_000, 'readiness 200');
    for (let i = 3; i < VOTERS; i++) {
      const ack = await cast(i);
      expect(ack).toMatchObject({ ok: true });
    }
    // The ballots acknowledged before the outage are still there: casting again gives the same
    // receipt, and the close counts each once.
    for (const [i, tracker] of before.entries()) {
      const again = await cast(i);
      expect(again.receipt.tracker).toBe(tracker);
    }
    const closed = await api
      .http()
      .post(`/api/polls/${pollId}/close`)
      .set(bearer(staff))
      .expect(200);
    expect(closed.body.result.ballots).toEqual({ cast: VOTERS, counted: VOTERS, excluded: 0 });
    expect(closed.body.result.counts).toEqual([[VOTERS, 0, 0]]);
    expect(api.child.exitCode).toBeNull();

    // And it still stops cleanly: SIGTERM after the restart once hung for ever, waiting on a
    // dead connection the socket.io adapter never gave back to its pool.
    const exited = api.kill('SIGTERM').then(() => true);
    await waitFor(
      () => Promise.race([exited, Promise.resolve(false)]),
      60_000,
      'api exit on SIGTERM',
    );
    expect(api.output()).toContain('database connections closed');
  }, 240_000);
});
