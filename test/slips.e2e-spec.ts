import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSlipBatch, type Slip, type SlipBatch } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { runCeremony, tellerAccounts, type TellerDevice } from './utils/tellers.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

describe('ballot slips (投票凭证): tellers upload public keys, a slips poll binds them, each ballot is signed by one slip per teller', () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  let tellers: TellerDevice[];
  const tablets: TabletSocket[] = [];
  /** The "printed" slips of each teller's box, by teller index. */
  const boxes = new Map<number, Slip[]>();
  const batches = new Map<number, SlipBatch>();
  const MOTION = '审议通过《集体合同（草案）》';
  const SECOND = '审议决定《福利基金使用方案》';
  const OPEN_VOTE = '审议通过《职工代表大会工作报告》';
  // 6 serving delegates (the first 5 checked in): each box holds at least 6 slips.
  const DELEGATES = 6;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    live = await liveSession(t, staff, DELEGATES, 5, [
      { kind: 'approve', title: MOTION },
      { kind: 'decide', title: SECOND },
      { kind: 'approve', title: OPEN_VOTE },
    ]);
    tellers = await tellerAccounts(t, 3);
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
    for (const d of tellers) {
      const made = generateSlipBatch({ sessionId: live.sessionId, teller: d.index, count: 8 });
      boxes.set(d.index, made.slips);
      batches.set(d.index, made.batch);
    }
  });
  afterAll(() => t.close());

  const upload = (token: string, publicKeys: unknown) =>
    t
      .http()
      .post(`/api/sessions/${live.sessionId}/slip-batches`)
      .set(bearer(token))
      .send({ publicKeys });
  const listed = (token: string) =>
    t.http().get(`/api/sessions/${live.sessionId}/slip-batches`).set(bearer(token));

  it('takes no batch before the session has a ready ceremony', async () => {
    const res = await upload(tellers[0]!.token, batches.get(1)!.publicKeys);
    expect([res.status, res.body.code]).toEqual([409, 'TELLERS_SLIPS_NO_CEREMONY']);
    expect((await listed(staff).expect(200)).body).toEqual({
      tellers: 0,
      batches: [],
      complete: false,
    });
  });

  it("takes each teller's batch once, refuses a non-teller, too few keys and a malformed list", async () => {
    await runCeremony(t, staff, live.sessionId, tellers);
    const delegate = live.tokens.get(live.roster.delegates[0]!.id)!;
    const keys = batches.get(1)!.publicKeys;

    const notTeller = await upload(delegate, keys);
    expect([notTeller.status, notTeller.body.code]).toEqual([403, 'TELLERS_NOT_A_TELLER']);
    const tooFew = await upload(tellers[0]!.token, keys.slice(0, DELEGATES - 1));
    expect([tooFew.status, tooFew.body.code]).toEqual([400, 'TELLERS_SLIPS_BAD']);
    expect(tooFew.body.details).toEqual({ count: DELEGATES - 1, needed: DELEGATES });
    const unsorted = await upload(tellers[0]!.token, [...keys].reverse());
    expect([unsorted.status, unsorted.body.code]).toEqual([400, 'TELLERS_SLIPS_BAD']);
    const notHex = await upload(tellers[0]!.token, [...keys.slice(1), 'zz'.repeat(32)]);
    expect([notHex.status, notHex.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const first = await upload(tellers[0]!.token, keys).expect(201);
    expect(first.body).toEqual({
      teller: 1,
      count: 8,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedAt: expect.any(String),
    });
    const again = await upload(tellers[0]!.token, keys);
    expect([again.status, again.body.code]).toEqual([409, 'TELLERS_SLIPS_EXISTS']);
    await upload(tellers[1]!.token, batches.get(2)!.publicKeys).expect(201);

    // Staff, the term's delegates and the tellers see which are in (never the keys); others not.
    const seen = (await listed(delegate).expect(200)).body;
    expect(seen).toMatchObject({ tellers: 3, complete: false });
    expect(seen.batches.map((b: { teller: number }) => b.teller)).toEqual([1, 2]);
    expect(JSON.stringify(seen)).not.toContain(keys[0]);
    await listed(tellers[2]!.token).expect(200);
    const admin = await userWithRole(t, 'admin', 'slips-admin');
    const refused = await listed(admin);
    expect([refused.status, refused.body.code]).toEqual([403, 'TELLERS_SLIPS_FORBIDDEN']);
  });
});
