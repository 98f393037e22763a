import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  type Ballot,
  ballotShape,
  ceremonyKey,
  combineElectionKey,
  createTrustee,
  encryptBallot,
  marks,
} from '../libs/ballot/src/index.js';
import { verifyCeremonyKey } from '../libs/ballot/src/ceremony-key.js';
import { G, mul, mulG, type Point, pointFromHex, L } from '../libs/ballot/src/group.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { castSecret } from './utils/ballots.js';
import { dumpDatabase } from './utils/dump.js';
import { liveSession } from './utils/live-session.js';
import { answerClose, runCeremony, tellerAccounts } from './utils/tellers.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

const connected = (s: TabletSocket) =>
  new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())));

/**
 * Every 32-byte value written as 64 hex digits (the form libs/ballot writes every scalar in), read
 * as a scalar both little- and big-endian. Values in other encodings are outside this search.
 */
function candidateScalars(text: string): bigint[] {
  const found = new Set<bigint>();
  for (const [hex] of text.matchAll(/(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/g)) {
    const be = BigInt(`0x${hex}`);
    const le = BigInt(`0x${hex.match(/../g)!.reverse().join('')}`);
    for (const x of [be, le]) if (x > 0n && x < L) found.add(x);
  }
  return [...found];
}

/** The entry's plaintext if `x` opens it: β − x·α is 0·G or 1·G for the right key, else noise. */
function opens(x: bigint, entry: { alpha: string; beta: string }): 0 | 1 | null {
  const m = pointFromHex(entry.beta, 'beta').subtract(mul(pointFromHex(entry.alpha, 'alpha'), x));
  if (m.is0()) return 0;
  return m.equals(G) ? 1 : null;
}

/** The candidates that decrypt a whole ballot (every entry opens), with what they read. */
function decrypting(candidates: bigint[], ballot: Ballot): number[][][] {
  const reads: number[][][] = [];
  for (const x of candidates) {
    const read = ballot.questions.map((q) => q.entries.map((e) => opens(x, e)));
    if (read.every((q) => q.every((v) => v !== null))) reads.push(read as number[][]);
  }
  return reads;
}

describe("nothing opens a ballot: after a session in tellers' mode, no value in the tables, logs or environment decrypts one", () => {
  let database: string;
  let api: ApiProcess;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess(databaseUrl(database), await freePort(), { LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
  });

  it('searches every 32-byte value for a key: none opens a ballot or is a teller’s share; a planted custodian key is found', async () => {
    const staff = await userWithRole(api, 'staff');
    const live = await liveSession(api, staff, 5, 5, [
      { kind: 'approve', title: '无记名事项一' },
      { kind: 'decide', title: '无记名事项二' },
    ]);
    const tellers = await tellerAccounts(api, 3);
    const ceremony = await runCeremony(api, staff, live.sessionId, tellers);
    for (const d of live.roster.delegates) {
      const s = api.socket(live.tokens.get(d.id)!);
      await connected(s);
      tablets.push(s);
    }
    const pollIds: string[] = [];
    for (const [k, title] of ['无记名事项一', '无记名事项二'].entries()) {
      const poll = await api
        .http()
        .post('/api/polls')
        .set(bearer(staff))
        .send({ itemId: live.items[title] })
        .expect(201);
      expect(poll.body.keyMode).toBe('tellers');
      pollIds.push(poll.body.id);
      for (const [i, s] of tablets.entries())
        await castSecret(s, live.sessionId, poll.body.id, [marks(3, (i + k) % 3)]);
      await api.http().post(`/api/polls/${poll.body.id}/close`).set(bearer(staff)).expect(200);
      // Tellers 1 and 3 decide the first poll, 2 and 3 the second.
      for (const d of k === 0 ? [tellers[0]!, tellers[2]!] : [tellers[1]!, tellers[2]!])
        expect((await answerClose(api, poll.body.id, d)).status).toBe(201);
    }
    const ballots: Ballot[] = [];
    for (const pollId of pollIds) {
      const record = (await api.http().get(`/api/public/polls/${pollId}/record`).expect(200)).body;
      expect(record.result.counted).toBe(5);
      ballots.push(...record.board.entries.map((e: { ballot: Ballot }) => e.ballot));
    }
    const publicCeremony = (
      await api.http().get(`/api/public/sessions/${live.sessionId}/ceremony`).expect(200)
    ).body;
    expect(publicCeremony.shortFingerprint).toBe(ceremony.shortFingerprint);
    // Y_j = x_j·G of each teller: a share found anywhere would be flagged too.
    const shareKeys: Point[] = verifyCeremonyKey(
      ceremonyKey(publicCeremony.transcript.round1),
    ).verificationKeys.map((v) => v.Y);

    const environ = readFileSync(`/proc/${api.child.pid}/environ`, 'utf8').replace(/\0/g, '\n');
    const haystack = [await dumpDatabase(databaseUrl(database)), api.output(), environ].join('\n');
    expect(api.output().length).toBeGreaterThan(1000); // the logs were written, at trace level
    const candidates = candidateScalars(haystack);
    expect(candidates.length).toBeGreaterThan(100); // trackers, hashes, points: the search reads them
    for (const ballot of ballots) expect(decrypting(candidates, ballot)).toEqual([]);
    const shares = candidates.filter((x) => shareKeys.some((Y) => mulG(x).equals(Y)));
    expect(shares).toEqual([]);

    // Control: a custodian key planted in a table is found by the same search, and opens its ballot.
    const custodian = createTrustee('control-poll', 1);
    const key = combineElectionKey('control-poll', [custodian.share]);
    const control = encryptBallot({
      key,
      shape: ballotShape({ questions: [{ kind: 'motion' }] }),
      voter: 'control-voter',
      choices: [marks(3, 1)],
    }).ballot;
    const client = new pg.Client({ connectionString: databaseUrl(database) });
    await client.connect();
    await client.query(`UPDATE congress_sessions SET place = place || $2 WHERE id = $1`, [
      live.sessionId,
      ` ${custodian.secret.secret}`,
    ]);
    await client.end();
    const planted = candidateScalars(await dumpDatabase(databaseUrl(database)));
    expect(decrypting(planted, control)).toEqual([[[0, 1, 0]]]);
    expect(decrypting(candidates, control)).toEqual([]);
  }, 240_000);
});
