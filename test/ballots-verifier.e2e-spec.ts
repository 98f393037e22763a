import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Ballot, ballotShape, encryptBallot, marks } from '../libs/ballot/src/index.js';
import { forgeBallot } from '../libs/ballot/src/testing.js';
import type { OpenPollView } from '../libs/contracts/src/index.js';
import { userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { hallTablets, liveSession, openPoll } from './utils/live-session.js';
import { delegatesAsTellers, runCeremony } from './utils/tellers.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { databaseUrl, withClient } from './setup/test-database.js';

const VOTERS = 12;
const ITEM = '审议通过《集体合同（草案）》';

/**
 * The built api with one verifier thread, which is handed several ballots at a time (it no longer
 * waits for the event loop between two): ballots checked side by side each get their own verdict.
 */
describe('the verifier thread, several ballots in hand at once', () => {
  let database: string;
  let api: ApiProcess;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess(databaseUrl(database), await freePort(), {
      BALLOT_VERIFY_THREADS: '1',
    });
  });
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
  });

  it('refuses each bad ballot with its own reason while the good ones cast at the same moment are stored', async () => {
    const staff = await userWithRole(api, 'staff');
    const live = await liveSession(api, staff, VOTERS, VOTERS, [{ kind: 'approve', title: ITEM }]);
    const tellers = await delegatesAsTellers(
      api,
      live.roster.delegates.slice(0, 3).map((d) => live.tokens.get(d.id)!),
    );
    await runCeremony(api, staff, live.sessionId, tellers);
    tablets.push(...(await hallTablets(api, live)));
    const pollId = await openPoll(api, staff, live, ITEM);

    const polls = await Promise.all(
      tablets.map(async (s) => {
        const st = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
        const p = (st.open as OpenPollView[]).find((x) => x.id === pollId)!;
        return { key: p.electionKey!, shape: ballotShape(p.pollSpec), voter: p.voter! };
      }),
    );
    type Poll = (typeof polls)[number];
    const honest = (p: Poll): Ballot => encryptBallot({ ...p, choices: [marks(3, 0)] }).ballot;
    // Bad ballots only the proofs' check finds (well-formed JSON and hex), each kind its reason.
    const bad: Record<string, (p: Poll) => Ballot> = {
      BAD_ENCODING: (p) => {
        const b = honest(p);
        b.questions[0]!.entries[1]!.alpha = 'ff'.repeat(32); // not a ristretto255 point
        return b;
      },
      DEGENERATE_CIPHERTEXT: (p) =>
        forgeBallot(p.key, p.shape, p.voter, [marks(3, 0)], undefined, {
          zeroRandomness: true,
        }),
      // Two marks on a one-mark motion, with proofs made for them and relabelled.
      SUM_PROOF_FAILED: (p) => forgeBallot(p.key, p.shape, p.voter, [[1, 1, 0]]),
    };
    const kinds = [null, 'BAD_ENCODING', null, 'DEGENERATE_CIPHERTEXT', null, 'SUM_PROOF_FAILED'];
    const expected = (i: number): string | null => kinds[i % kinds.length] ?? null;
    const ballots = polls.map((p, i) => {
      const kind = expected(i);
      return kind ? bad[kind]!(p) : honest(p);
    });

    // All at once: the verifier holds several of them at a time.
    const acks = await Promise.all(
      tablets.map((s, i) => s.emitWithAck('poll:cast', { pollId, ballot: ballots[i] })),
    );
    acks.forEach((ack, i) => {
      if (expected(i)) {
        expect(ack).toMatchObject({
          ok: false,
          error: { code: 'POLL_BALLOT_INVALID', details: { check: expected(i) } },
        });
      } else {
        expect(ack.ok).toBe(true);
      }
    });
    const good = acks.filter((a) => a.ok).length;
    expect(good).toBe(VOTERS / 2);

    // A refused ballot used nothing up: those delegates cast a good one now.
    for (const [i, s] of tablets.entries()) {
      if (!expected(i)) continue;
      expect((await s.emitWithAck('poll:cast', { pollId, ballot: honest(polls[i]!) })).ok).toBe(
        true,
      );
    }
    const stored = await withClient(databaseUrl(database), async (c) =>
      c.query<{ n: number }>(`SELECT count(*)::int AS n FROM poll_ballots WHERE poll_id = $1`, [
        pollId,
      ]),
    );
    expect(stored.rows[0]!.n).toBe(VOTERS);
  });
});
