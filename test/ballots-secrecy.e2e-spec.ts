import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ballotShape, encryptBallot, marks } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { feed } from './utils/events.js';
import { dumpDatabase } from './utils/dump.js';
import { liveSession } from './utils/live-session.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

const connected = (s: TabletSocket) =>
  new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('nothing revealed: no plaintext secret choice in the database, the logs or the socket traffic', () => {
  let database: string;
  let api: ApiProcess;
  const tablets: TabletSocket[] = [];
  const consoles: TabletSocket[] = [];
  const traffic: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // The most verbose logs the api can write.
    api = await startApiProcess(databaseUrl(database), await freePort(), { LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    [...tablets, ...consoles].forEach((s) => s.disconnect());
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
  });

  it('finds no cast choice anywhere, while it does find the choices of an open vote', async () => {
    const staff = await userWithRole(api, 'staff');
    const live = await liveSession(api, staff, 6, 6, [
      { kind: 'approve', title: '无记名事项' },
      {
        kind: 'elect',
        title: '记名对照',
        vote: {
          seats: 2,
          candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }],
        },
      },
    ]);
    const staffSocket = api.socket(staff);
    consoles.push(staffSocket);
    await connected(staffSocket);
    await staffSocket.emitWithAck('session:join', { sessionId: live.sessionId });
    const turnouts = feed<{ pollId: string; cast: number }>(staffSocket, 'poll:turnout');
    staffSocket.onAny((event, ...args) => traffic.push(`${event} ${JSON.stringify(args)}`));
    for (const d of live.roster.delegates) {
      const s = api.socket(live.tokens.get(d.id)!);
      await connected(s);
      s.onAny((event, ...args) => traffic.push(`${event} ${JSON.stringify(args)}`));
      tablets.push(s);
    }
    const record = (label: string, v: unknown) => traffic.push(`${label} ${JSON.stringify(v)}`);

    // Secret: 3 for, 2 against, 1 abstain. Each voter's plaintext is one of [1,0,0] [0,1,0] [0,0,1].
    const secret = await api
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['无记名事项'], keyMode: 'custodian' })
      .expect(201);
    const secretChoices = [0, 0, 0, 1, 1, 2];
    for (const [i, s] of tablets.entries()) {
      const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
      record('state', state);
      const p = state.open.find((x: { id: string }) => x.id === secret.body.id);
      const { ballot } = encryptBallot({
        key: p.electionKey,
        shape: ballotShape(p.pollSpec),
        voter: p.voter,
        choices: [marks(3, secretChoices[i]!)],
      });
      record('ack', await s.emitWithAck('poll:cast', { pollId: secret.body.id, ballot }));
    }
    const closed = await api
      .http()
      .post(`/api/polls/${secret.body.id}/close`)
      .set(bearer(staff))
      .expect(200);
    expect(closed.body.result.counts).toEqual([[3, 2, 1]]);
    record('close', closed.body);

    // Open (记名) control vote: its plaintext choice [0,1,1,0] is stored, and the search must find it.
    const open = await api
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['记名对照'], secret: false })
      .expect(201);
    expect(
      (await tablets[0]!.emitWithAck('poll:cast', { pollId: open.body.id, choice: [[0, 1, 1, 0]] }))
        .ok,
    ).toBe(true);
    // Let the turnout land (it comes at most once a second, after the cast's own log lines).
    await turnouts.until((x) => x.pollId === open.body.id && x.cast === 1);

    const dump = squash(await dumpDatabase(databaseUrl(database)));
    const logs = squash(api.output());
    const sent = squash(traffic.join('\n'));
    expect(dump).toContain('[[0,1,1,0]]'); // the search does see a plaintext when there is one
    expect(logs.length).toBeGreaterThan(1000); // and the logs were really written at trace level
    for (const plaintext of ['[1,0,0]', '[0,1,0]', '[0,0,1]']) {
      expect(dump).not.toContain(plaintext);
      expect(logs).not.toContain(plaintext);
      expect(sent).not.toContain(plaintext);
    }
    // Nor passwords or tokens (issue 2: the logs never contain them).
    expect(logs).not.toContain('admin-password-for-tests');
    expect(logs).not.toContain('second-pass-123');
    expect(logs).not.toContain(staff);
    for (const token of live.tokens.values()) expect(logs).not.toContain(token);
    // Nor a per-voter choice label next to a voter in the logs.
    expect(logs).not.toMatch(/"choice"|"choices"/);
  }, 120_000);
});
