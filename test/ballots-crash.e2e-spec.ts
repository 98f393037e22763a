import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ballotShape, encryptBallot, marks } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { hallTablets, liveSession, openPoll } from './utils/live-session.js';
import { answerClose, delegatesAsTellers, runCeremony } from './utils/tellers.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { databaseUrl, withClient } from './setup/test-database.js';

const VOTERS = 30;
const choiceOf = (i: number) => i % 3; // 赞成 / 反对 / 弃权 in turn: 10 each

interface OpenPoll {
  id: string;
  pollSpec: { questions: { kind: 'motion'; options: number }[] };
  electionKey: Parameters<typeof encryptBallot>[0]['key'];
  voter: string;
}

/** Connected (again, after a restart) — resolves on the next `connect`. */
const connectedAgain = (s: TabletSocket) =>
  new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())));

describe('nothing lost: SIGKILL while ballots arrive, then restart', () => {
  let database: string;
  let port: number;
  let api: ApiProcess;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    api = await startApiProcess(databaseUrl(database), port);
  });
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
  });

  it('counts every acknowledged ballot once, and tablets learn on their own whether they voted', async () => {
    const staff = await userWithRole(api, 'staff');
    const live = await liveSession(api, staff, VOTERS, VOTERS, [
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
    ]);
    // Tellers' keys: a custodian key would live in the killed process only.
    const tellers = await delegatesAsTellers(
      api,
      live.roster.delegates.slice(0, 3).map((d) => live.tokens.get(d.id)!),
    );
    await runCeremony(api, staff, live.sessionId, tellers);
    tablets.push(...(await hallTablets(api, live)));
    const pollId = await openPoll(api, staff, live, '审议通过《集体合同（草案）》');

    // Every tablet prepares its ballot (encryption happens on the tablet), then all cast at once.
    const states = await Promise.all(
      tablets.map((s) => s.emitWithAck('poll:state', { sessionId: live.sessionId })),
    );
    const ballots = states.map((st, i) => {
      const p = (st.open as OpenPoll[]).find((x) => x.id === pollId)!;
      return encryptBallot({
        key: p.electionKey,
        shape: ballotShape(p.pollSpec),
        voter: p.voter,
        choices: [marks(3, choiceOf(i))],
      }).ballot;
    });
    const acked = new Map<number, { tracker: string }>();
    let firstAck: () => void;
    const firstAcked = new Promise<void>((resolve) => (firstAck = resolve));
    const casts = tablets.map((s, i) =>
      s
        .timeout(2_000)
        .emitWithAck('poll:cast', { pollId, ballot: ballots[i] })
        .then((ack: { ok: boolean; receipt: { tracker: string } }) => {
          if (!ack.ok) return;
          acked.set(i, ack.receipt);
          firstAck();
        })
        // The casts still in flight when the api is killed time out: that is the point.
        .catch(() => undefined),
    );
    // Kill the api as soon as the first acknowledgement is in, with the rest still arriving.
    // (Or when every cast has ended without one: then the assertion below says so, not a timeout.)
    await Promise.race([firstAcked, Promise.all(casts)]);
    await api.kill('SIGKILL');
    await Promise.all(casts);
    const ackedBeforeCrash = new Map(acked);
    expect(ackedBeforeCrash.size).toBeGreaterThanOrEqual(1);

    // Acknowledged ⇒ stored: every receipt sent before the kill is a row, and the batch the kill
    // cut short left nothing behind (positions 1..n, the head moved to n).
    const board = await withClient(databaseUrl(database), async (c) => ({
      rows: (
        await c.query<{ tracker: string; position: number }>(
          `SELECT tracker, position FROM poll_ballots WHERE poll_id = $1 ORDER BY position`,
          [pollId],
        )
      ).rows,
      size: (
        await c.query<{ n: number }>(`SELECT board_size AS n FROM polls WHERE id = $1`, [pollId])
      ).rows[0]!.n,
    }));
    const storedTrackers = new Set(board.rows.map((r) => r.tracker));
    for (const r of ackedBeforeCrash.values()) expect(storedTrackers.has(r.tracker)).toBe(true);
    expect(board.rows.map((r) => r.position)).toEqual(board.rows.map((_, i) => i + 1));
    expect(board.size).toBe(board.rows.length);

    // Same database, same port: the tablets reconnect by themselves.
    api = await startApiProcess(databaseUrl(database), port);
    await Promise.all(tablets.map(connectedAgain));

    // Each tablet asks what it has done, and casts only if its ballot is not on the server.
    const seen = { ackedBeforeCrash: ackedBeforeCrash.size, storedUnacked: 0, castAgain: 0 };
    for (const [i, s] of tablets.entries()) {
      const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
      const receipt = (state.receipts as { pollId: string; tracker: string }[]).find(
        (r) => r.pollId === pollId,
      );
      if (ackedBeforeCrash.has(i)) expect(receipt?.tracker).toBe(ackedBeforeCrash.get(i)!.tracker);
      if (receipt && !ackedBeforeCrash.has(i)) seen.storedUnacked++;
      if (!receipt) {
        seen.castAgain++;
        const again = await s.emitWithAck('poll:cast', { pollId, ballot: ballots[i] });
        expect(again.ok).toBe(true);
      } else {
        // Sending the same ballot again is harmless: the same receipt comes back.
        const again = await s.emitWithAck('poll:cast', { pollId, ballot: ballots[i] });
        expect(again.receipt.tracker).toBe(receipt.tracker);
      }
    }
    // The kill must have come while ballots were still arriving: some were lost in flight.
    expect(seen.castAgain + seen.storedUnacked).toBeGreaterThan(0);
    console.log('SIGKILL during casting:', JSON.stringify(seen));

    const closed = await api
      .http()
      .post(`/api/polls/${pollId}/close`)
      .set(bearer(staff))
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', keyMode: 'tellers', result: null });

    // One teller answers, the api is killed again: the partial and the prepared close are in the
    // database, so after the restart the second teller's answer decides the poll.
    expect((await answerClose(api, pollId, tellers[0]!)).status).toBe(201);
    await api.kill('SIGKILL');
    api = await startApiProcess(databaseUrl(database), port);
    const status = await api.http().get(`/api/polls/${pollId}/decryption`).set(bearer(staff));
    expect(status.body).toMatchObject({ waiting: true, missing: [2, 3] });
    expect((await answerClose(api, pollId, tellers[2]!)).status).toBe(201);
    const polls = await api.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff));
    const result = polls.body.find((p: { id: string }) => p.id === pollId).result;
    expect(result.ballots).toEqual({ cast: VOTERS, counted: VOTERS, excluded: 0 });
    expect(result.counts).toEqual([[10, 10, 10]]);
  }, 300_000);
});
