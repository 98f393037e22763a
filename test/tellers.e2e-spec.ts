import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  BoardFollower,
  ceremonyRound1,
  marks,
  type PreparedClose,
  type PollKey,
  verifyCeremonyTranscript,
  verifyElectionRecordV2,
} from '../libs/ballot/src/index.js';
import type { CeremonyProgress, DecryptionRequest } from '../libs/contracts/src/index.js';
import { CustodianKeys } from '../apps/api/src/ballots/custodian-keys.service.js';
import { bearer, userWithRole } from './utils/actors.js';
import { castSecret } from './utils/ballots.js';
import { feed } from './utils/events.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import {
  answerClose,
  partialFor,
  runCeremony,
  startCeremony,
  tellerAccounts,
  type TellerDevice,
} from './utils/tellers.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

describe("tellers' keys: a key ceremony relayed by the api, a close decided by any 2 of 3 tellers", () => {
  let t: TestApp;
  let staff: string;
  let live: LiveSession;
  let tellers: TellerDevice[];
  let delegateToken: string;
  const tablets: TabletSocket[] = [];
  const FIRST = '审议通过《集体合同（草案）》';
  const SECOND = '审议通过《职工代表大会工作报告》';

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    // 5 delegates, all present: a majority of all needs 3.
    live = await liveSession(t, staff, 5, 5, [
      { kind: 'approve', title: FIRST },
      { kind: 'approve', title: SECOND },
    ]);
    tellers = await tellerAccounts(t, 3);
    delegateToken = live.tokens.get(live.roster.delegates[0]!.id)!;
    for (const d of live.roster.delegates) {
      const s = t.socket(live.tokens.get(d.id)!);
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      tablets.push(s);
    }
  });
  afterAll(() => t.close());

  const open = (title: string, keyMode?: string) =>
    t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title], ...(keyMode ? { keyMode } : {}) });

  it('refuses a secret poll while the session has no tellers’ key, unless custodian is chosen explicitly', async () => {
    const res = await open(FIRST).expect(409);
    expect(res.body.code).toBe('POLL_NO_TELLERS_KEY');
  });

  it('refuses fewer than 3 tellers, an unknown account and a threshold above n', async () => {
    const start = (body: object) =>
      t.http().post(`/api/sessions/${live.sessionId}/ceremonies`).set(bearer(staff)).send(body);
    const ids = tellers.map((d) => d.userId);
    expect((await start({ tellers: ids.slice(0, 2) })).status).toBe(400);
    expect((await start({ tellers: ids, threshold: 4 })).body.code).toBe('TELLERS_BAD_TELLERS');
    const unknown = [...ids.slice(0, 2), '00000000-0000-4000-8000-000000000000'];
    expect((await start({ tellers: unknown })).body.code).toBe('TELLERS_BAD_TELLERS');
    // Only staff name the tellers.
    expect((await start({ tellers: ids }).set(bearer(tellers[0]!.token))).status).toBe(403);
  });

  it('checks every message: a non-teller and a delegate get 403, a bad message 400 with its code', async () => {
    const { id, ceremonyId } = await startCeremony(t, staff, live.sessionId, tellers);
    const params = { ceremonyId, threshold: 2, tellers: 3 };
    const post = (token: string, path: string, message: object) =>
      t.http().post(`/api/ceremonies/${id}/${path}`).set(bearer(token)).send({ message });
    const r1 = ceremonyRound1({ ...params, index: 1 }).message;
    expect((await post(staff, 'round1', r1)).body.code).toBe('TELLERS_NOT_A_TELLER');
    const asDelegate = await post(delegateToken, 'round1', r1);
    expect([asDelegate.status, asDelegate.body.code]).toEqual([403, 'TELLERS_NOT_A_TELLER']);
    // A forged proof, another teller's message, another ceremony's message, not an object.
    const forged = { ...r1, proofs: [r1.proofs[1], r1.proofs[0]] };
    const bad = await post(tellers[0]!.token, 'round1', forged);
    expect([bad.status, bad.body.code]).toEqual([400, 'TELLERS_BAD_MESSAGE']);
    // The check's code for a program, its reason in Chinese for the teller (issue 11, item 6).
    expect(bad.body.details).toMatchObject({
      check: 'TRUSTEE_PROOF_FAILED',
      reason: '监票人对其密钥份额的证明未通过校验（监票人 1）',
    });
    expect((await post(tellers[1]!.token, 'round1', r1)).body.details).toMatchObject({
      check: 'BAD_CEREMONY',
      reason: expect.stringMatching(/^密钥仪式消息与本次仪式不相符/),
    });
    const other = ceremonyRound1({ ...params, ceremonyId: 'another', index: 1 }).message;
    expect((await post(tellers[0]!.token, 'round1', other)).body.details.check).toBe(
      'BAD_CEREMONY',
    );
    const notObject = await t
      .http()
      .post(`/api/ceremonies/${id}/round1`)
      .set(bearer(tellers[0]!.token))
      .send({ message: 'hello' });
    expect([notObject.status, notObject.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // The good one is stored once; round 2 waits for every round 1.
    expect((await post(tellers[0]!.token, 'round1', r1)).status).toBe(201);
    expect((await post(tellers[0]!.token, 'round1', r1)).body.code).toBe('TELLERS_ALREADY_SENT');
    expect((await post(tellers[0]!.token, 'round2', {})).body.code).toBe('TELLERS_ROUND_NOT_READY');
    // Nothing was stored from the refused messages.
    const c = await t.http().get(`/api/ceremonies/${id}`).set(bearer(staff)).expect(200);
    expect(c.body.received).toEqual({ round1: 1, round2: 0, complaint: 0, ack: 0 });
    // A second ceremony while this one runs is refused; staff abandon this one.
    const again = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/ceremonies`)
      .set(bearer(staff))
      .send({ tellers: tellers.map((d) => d.userId) });
    expect(again.body.code).toBe('TELLERS_CEREMONY_EXISTS');
    const abandoned = await t.http().post(`/api/ceremonies/${id}/abandon`).set(bearer(staff));
    expect(abandoned.body).toMatchObject({
      status: 'failed',
      failure: { reason: expect.any(String) },
    });
  });

  it("runs the ceremony through the api, tells the tellers' devices when to proceed, publishes the transcript", async () => {
    const device = t.socket(tellers[0]!.token);
    await connected(device);
    const progress = feed<CeremonyProgress>(device, 'ceremony:progress');
    const { id, shortFingerprint } = await runCeremony(t, staff, live.sessionId, tellers);
    expect(shortFingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await progress.until((p) => p.id === id && p.next === 'round2');
    await progress.until((p) => p.id === id && p.next === 'ack');
    await progress.until((p) => p.id === id && p.status === 'ready');
    device.disconnect();

    const pub = await t.http().get(`/api/public/sessions/${live.sessionId}/ceremony`).expect(200);
    expect(pub.body).toMatchObject({
      id,
      status: 'ready',
      shortFingerprint,
      tellers: 3,
      threshold: 2,
    });
    const key = verifyCeremonyTranscript(pub.body.transcript);
    expect(key.fingerprint).toBe(pub.body.fingerprint);
    // Every message is public; none holds a teller's secret share in the clear.
    const mine = await t.http().get('/api/tellers/me/ceremonies').set(bearer(tellers[1]!.token));
    expect(mine.body[0]).toMatchObject({ index: 2, ceremony: { id, status: 'ready' } });
  });

  let pollId: string;

  it("binds a secret poll to the session's key by default; the close waits for the tellers", async () => {
    const res = await open(FIRST).expect(201);
    pollId = res.body.id;
    expect(res.body.keyMode).toBe('tellers');
    const pub = await t.http().get(`/api/public/sessions/${live.sessionId}/ceremony`);
    expect((res.body.electionKey as PollKey).ceremony.fingerprint).toBe(pub.body.fingerprint);
    // 4 for, 1 against.
    for (const [i, choice] of [0, 0, 0, 0, 1].entries())
      await castSecret(tablets[i]!, live.sessionId, pollId, [marks(3, choice)]);

    const device = t.socket(tellers[2]!.token);
    await connected(device);
    const requests = feed<DecryptionRequest>(device, 'decryption:requested');
    const closedEvents = feed<{ pollId: string }>(tablets[0]!, 'poll:closed');
    const closed = await t.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', result: null });
    await requests.until((r) => r.pollId === pollId);
    // The result waits for the tellers: the hall's tablets are told the poll is closed now.
    await closedEvents.until((e) => e.pollId === pollId);
    device.disconnect();
    const status = await t.http().get(`/api/polls/${pollId}/decryption`).set(bearer(staff));
    expect(status.body).toMatchObject({
      waiting: true,
      decided: false,
      missing: [1, 2, 3],
      refused: [],
    });
    const pending = await t
      .http()
      .get(`/api/ceremonies/${status.body.ceremonyId}/pending`)
      .set(bearer(tellers[0]!.token));
    expect(pending.body.map((p: { pollId: string }) => p.pollId)).toEqual([pollId]);
  });

  it('refuses and records a forged partial, a partial from a non-teller, and decides only with 2 of 3', async () => {
    const decided = async () =>
      (await t.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff))).body.find(
        (p: { id: string }) => p.id === pollId,
      ).result;

    expect((await answerClose(t, pollId, tellers[0]!)).status).toBe(201);
    expect(await decided()).toBeNull();

    // Teller 3's partial with one share altered: refused with libs/ballot's reason, and kept.
    const forged = await partialFor(t, pollId, tellers[2]!);
    const other = await partialFor(t, pollId, tellers[0]!);
    forged.questions[0]!.entries[0]!.d = other.questions[0]!.entries[0]!.d;
    const refused = await t
      .http()
      .post(`/api/polls/${pollId}/partials`)
      .set(bearer(tellers[2]!.token))
      .send({ partial: forged });
    expect([refused.status, refused.body.code]).toEqual([400, 'TELLERS_PARTIAL_REFUSED']);
    expect(refused.body.details).toMatchObject({
      check: 'DECRYPTION_PROOF_FAILED',
      reason: expect.stringMatching(/^部分解密的证明未通过校验/),
    });
    // Teller 1's partial sent again under teller 2's account is refused too (not teller 2's).
    const stolen = await t
      .http()
      .post(`/api/polls/${pollId}/partials`)
      .set(bearer(tellers[1]!.token))
      .send({ partial: other });
    expect(stolen.body).toMatchObject({
      code: 'TELLERS_PARTIAL_REFUSED',
      details: { check: 'WRONG_SECRET', reason: '监票人 2 提交的是监票人 1 的部分解密' },
    });
    const asDelegate = await t
      .http()
      .post(`/api/polls/${pollId}/partials`)
      .set(bearer(delegateToken))
      .send({ partial: other });
    expect([asDelegate.status, asDelegate.body.code]).toEqual([403, 'TELLERS_NOT_A_TELLER']);
    expect(await decided()).toBeNull();

    // Staff see who answered, who is missing, what was refused and why.
    const status = await t.http().get(`/api/polls/${pollId}/decryption`).set(bearer(staff));
    expect(status.body).toMatchObject({ waiting: true, missing: [2, 3] });
    expect(status.body.tellers.map((x: { answered: boolean }) => x.answered)).toEqual([
      true,
      false,
      false,
    ]);
    expect(status.body.refused.map((r: { index: number }) => r.index)).toEqual([3, 2]);
    // What the console shows after 已拒收…的部分解密：Chinese, with the check's code after it.
    expect(status.body.refused[0].reason).toMatch(
      /^部分解密的证明未通过校验.*（DECRYPTION_PROOF_FAILED）$/,
    );
    expect(status.body.refused[1].reason).toBe(
      '监票人 2 提交的是监票人 1 的部分解密（WRONG_SECRET）',
    );

    // The second valid partial decides it.
    expect((await answerClose(t, pollId, tellers[1]!)).status).toBe(201);
    const result = await decided();
    expect(result).toMatchObject({ keyMode: 'tellers', void: false, counts: [[4, 1, 0]] });
    expect(result.decision.passed).toBe(true);
    const late = await answerClose(t, pollId, tellers[2]!);
    expect(late.body.code).toBe('TELLERS_NO_DECRYPTION');
  });

  it('publishes a record that verifies, with the ceremony as its key and the refused partials listed', async () => {
    const res = await t.http().get(`/api/public/polls/${pollId}/record`).expect(200);
    const record = res.body;
    expect(record.key.mode).toBe('tellers');
    expect(record.decryptions.map((d: { trustee: number }) => d.trustee)).toEqual([1, 2]);
    expect(record.refusedDecryptions.map((r: { trustee: number }) => r.trustee)).toEqual(
      expect.arrayContaining([3]),
    );
    const report = verifyElectionRecordV2(record);
    expect(report.firstFailure ?? null).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual([[4, 1, 0]]);
  });

  it("lets the tellers' devices follow the board while the poll is open, so the close only compares sums", async () => {
    // Last press counts: a changed vote supersedes (excludes) the earlier ballot.
    const res = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[SECOND], pressRule: 'last' })
      .expect(201);
    const second = res.body.id as string;
    const ceremonyId = (await t.http().get(`/api/polls/${pollId}/decryption`).set(bearer(staff)))
      .body.ceremonyId as string;
    const following = await t
      .http()
      .get(`/api/ceremonies/${ceremonyId}/following`)
      .set(bearer(tellers[0]!.token))
      .expect(200);
    expect(following.body.map((p: { pollId: string }) => p.pollId)).toEqual([second]);
    const page = (d: TellerDevice, after: number) =>
      t.http().get(`/api/polls/${second}/board?after=${after}`).set(bearer(d.token));
    // Only the poll's tellers (and staff) read it; a delegate gets 403, a bad position 400.
    const asDelegate = await t.http().get(`/api/polls/${second}/board`).set(bearer(delegateToken));
    expect([asDelegate.status, asDelegate.body.code]).toEqual([403, 'TELLERS_NOT_A_TELLER']);
    expect((await page(tellers[0]!, -1)).status).toBe(400);

    const followers = new Map<number, BoardFollower>();
    const follow = async (d: TellerDevice) => {
      const body = (await page(d, followers.get(d.index)?.state.followed ?? 0).expect(200)).body;
      const f = followers.get(d.index) ?? new BoardFollower({ poll: body.poll, key: body.key });
      followers.set(d.index, f);
      return f.follow(body.entries);
    };
    // Tellers 2 and 3 follow as the ballots arrive: 3 for, then 1 against.
    for (const [i, choice] of [0, 0, 0].entries())
      await castSecret(tablets[i]!, live.sessionId, second, [marks(3, choice)]);
    expect(await follow(tellers[1]!)).toEqual({ followed: 3, valid: 3, invalid: 0 });
    expect(await follow(tellers[2]!)).toMatchObject({ followed: 3 });
    await castSecret(tablets[3]!, live.sessionId, second, [marks(3, 1)]);
    expect(await follow(tellers[1]!)).toMatchObject({ followed: 4 });
    // The last ballots arrive just before the close: teller 3 has not seen them yet. The first
    // tablet changes its vote (last press counts): its first ballot is excluded as superseded.
    await castSecret(tablets[4]!, live.sessionId, second, [marks(3, 2)]);
    await castSecret(tablets[0]!, live.sessionId, second, [marks(3, 1)]);
    await t.http().post(`/api/polls/${second}/close`).set(bearer(staff)).expect(200);
    const input = async (d: TellerDevice, query = '') =>
      (
        await t
          .http()
          .get(`/api/polls/${second}/decryption/input${query}`)
          .set(bearer(d.token))
          .expect(200)
      ).body as PreparedClose['record'];
    // Teller 2 followed 4 ballots: it is sent only the ballots after them and the excluded one.
    const light = await input(tellers[1]!, '?followed=4');
    expect(light.exclusions.map((x) => [x.position, x.reason])).toEqual([[1, 'SUPERSEDED']]);
    expect(light.board.entries.map((e) => [e.position, 'ballot' in e])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
      [5, true],
      [6, true],
    ]);
    const whole = await input(tellers[2]!);
    expect(light.board.entries.map((e) => e.tracker)).toEqual(
      whole.board.entries.map((e) => e.tracker),
    );
    expect(JSON.stringify(light).length).toBeLessThan(JSON.stringify(whole).length * 0.7);
    expect(
      (
        await t
          .http()
          .get(`/api/polls/${second}/decryption/input?followed=-1`)
          .set(bearer(tellers[1]!.token))
      ).status,
    ).toBe(400);
    const answers = [];
    for (const [d, record] of [
      [tellers[1]!, light],
      [tellers[2]!, whole],
    ] as const) {
      const answer = followers.get(d.index)!.answer(record, d.secret!);
      answers.push(answer.verifiedAtClose);
      await t
        .http()
        .post(`/api/polls/${second}/partials`)
        .set(bearer(d.token))
        .send({ partial: answer.partial })
        .expect(201);
    }
    expect(answers).toEqual([2, 3]);
    const record = (await t.http().get(`/api/public/polls/${second}/record`).expect(200)).body;
    expect(record.result.counts).toEqual([[2, 2, 1]]);
    expect(record.decryptions.map((d: { trustee: number }) => d.trustee)).toEqual([2, 3]);
  });

  it('opens a custodian-mode poll only when asked for explicitly, labelled 不对运维方保密', async () => {
    const res = await open(SECOND, 'custodian').expect(201);
    expect(res.body.keyMode).toBe('custodian');
    expect(res.body.keyLabel).toContain('不对运维方保密');
    await castSecret(tablets[0]!, live.sessionId, res.body.id, [marks(3, 0)]);
    const closed = await t.http().post(`/api/polls/${res.body.id}/close`).set(bearer(staff));
    expect(closed.body.result).toMatchObject({ keyMode: 'custodian', void: false });
    const status = await t.http().get(`/api/polls/${res.body.id}/decryption`).set(bearer(staff));
    expect(status.body.code).toBe('TELLERS_NO_DECRYPTION');
  });

  it('voids a custodian-mode poll whose key the process no longer holds (as after a restart), saying why', async () => {
    const res = await open(SECOND, 'custodian').expect(201);
    await castSecret(tablets[0]!, live.sessionId, res.body.id, [marks(3, 0)]);
    // What a restart does: the key was in the process's memory only.
    expect(t.app.get(CustodianKeys).take(res.body.id)).not.toBeNull();
    const closed = await t.http().post(`/api/polls/${res.body.id}/close`).set(bearer(staff));
    expect(closed.body.result).toMatchObject({
      void: true,
      decision: null,
      keyMode: 'custodian',
      voidReason: expect.stringContaining('托管密钥仅保存在服务进程内存中'),
    });
  });
});
