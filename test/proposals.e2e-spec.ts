import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './utils/actors.js';
import { connected, createTestApp, type TestApp } from './utils/test-app.js';
import {
  answer,
  content,
  cosign,
  createWorld,
  DEFAULT_DUE,
  kindsFor,
  NOW,
  PDF,
  setClock,
  staffPost,
  submitted,
  table,
  type World,
} from './proposals/world.js';

describe('proposals: the whole life cycle', () => {
  let t: TestApp;
  let w: World;
  let id: string;
  let nextSessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const get = (token: string, pid = id) => t.http().get(`/api/proposals/${pid}`).set(bearer(token));

  it('tells the tablet that the intake window of the coming session is open', async () => {
    const res = await t
      .http()
      .get(`/api/terms/${w.termId}/proposal-window`)
      .set(bearer(w.d[0]!.token))
      .expect(200);
    expect(res.body).toEqual({
      open: true,
      sessionId: w.sessionId,
      sessionName: '第五届职代会第二次会议',
      opensOn: '2026-11-05',
      closesOn: '2026-12-04',
      cosignersRequired: 2,
    });
  });

  it('keeps a draft private to its proposer, editable until it is tabled', async () => {
    const [d0, d1] = w.d;
    const draft = await t
      .http()
      .post('/api/proposals')
      .set(bearer(d0!.token))
      .send({ ...content('关于增设夜班班车的建议'), draft: true })
      .expect(201);
    id = draft.body.id;
    expect(draft.body).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      isProposer: true,
      proposer: { name: '代表1', groupName: '第一代表团' },
    });
    expect((await get(d1!.token)).status).toBe(404);
    expect((await get(w.staff)).status).toBe(404);
    const staffList = await t.http().get(`/api/terms/${w.termId}/proposals`).set(bearer(w.staff));
    expect(staffList.body).toEqual([]);

    const edited = await t
      .http()
      .patch(`/api/proposals/${id}`)
      .set(bearer(d0!.token))
      .send({ subject: '关于开通夜班职工班车的建议', category: 'safety' })
      .expect(200);
    expect(edited.body).toMatchObject({
      subject: '关于开通夜班职工班车的建议',
      category: 'safety',
    });
    const bad = await t
      .http()
      .patch(`/api/proposals/${id}`)
      .set(bearer(d0!.token))
      .send({ subject: '   ', category: 'bogus' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((x: { field: string }) => x.field).sort()).toEqual([
      'category',
      'subject',
    ]);
    const byOther = await t
      .http()
      .patch(`/api/proposals/${id}`)
      .set(bearer(d1!.token))
      .send({ subject: 'x' });
    expect(byOther.body.code).toBe('PROPOSAL_NOT_PROPOSER');

    // A draft thrown away stays private: withdrawn, but never tabled.
    const discarded = await t
      .http()
      .post('/api/proposals')
      .set(bearer(d0!.token))
      .send({ ...content('不想提了'), draft: true })
      .expect(201);
    await t
      .http()
      .post(`/api/proposals/${discarded.body.id}/withdraw`)
      .set(bearer(d0!.token))
      .send({})
      .expect(200);
    expect((await get(d0!.token, discarded.body.id)).body.status).toBe('withdrawn');
    expect((await get(w.staff, discarded.body.id)).status).toBe(404);
    expect((await staffPost(w, `proposals/${discarded.body.id}/publish`)).status).toBe(404);
  });

  it('tables it for the session whose window is open; then it no longer changes', async () => {
    const [d0] = w.d;
    const res = await t
      .http()
      .post(`/api/proposals/${id}/table`)
      .set(bearer(d0!.token))
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'awaiting_cosigners',
      statusLabel: '征集附议',
      kind: 'proposal',
      kindLabel: '提案',
      sessionId: w.sessionId,
      sessionName: '第五届职代会第二次会议',
      cosignersRequired: 2,
      tabledAt: '2026-11-20T02:00:00.000Z',
    });
    const edit = await t
      .http()
      .patch(`/api/proposals/${id}`)
      .set(bearer(d0!.token))
      .send({ subject: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('PROPOSAL_NOT_EDITABLE');
    const again = await t.http().post(`/api/proposals/${id}/table`).set(bearer(d0!.token));
    expect(again.body.code).toBe('PROPOSAL_INVALID_TRANSITION');
  });

  it('takes co-signatures from other serving delegates, once each, and reaches the committee with two', async () => {
    const [d0, d1, d2, d3] = w.d;
    const own = await cosign(w, d0!, id);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('PROPOSAL_COSIGN_OWN');

    const open = await t.http().get('/api/proposals/cosignable').set(bearer(d1!.token)).expect(200);
    expect(open.body.map((p: { id: string }) => p.id)).toEqual([id]);

    const socket = t.socket(d0!.token);
    await connected(socket);
    const pushed = new Promise<{ kind: string }>((resolve) =>
      socket.once('notification', (n) => resolve(n)),
    );
    const first = await cosign(w, d1!, id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'awaiting_cosigners', cosignedByMe: true });
    expect(first.body.cosigners.map((c: { name: string }) => c.name)).toEqual(['代表2']);
    expect((await pushed).kind).toBe('proposal.cosigned');

    const twice = await cosign(w, d1!, id);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PROPOSAL_ALREADY_COSIGNED');

    // A co-signer may take the signature back while it is still being gathered, and sign again.
    const back = await t
      .http()
      .delete(`/api/proposals/${id}/cosignature`)
      .set(bearer(d1!.token))
      .expect(200);
    expect(back.body.cosigners).toEqual([]);
    const notSigned = await t
      .http()
      .delete(`/api/proposals/${id}/cosignature`)
      .set(bearer(d1!.token));
    expect(notSigned.body.code).toBe('PROPOSAL_NOT_COSIGNED');
    expect((await cosign(w, d1!, id)).status).toBe(200);

    const second = await cosign(w, d2!, id);
    expect(second.body).toMatchObject({ status: 'submitted', statusLabel: '待审查' });
    for (const who of [d0!, d1!, d2!])
      expect(await kindsFor(t, who.token, id)).toContain('proposal.submitted');

    const locked = await t.http().delete(`/api/proposals/${id}/cosignature`).set(bearer(d1!.token));
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('PROPOSAL_COSIGNATURE_LOCKED');
    // More support is still welcome until the committee decides.
    expect((await cosign(w, d3!, id)).body.cosigners).toHaveLength(3);
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM proposal_cosignatures WHERE proposal_id = $1`, [
        id,
      ]),
    ).toEqual([{ n: 4 }]);
  });

  it('accepts it (立案) with a number and a category, sending it to two departments', async () => {
    const res = await staffPost(w, `proposals/${id}/accept`, {
      category: 'welfare',
      departmentIds: [w.hr.departmentId, w.logistics.departmentId],
      note: '同意立案',
    }).expect(200);
    expect(res.body).toMatchObject({
      number: '2026-001',
      status: 'in_handling',
      statusLabel: '办理中',
      category: 'welfare',
      proposedCategory: 'safety',
      decision: { decision: 'accepted', label: '立案', note: '同意立案', decidedBy: 'staff' },
    });
    expect(res.body.decision.decidedAt).toBe('2026-11-20T02:00:00.000Z');
    expect(
      res.body.assignments.map((a: { departmentName: string; dueOn: string; status: string }) => [
        a.departmentName,
        a.dueOn,
        a.status,
      ]),
    ).toEqual([
      ['人力资源部', DEFAULT_DUE, 'assigned'],
      ['后勤保障部', DEFAULT_DUE, 'assigned'],
    ]);
    for (const who of [w.d[0]!, w.d[1]!, w.d[2]!, w.d[3]!]) {
      const kinds = await kindsFor(t, who.token, id);
      expect(kinds).toEqual(expect.arrayContaining(['proposal.accepted', 'proposal.assigned']));
    }
    expect(await kindsFor(t, w.hr.token, id)).toEqual(['proposal.assignment']);
    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'proposals.%'`,
    );
    expect(audit.map((a) => a.action)).toEqual(['proposals.accept']);
  });

  it('lets each department answer its own part in writing, with an attachment', async () => {
    const mine = await t.http().get('/api/proposal-assignments/mine').set(bearer(w.hr.token));
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({
      departmentName: '人力资源部',
      overdue: false,
      proposal: { id, number: '2026-001' },
    });
    const hrAssignment = mine.body[0].id as string;

    const upload = await t
      .http()
      .post(`/api/proposal-assignments/${hrAssignment}/attachments`)
      .set(bearer(w.hr.token))
      .attach('file', PDF, { filename: '班车方案.pdf', contentType: 'text/plain' })
      .expect(201);
    expect(upload.body).toMatchObject({
      filename: '班车方案.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(upload.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    const answered = await answer(w, w.hr.token, hrAssignment, '已与运输公司洽谈，下月开通。', [
      upload.body.id,
    ]).expect(200);
    // The other department still owes its answer.
    expect(answered.body.status).toBe('in_handling');
    const hr = answered.body.assignments.find((a: { id: string }) => a.id === hrAssignment);
    expect(hr).toMatchObject({ status: 'answered', answers: [{ round: 1, onTime: true }] });
    expect(hr.answers[0].attachments[0].id).toBe(upload.body.id);

    const logistics = answered.body.assignments.find((a: { id: string }) => a.id !== hrAssignment);
    const both = await answer(w, w.logistics.token, logistics.id).expect(200);
    expect(both.body).toMatchObject({ status: 'answered', statusLabel: '已答复待评价' });
    expect(await kindsFor(t, w.d[0]!.token, id)).toContain('proposal.answered');
  });

  it('lets the proposer rate one answer and send the other back once, with a reason', async () => {
    const [d0, d1] = w.d;
    const p = (await get(d0!.token).expect(200)).body;
    const byName = (name: string) =>
      (p.assignments as { id: string; departmentName: string }[]).find(
        (a) => a.departmentName === name,
      );
    const [hr, logistics] = [byName('人力资源部'), byName('后勤保障部')];
    const rate = (token: string, aid: string, rating: string) =>
      t.http().post(`/api/proposal-assignments/${aid}/rating`).set(bearer(token)).send({ rating });
    const sendBack = (aid: string, reason?: string) =>
      t
        .http()
        .post(`/api/proposal-assignments/${aid}/send-back`)
        .set(bearer(d0!.token))
        .send({ reason });

    const byCosigner = await rate(d1!.token, hr!.id, 'satisfied');
    expect(byCosigner.status).toBe(403);
    expect(byCosigner.body.code).toBe('PROPOSAL_NOT_PROPOSER');
    expect((await rate(d0!.token, hr!.id, 'great')).body.details[0].field).toBe('rating');

    expect((await rate(d0!.token, hr!.id, 'satisfied')).body.status).toBe('answered');
    expect((await rate(d0!.token, hr!.id, 'unsatisfied')).body.code).toBe('PROPOSAL_ALREADY_RATED');
    expect(await kindsFor(t, w.hr.token, id)).toContain('proposal.rated');

    expect((await sendBack(logistics!.id)).body.details[0].field).toBe('reason');
    const back = await sendBack(logistics!.id, '只答复了时间，没有说明路线').expect(200);
    expect(back.body).toMatchObject({ status: 'sent_back', statusLabel: '退回重办' });
    expect(back.body.assignments.find((a: { id: string }) => a.id === logistics!.id)).toMatchObject(
      {
        status: 'sent_back',
        round: 2,
        sentBackReason: '只答复了时间，没有说明路线',
        dueOn: DEFAULT_DUE,
      },
    );
    expect(await kindsFor(t, w.logistics.token, id)).toContain('proposal.sent_back');
    expect((await rate(d0!.token, logistics!.id, 'satisfied')).body.code).toBe(
      'PROPOSAL_NOT_ANSWERED',
    );

    const again = await answer(w, w.logistics.token, logistics!.id, '路线：厂区—新村—地铁站。');
    expect(again.body.status).toBe('answered');
    expect((await sendBack(logistics!.id, '还是不满意')).body.code).toBe(
      'PROPOSAL_ALREADY_SENT_BACK',
    );
    const closed = await rate(d0!.token, logistics!.id, 'basically_satisfied').expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', statusLabel: '已办结' });
    expect((await rate(d0!.token, logistics!.id, 'satisfied')).body.code).toBe(
      'PROPOSAL_ALREADY_RATED',
    );
    expect((await answer(w, w.logistics.token, logistics!.id)).body.code).toBe(
      'PROPOSAL_ALREADY_ANSWERED',
    );
    expect(
      closed.body.assignments.map((a: { ratingLabel: string; answers: unknown[] }) => [
        a.ratingLabel,
        a.answers.length,
      ]),
    ).toEqual([
      ['满意', 1],
      ['基本满意', 2],
    ]);
  });

  it('keeps who did what and when, and the database refuses to rewrite it', async () => {
    const res = await t.http().get(`/api/proposals/${id}/history`).set(bearer(w.staff)).expect(200);
    expect(res.body.map((e: { event: string }) => e.event)).toEqual([
      'drafted',
      'tabled',
      'cosigned',
      'cosign_withdrawn',
      'cosigned',
      'cosigned',
      'submitted',
      'cosigned',
      'accepted',
      'assigned',
      'answered',
      'answered',
      'rated',
      'sent_back',
      'answered',
      'rated',
    ]);
    expect(res.body.find((e: { event: string }) => e.event === 'accepted')).toMatchObject({
      actor: 'staff',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      at: '2026-11-20T02:00:00.000Z',
    });
    await expect(t.sql(`UPDATE proposal_events SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM proposal_answers`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM proposal_attachments`)).rejects.toThrow(/kept/);
  });

  it('numbers accepted proposals YYYY-NNN without gaps, even when accepted at once', async () => {
    const [, d1, d2, d3, d4] = w.d;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submitted(w, d1!, [d2!, d3!], `并发立案${i}`));
    const failed = await staffPost(w, `proposals/${ids[0]}/accept`, {
      category: 'other',
      departmentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(failed.status).toBe(400);
    expect(failed.body).toMatchObject({
      code: 'PROPOSAL_UNKNOWN_DEPARTMENT',
      details: [{ field: 'departmentIds' }],
    });
    const results = await Promise.all(
      ids.map((pid) => staffPost(w, `proposals/${pid}/accept`, { category: 'production' })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body.number).sort()).toEqual([
      '2026-002',
      '2026-003',
      '2026-004',
      '2026-005',
      '2026-006',
    ]);
    // A new year starts again at 001 (a session early in 2027 takes proposals from 2026-12-21).
    const next = await t
      .http()
      .post(`/api/terms/${w.termId}/sessions`)
      .set(bearer(w.staff))
      .send({
        name: '第五届职代会第三次会议',
        startsAt: '2027-01-20 09:00',
        place: '礼堂',
        employees: 1200,
        women: 400,
        dispatched: 60,
      })
      .expect(201);
    nextSessionId = next.body.id;
    setClock(t, new Date('2027-01-02T02:00:00Z'));
    try {
      const pid = await submitted(w, d4!, [d2!, d3!], '新年第一件');
      const res = await staffPost(w, `proposals/${pid}/accept`, { category: 'other' });
      expect(res.body).toMatchObject({ number: '2027-001', sessionId: nextSessionId });
    } finally {
      setClock(t, NOW);
    }
  });

  it('merges a proposal into another; the merged one points to it and follows its decisions', async () => {
    const [, d1, d2, d3, d4, d5] = w.d;
    const target = await submitted(w, d4!, [d2!, d3!], '关于食堂延长供餐时间的建议');
    const merged = await submitted(w, d5!, [d1!, d2!], '关于食堂增加夜宵的建议');

    const self = await staffPost(w, `proposals/${merged}/merge`, { intoProposalId: merged });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({
      code: 'PROPOSAL_MERGE_INTO_SELF',
      details: [{ field: 'intoProposalId' }],
    });
    const unknown = await staffPost(w, `proposals/${merged}/merge`, {
      intoProposalId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.body.code).toBe('PROPOSAL_MERGE_TARGET_NOT_FOUND');

    const res = await staffPost(w, `proposals/${merged}/merge`, {
      intoProposalId: target,
      note: '内容相近，合并办理',
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'merged',
      statusLabel: '已合并',
      decision: { label: '合并' },
      mergedInto: { id: target, number: null, subject: '关于食堂延长供餐时间的建议' },
    });
    expect(await kindsFor(t, d5!.token, merged)).toContain('proposal.merged');
    const intoMerged = await staffPost(w, `proposals/${target}/merge`, { intoProposalId: merged });
    expect(intoMerged.body.code).toBe('PROPOSAL_MERGE_TARGET_INVALID');

    const accepted = await staffPost(w, `proposals/${target}/accept`, {
      category: 'welfare',
    }).expect(200);
    expect(accepted.body.mergedFrom).toEqual([
      { id: merged, number: null, subject: '关于食堂增加夜宵的建议' },
    ]);
    // The merged proposal's proposer hears of the decision on the proposal that carries it on.
    expect(await kindsFor(t, d5!.token, target)).toContain('proposal.accepted');
    const twice = await staffPost(w, `proposals/${target}/reject`, { reason: 'x' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PROPOSAL_ALREADY_DECIDED');
  });

  it('turns a proposal into a suggestion and forwards it, or rejects it with a written reason', async () => {
    const [, d1, d2, d3] = w.d;
    const converted = await submitted(w, d1!, [d2!, d3!], '关于更换办公椅的建议');
    const res = await staffPost(w, `proposals/${converted}/convert`, {
      departmentIds: [w.logistics.departmentId],
      note: '属日常管理事项，转后勤保障部办理',
    }).expect(200);
    expect(res.body).toMatchObject({
      kind: 'suggestion',
      kindLabel: '意见建议',
      status: 'in_handling',
      number: null,
      decision: { label: '转为意见建议' },
    });
    expect(await kindsFor(t, d1!.token, converted)).toEqual(
      expect.arrayContaining(['proposal.converted', 'proposal.assigned']),
    );

    const rejected = await submitted(w, d1!, [d2!, d3!], '关于给每人发一台汽车的建议');
    const noReason = await staffPost(w, `proposals/${rejected}/reject`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const res2 = await staffPost(w, `proposals/${rejected}/reject`, {
      reason: '不属于职代会提案范围',
    }).expect(200);
    expect(res2.body).toMatchObject({
      status: 'rejected',
      statusLabel: '不予立案',
      decision: { label: '不立案', note: '不属于职代会提案范围' },
    });
    const told = (await t.http().get('/api/notifications').set(bearer(d2!.token))).body.find(
      (n: { kind: string; data: { proposalId: string } }) =>
        n.kind === 'proposal.rejected' && n.data.proposalId === rejected,
    );
    expect(told.title).toContain('不属于职代会提案范围');
    const assign = await staffPost(w, `proposals/${rejected}/assignments`, {
      departmentIds: [w.hr.departmentId],
    });
    expect(assign.body.code).toBe('PROPOSAL_NOT_ASSIGNABLE');
  });

  it('lets the committee decide only what reached it with enough co-signers', async () => {
    const [, d1, d2] = w.d;
    const waiting = await table(w, d1!, '只有一人附议的提案');
    expect((await cosign(w, d2!, waiting.id)).body.status).toBe('awaiting_cosigners');
    const res = await staffPost(w, `proposals/${waiting.id}/accept`, { category: 'other' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'PROPOSAL_INVALID_TRANSITION',
      details: { status: 'awaiting_cosigners', action: 'decide' },
    });
  });

  it('lets the proposer withdraw before the decision; nothing can be done with it afterwards', async () => {
    const [, d1, d2, d3] = w.d;
    const p = await table(w, d1!, '将要撤回的提案');
    await cosign(w, d2!, p.id).expect(200);
    const byCosigner = await t
      .http()
      .post(`/api/proposals/${p.id}/withdraw`)
      .set(bearer(d2!.token))
      .send({});
    expect(byCosigner.body.code).toBe('PROPOSAL_NOT_PROPOSER');
    const res = await t
      .http()
      .post(`/api/proposals/${p.id}/withdraw`)
      .set(bearer(d1!.token))
      .send({ reason: '问题已解决' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect(await kindsFor(t, d2!.token, p.id)).toContain('proposal.withdrawn');

    const refusals = [
      await cosign(w, d3!, p.id),
      await t.http().delete(`/api/proposals/${p.id}/cosignature`).set(bearer(d2!.token)),
      await t.http().post(`/api/proposals/${p.id}/table`).set(bearer(d1!.token)),
      await t.http().post(`/api/proposals/${p.id}/withdraw`).set(bearer(d1!.token)).send({}),
      await t.http().patch(`/api/proposals/${p.id}`).set(bearer(d1!.token)).send({ subject: 'x' }),
      await staffPost(w, `proposals/${p.id}/accept`, { category: 'other' }),
      await staffPost(w, `proposals/${p.id}/reject`, { reason: 'x' }),
      await staffPost(w, `proposals/${p.id}/publish`),
      await staffPost(w, `proposals/${p.id}/assignments`, { departmentIds: [w.hr.departmentId] }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(
      refusals.map(() => [409, 'PROPOSAL_WITHDRAWN']),
    );

    const decided = (await get(d1!.token, id)).body;
    expect(decided.status).toBe('closed');
    const late = await t.http().post(`/api/proposals/${id}/withdraw`).set(bearer(w.d[0]!.token));
    expect(late.body.code).toBe('PROPOSAL_INVALID_TRANSITION');
  });

  it('records what is tabled after the window closed, or between sessions, as a suggestion', async () => {
    const [, d1, d2, d3] = w.d;
    // 2026-12-05 01:00 in Shanghai: the window closed at the end of the 4th, the session is at 9.
    setClock(t, new Date('2026-12-04T17:00:00Z'));
    try {
      const window = await t
        .http()
        .get(`/api/terms/${w.termId}/proposal-window`)
        .set(bearer(d1!.token));
      expect(window.body).toMatchObject({ open: false, sessionId: w.sessionId });
      const late = await table(w, d1!, '会前最后一刻的建议');
      expect(late).toMatchObject({
        kind: 'suggestion',
        status: 'submitted',
        sessionId: w.sessionId,
      });
      const co = await cosign(w, d2!, late.id);
      expect(co.body.code).toBe('PROPOSAL_NOT_OPEN_FOR_COSIGNING');
      expect(
        (await staffPost(w, `proposals/${late.id}/accept`, { category: 'other' })).body.code,
      ).toBe('PROPOSAL_SUGGESTION_NOT_ACCEPTABLE');
      const forwarded = await staffPost(w, `proposals/${late.id}/convert`, {
        departmentIds: [w.hr.departmentId],
      }).expect(200);
      expect(forwarded.body).toMatchObject({ kind: 'suggestion', status: 'in_handling' });

      // Between sessions: a suggestion, reported to the next planned session.
      setClock(t, new Date('2026-12-06T02:00:00Z'));
      const between = await table(w, d3!, '闭会期间的建议');
      expect(between).toMatchObject({
        kind: 'suggestion',
        status: 'submitted',
        sessionId: nextSessionId,
      });
    } finally {
      setClock(t, NOW);
    }
  });

  it('flags a department that missed its deadline to staff, and counts its late answer as late', async () => {
    const [, d1, d2, d3] = w.d;
    const pid = await submitted(w, d1!, [d2!, d3!], '关于维修宿舍热水器的建议');
    const accepted = await staffPost(w, `proposals/${pid}/accept`, {
      category: 'welfare',
      departmentIds: [w.hr.departmentId],
      dueOn: '2026-11-25',
    }).expect(200);
    const aid = accepted.body.assignments[0].id as string;
    const past = await staffPost(w, `proposals/${pid}/assignments`, {
      departmentIds: [w.logistics.departmentId],
      dueOn: '2026-11-19',
    });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({
      code: 'PROPOSAL_BAD_DUE_DATE',
      details: [{ field: 'dueOn' }],
    });
    const badDay = await staffPost(w, `proposals/${pid}/assignments`, {
      departmentIds: [w.logistics.departmentId],
      dueOn: '2026-02-30',
    });
    expect(badDay.body.details[0].field).toBe('dueOn');
    const dup = await staffPost(w, `proposals/${pid}/assignments`, {
      departmentIds: [w.hr.departmentId],
    });
    expect(dup.body.code).toBe('PROPOSAL_ALREADY_ASSIGNED');

    const overdue = () =>
      t.http().get(`/api/terms/${w.termId}/proposals/overdue`).set(bearer(w.staff)).expect(200);
    // The last day itself is still on time.
    setClock(t, new Date('2026-11-25T15:59:00Z'));
    expect((await overdue()).body.map((a: { id: string }) => a.id)).not.toContain(aid);
    setClock(t, new Date('2026-11-25T16:00:00Z'));
    try {
      const list = (await overdue()).body;
      expect(list.find((a: { id: string }) => a.id === aid)).toMatchObject({
        overdue: true,
        departmentName: '人力资源部',
        dueOn: '2026-11-25',
        proposal: { id: pid, overdue: true },
      });
      const flagged = await t
        .http()
        .get(`/api/terms/${w.termId}/proposals?overdue=true`)
        .set(bearer(w.staff));
      expect(flagged.body.map((p: { id: string }) => p.id)).toContain(pid);
      const late = await answer(w, w.hr.token, aid).expect(200);
      expect(late.body.assignments[0].answers[0]).toMatchObject({
        onTime: false,
        dueOn: '2026-11-25',
      });
      expect((await overdue()).body.map((a: { id: string }) => a.id)).not.toContain(aid);
    } finally {
      setClock(t, NOW);
    }
  });
});
