import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../apps/api/src/common/clock.js';
import {
  bearer,
  createRoster,
  delegateTokens,
  type RosterFixture,
  userWithRole,
} from './utils/actors.js';
import { binary, connected, createTestApp, type TestApp } from './utils/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// The session: 2026-12-05 09:00 Shanghai (01:00 UTC). On time until 2026-11-28 23:59 Shanghai.
const SESSION_START = '2026-12-05 09:00';
const SEVEN_DAYS_BEFORE = new Date('2026-11-28T01:00:00Z');
const SIX_DAYS_BEFORE = new Date('2026-11-29T01:00:00Z');

describe('agenda and circulation one week in advance', () => {
  let t: TestApp;
  let staff: string;
  let roster: RosterFixture;
  let tokens: Map<string, string>;
  let clock: Clock;

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    staff = await userWithRole(t, 'staff');
    roster = await createRoster(t, staff, 4);
    tokens = await delegateTokens(
      t,
      staff,
      roster.termId,
      roster.delegates.map((d) => d.id),
    );
  });
  afterEach(() => clock.fix(null));
  afterAll(() => t.close());

  async function preparedSession(name: string): Promise<string> {
    const s = await t
      .http()
      .post(`/api/terms/${roster.termId}/sessions`)
      .set(bearer(staff))
      .send({
        name,
        startsAt: SESSION_START,
        place: '礼堂',
        employees: 400,
        women: 150,
        dispatched: 10,
      })
      .expect(201);
    await t
      .http()
      .post(`/api/sessions/${s.body.id}/status`)
      .set(bearer(staff))
      .send({ to: 'preparing' })
      .expect(200);
    return s.body.id;
  }
  const addItem = (sessionId: string, body: object) =>
    t.http().post(`/api/sessions/${sessionId}/agenda/items`).set(bearer(staff)).send(body);
  const circulate = (sessionId: string, body: object = {}) =>
    t.http().post(`/api/sessions/${sessionId}/agenda/circulate`).set(bearer(staff)).send(body);
  const tokenOf = (i: number) => tokens.get(roster.delegates[i]!.id)!;

  it('keeps ordered items of every kind, each with what will be voted', async () => {
    const sessionId = await preparedSession('议程项会议');
    expect(
      (
        await addItem(sessionId, {
          kind: 'report',
          title: '工会工作报告',
          presenter: '工会主席 王强',
        })
      ).status,
    ).toBe(201);
    const motion = await addItem(sessionId, {
      kind: 'approve',
      title: '审议通过《集体合同（草案）》',
    }).expect(201);
    expect(motion.body.vote).toEqual({ type: 'motion', options: ['赞成', '反对', '弃权'] });
    const election = await addItem(sessionId, {
      kind: 'elect',
      title: '选举职工董事',
      vote: { seats: 1, candidates: [{ name: '李明' }, { name: '周红' }] },
      position: 1,
    }).expect(201);
    expect(election.body.vote.candidates.map((c: { name: string }) => c.name)).toEqual([
      '李明',
      '周红',
    ]);
    await addItem(sessionId, {
      kind: 'evaluate',
      title: '民主评议领导人员',
      vote: { scale: 'competence', persons: [{ name: '赵总' }] },
    }).expect(201);

    const list = await t
      .http()
      .get(`/api/sessions/${sessionId}/agenda/items`)
      .set(bearer(staff))
      .expect(200);
    expect(
      list.body.map((i: { title: string; position: number }) => [i.position, i.title]),
    ).toEqual([
      [1, '选举职工董事'],
      [2, '工会工作报告'],
      [3, '审议通过《集体合同（草案）》'],
      [4, '民主评议领导人员'],
    ]);

    const noSeats = await addItem(sessionId, {
      kind: 'elect',
      title: 'x',
      vote: { candidates: [{ name: 'a' }] },
    });
    expect(noSeats.status).toBe(400);
    expect(noSeats.body.details[0].field).toBe('vote.seats');
    const reportVoted = await addItem(sessionId, {
      kind: 'report',
      title: 'x',
      vote: { options: ['是', '否'] },
    });
    expect(reportVoted.body.code).toBe('AGENDA_BAD_VOTE_SPEC');
    const delegate = await t
      .http()
      .post(`/api/sessions/${sessionId}/agenda/items`)
      .set(bearer(tokenOf(0)))
      .send({ kind: 'report', title: 'x' });
    expect(delegate.status).toBe(403);
  });

  it('stores documents with their SHA-256, checks the type from the content, and refuses bad uploads', async () => {
    const sessionId = await preparedSession('文件会议');
    const item = await addItem(sessionId, { kind: 'report', title: '财务报告' }).expect(201);
    const upload = (file: Buffer, name: string, itemId = item.body.id) =>
      t
        .http()
        .post(`/api/agenda-items/${itemId}/documents`)
        .set(bearer(staff))
        .attach('file', file, name);

    const doc = await upload(PDF, '财务报告.pdf').expect(201);
    expect(doc.body).toMatchObject({
      filename: '财务报告.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
    });
    const down = await t
      .http()
      .get(`/api/agenda-documents/${doc.body.id}`)
      .set(bearer(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha(down.body as Buffer)).toBe(doc.body.sha256);
    expect(down.headers['x-content-sha256']).toBe(doc.body.sha256);

    const exe = await upload(Buffer.from('MZ\x90\x00 this is not a pdf'), 'report.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('AGENDA_FILE_TYPE');
    expect((await upload(Buffer.alloc(0), 'empty.pdf')).body.code).toMatch(
      /AGENDA_EMPTY_FILE|AGENDA_FILE_MISSING/,
    );
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]), 'big.pdf');
    expect(big.status).toBe(413);
    const noItem = await upload(PDF, 'a.pdf', '00000000-0000-4000-8000-000000000000');
    expect(noItem.status).toBe(404);
    expect(noItem.body.code).toBe('AGENDA_ITEM_NOT_FOUND');
    // A delegate cannot read a document that was never circulated to them.
    expect(
      (
        await t
          .http()
          .get(`/api/agenda-documents/${doc.body.id}`)
          .set(bearer(tokenOf(0)))
      ).status,
    ).toBe(404);
    await expect(t.sql(`UPDATE agenda_documents SET data = 'x'::bytea`)).rejects.toThrow(
      /immutable/,
    );
  });

  it('circulates on time: every tablet gets it at once, signs over the socket, staff see who has not signed', async () => {
    const sessionId = await preparedSession('第二次会议');
    const item = await addItem(sessionId, {
      kind: 'decide',
      title: '审议决定《福利费使用方案》',
    }).expect(201);
    const doc = await t
      .http()
      .post(`/api/agenda-items/${item.body.id}/documents`)
      .set(bearer(staff))
      .attach('file', PDF, '方案.pdf')
      .expect(201);

    const socket = t.socket(tokenOf(0));
    await connected(socket);
    const pushed = new Promise<{ kind: string; data: { versionId: string } }>((resolve) =>
      socket.once('notification', resolve),
    );

    clock.fix(SEVEN_DAYS_BEFORE);
    const v1 = await circulate(sessionId).expect(201);
    expect(v1.body).toMatchObject({
      number: 1,
      daysBefore: 7,
      requiredDays: 7,
      lateByDays: 0,
      lateReason: null,
    });
    expect(v1.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.body.items[0]).toMatchObject({ changed: true, documents: [{ sha256: sha(PDF) }] });
    const note = await pushed;
    expect(note).toMatchObject({ kind: 'agenda.circulated', data: { versionId: v1.body.id } });
    expect((await t.http().get(`/api/sessions/${sessionId}`).set(bearer(staff))).body.status).toBe(
      'circulated',
    );

    // The inbox survives reconnection: it is read back, not only pushed.
    const inbox = await t
      .http()
      .get('/api/me/agenda')
      .set(bearer(tokenOf(1)))
      .expect(200);
    expect(inbox.body.find((d: { versionId: string }) => d.versionId === v1.body.id)).toMatchObject(
      { receiptAt: null },
    );

    const signed = await socket.emitWithAck('agenda:sign', { versionId: v1.body.id });
    expect(signed).toMatchObject({
      ok: true,
      delivery: { receiptMethod: 'tablet', receiptAt: '2026-11-28T01:00:00.000Z' },
    });
    const again = await socket.emitWithAck('agenda:sign', { versionId: v1.body.id });
    expect(again.delivery.receiptAt).toBe(signed.delivery.receiptAt);
    const bad = await socket.emitWithAck('agenda:sign', { versionId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(socket.connected).toBe(true);

    // Delivered documents are now readable by the delegate.
    expect(
      (
        await t
          .http()
          .get(`/api/agenda-documents/${doc.body.id}`)
          .set(bearer(tokenOf(0)))
      ).status,
    ).toBe(200);

    await t
      .http()
      .post(`/api/agenda-versions/${v1.body.id}/receipt`)
      .set(bearer(tokenOf(1)))
      .expect(200);
    await t
      .http()
      .post(`/api/agenda-versions/${v1.body.id}/paper-receipts`)
      .set(bearer(staff))
      .send({ delegateId: roster.delegates[2]!.id, signedOn: '2026-11-28' })
      .expect(200);
    const dup = await t
      .http()
      .post(`/api/agenda-versions/${v1.body.id}/paper-receipts`)
      .set(bearer(staff))
      .send({ delegateId: roster.delegates[2]!.id, signedOn: '2026-11-29' });
    expect(dup.body.code).toBe('AGENDA_ALREADY_SIGNED');

    const receipts = await t
      .http()
      .get(`/api/agenda-versions/${v1.body.id}/receipts`)
      .set(bearer(staff))
      .expect(200);
    expect(receipts.body).toHaveLength(4);
    expect(receipts.body[0]).toMatchObject({
      delegateId: roster.delegates[3]!.id,
      receiptAt: null,
    });
    expect(
      receipts.body.find((r: { delegateId: string }) => r.delegateId === roster.delegates[2]!.id),
    ).toMatchObject({
      receiptMethod: 'paper',
      paperSignedOn: '2026-11-28',
    });

    const late = t.socket(tokenOf(3));
    await connected(late);
    const reminder = new Promise<{ kind: string }>((resolve) => late.once('notification', resolve));
    const reminded = await t
      .http()
      .post(`/api/agenda-versions/${v1.body.id}/reminders`)
      .set(bearer(staff))
      .send({})
      .expect(200);
    expect(reminded.body.reminded).toBe(1);
    expect((await reminder).kind).toBe('agenda.reminder');
    await expect(
      t.sql(`UPDATE agenda_deliveries SET receipt_at = NULL WHERE receipt_at IS NOT NULL`),
    ).rejects.toThrow(/final/);
    await expect(t.sql(`DELETE FROM agenda_versions`)).rejects.toThrow(/append-only/);
  });

  it('refuses late circulation without a reason, and records the reason and the days late', async () => {
    const sessionId = await preparedSession('迟到会议');
    await addItem(sessionId, {
      kind: 'approve',
      title: '审议通过《劳动安全卫生专项集体合同》',
    }).expect(201);
    clock.fix(SIX_DAYS_BEFORE);
    const refused = await circulate(sessionId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'AGENDA_CIRCULATION_LATE',
      details: {
        daysBefore: 6,
        requiredDays: 7,
        lateByDays: 1,
        deadline: '2026-11-28T15:59:59.999Z',
      },
    });
    const v = await circulate(sessionId, { lateReason: '集团批复推迟，经工会研究决定' }).expect(
      201,
    );
    expect(v.body).toMatchObject({
      lateByDays: 1,
      lateReason: '集团批复推迟，经工会研究决定',
      lateNote: expect.stringContaining('晚于规定 1 天'),
    });

    const itemId = v.body.items[0].id;
    const status = await t
      .http()
      .get(`/api/agenda-items/${itemId}/votability`)
      .set(bearer(staff))
      .expect(200);
    expect(status.body).toMatchObject({ votable: false, reason: 'late_not_approved' });
  });

  it('makes a new version after a change: only the changed item is marked and its clock restarts', async () => {
    const sessionId = await preparedSession('变更会议');
    const a = await addItem(sessionId, { kind: 'approve', title: '甲方案' }).expect(201);
    const b = await addItem(sessionId, { kind: 'decide', title: '乙方案' }).expect(201);
    clock.fix(SEVEN_DAYS_BEFORE);
    const v1 = await circulate(sessionId).expect(201);
    expect((await circulate(sessionId)).body.code).toBe('AGENDA_NOTHING_CHANGED');

    await t
      .http()
      .patch(`/api/agenda-items/${b.body.id}`)
      .set(bearer(staff))
      .send({ description: '根据代表意见修改' })
      .expect(200);
    clock.fix(new Date('2026-12-02T01:00:00Z')); // 3 days before
    expect((await circulate(sessionId)).status).toBe(409);
    const v2 = await circulate(sessionId, { lateReason: '根据代表团讨论意见修改乙方案' }).expect(
      201,
    );
    expect(v2.body.number).toBe(2);
    expect(v2.body.hash).not.toBe(v1.body.hash);
    const changed = Object.fromEntries(
      v2.body.items.map((i: { id: string; changed: boolean }) => [i.id, i.changed]),
    );
    expect(changed).toEqual({ [a.body.id]: false, [b.body.id]: true });
    expect(v2.body.items.find((i: { id: string }) => i.id === a.body.id).circulatedAt).toBe(
      '2026-11-28T01:00:00.000Z',
    );

    const vote = (id: string) =>
      t.http().get(`/api/agenda-items/${id}/votability`).set(bearer(staff));
    expect((await vote(a.body.id)).body).toMatchObject({
      votable: true,
      reason: 'on_time',
      daysBefore: 7,
    });
    expect((await vote(b.body.id)).body).toMatchObject({
      votable: false,
      reason: 'late_not_approved',
      daysBefore: 3,
    });

    // Only the presidium lets a late item be voted.
    const notPresidium = await t
      .http()
      .post(`/api/agenda-items/${b.body.id}/late-approval`)
      .set(bearer(tokenOf(0)))
      .send({ reason: '同意' });
    expect(notPresidium.body.code).toBe('AGENDA_NOT_PRESIDIUM');
    await t
      .http()
      .patch(`/api/delegates/${roster.delegates[0]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    const approved = await t
      .http()
      .post(`/api/agenda-items/${b.body.id}/late-approval`)
      .set(bearer(tokenOf(0)))
      .send({ reason: '主席团会议同意将修改后的乙方案提交表决' })
      .expect(201);
    expect(approved.body).toMatchObject({
      votable: true,
      reason: 'late_approved',
      approval: { reason: '主席团会议同意将修改后的乙方案提交表决' },
    });
    const onTime = await t
      .http()
      .post(`/api/agenda-items/${a.body.id}/late-approval`)
      .set(bearer(staff))
      .send({ reason: 'x' });
    expect(onTime.body.code).toBe('AGENDA_ITEM_NOT_LATE');
  });

  it('publishes the circulated agenda to everyone, without personal data beyond presenters', async () => {
    const sessionId = await preparedSession('公开会议');
    await addItem(sessionId, {
      kind: 'report',
      title: '行政工作报告',
      presenter: '总经理 陈刚',
    }).expect(201);
    await addItem(sessionId, {
      kind: 'elect',
      title: '选举职工监事',
      vote: { seats: 1, candidates: [{ name: '候选人甲' }, { name: '候选人乙' }] },
    }).expect(201);
    expect((await t.http().get(`/api/public/sessions/${sessionId}/agenda`)).status).toBe(404);
    clock.fix(SEVEN_DAYS_BEFORE);
    await circulate(sessionId).expect(201);
    const pub = await t.http().get(`/api/public/sessions/${sessionId}/agenda`).expect(200);
    expect(pub.body.session).toEqual({
      name: '公开会议',
      startsAtLocal: '2026-12-05 09:00',
      place: '礼堂',
    });
    expect(pub.body.items.map((i: { title: string }) => i.title)).toEqual([
      '行政工作报告',
      '选举职工监事',
    ]);
    const text = JSON.stringify(pub.body);
    expect(text).toContain('总经理 陈刚');
    expect(text).not.toContain('候选人甲');
    expect(text).not.toMatch(/employeeNumber|E100|sha256|userId/);
    const page = await t.http().get(`/api/public/sessions/${sessionId}/agenda/page`).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('行政工作报告');
  });
});
