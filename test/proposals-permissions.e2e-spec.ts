import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bearer,
  createRoster,
  delegateTokens,
  departmentUser,
  userWithRole,
} from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';
import {
  answer,
  binary,
  content,
  cosign,
  createWorld,
  NOW,
  PDF,
  setClock,
  staffPost,
  submitted,
  table,
  type World,
} from './proposals/world.js';

type Actor =
  | 'anonymous'
  | 'proposer'
  | 'cosigner'
  | 'delegate'
  | 'otherTerm'
  | 'attendee'
  | 'staff'
  | 'secretary'
  | 'department'
  | 'otherDepartment';

const ACTORS: Actor[] = [
  'anonymous',
  'proposer',
  'cosigner',
  'delegate',
  'otherTerm',
  'attendee',
  'staff',
  'secretary',
  'department',
  'otherDepartment',
];

describe('proposals: who may do what', () => {
  let t: TestApp;
  let w: World;
  const token = {} as Record<Actor, string | null>;
  let proposalId: string;
  let draftId: string;
  let assignmentId: string;
  let sentFile: string;
  let pendingFile: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    setClock(t, null);
    const secretary = await userWithRole(t, 'secretary');
    const finance = await departmentUser(t, w.staff, '财务部', 'finance.clerk');
    const attendee = await t
      .http()
      .post(`/api/terms/${w.termId}/delegates`)
      .set(bearer(w.staff))
      .send({ kind: 'attendee', name: '列席甲', employeeNumber: 'L0001', gender: 'female' })
      .expect(201);
    const other = await t
      .http()
      .post('/api/terms')
      .set(bearer(w.staff))
      .send({ name: '第四届职工代表大会', startsOn: '2021-01-01', endsOn: '2025-12-31' })
      .expect(201);
    const group = await t
      .http()
      .post(`/api/terms/${other.body.id}/groups`)
      .set(bearer(w.staff))
      .send({ name: '第四届第一团' })
      .expect(201);
    const outsider = await t
      .http()
      .post(`/api/terms/${other.body.id}/delegates`)
      .set(bearer(w.staff))
      .send({
        name: '外届代表',
        employeeNumber: 'X9001',
        gender: 'male',
        groupId: group.body.id,
        category: 'front_line',
      })
      .expect(201);
    const attendeeToken = (await delegateTokens(t, w.staff, w.termId, [attendee.body.id])).get(
      attendee.body.id,
    )!;
    const outsiderToken = (await delegateTokens(t, w.staff, other.body.id, [outsider.body.id])).get(
      outsider.body.id,
    )!;
    setClock(t, NOW);
    Object.assign(token, {
      anonymous: null,
      proposer: w.d[0]!.token,
      cosigner: w.d[1]!.token,
      delegate: w.d[5]!.token,
      otherTerm: outsiderToken,
      attendee: attendeeToken,
      staff: w.staff,
      secretary,
      department: w.hr.token,
      otherDepartment: finance.token,
    });

    // One proposal handled by HR, with a sent and a pending attachment; one private draft.
    proposalId = await submitted(w, w.d[0]!, [w.d[1]!, w.d[2]!], '关于改善车间通风的建议');
    const accepted = await staffPost(w, `proposals/${proposalId}/accept`, {
      category: 'safety',
      departmentIds: [w.hr.departmentId],
    }).expect(200);
    assignmentId = accepted.body.assignments[0].id;
    const upload = () =>
      t
        .http()
        .post(`/api/proposal-assignments/${assignmentId}/attachments`)
        .set(bearer(w.hr.token))
        .attach('file', PDF, '通风改造方案.pdf')
        .expect(201);
    sentFile = (await upload()).body.id;
    pendingFile = (await upload()).body.id;
    await answer(w, w.hr.token, assignmentId, '已安排改造。', [sentFile]).expect(200);
    draftId = (
      await t
        .http()
        .post('/api/proposals')
        .set(bearer(w.d[0]!.token))
        .send({ ...content('草稿'), draft: true })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const call = (actor: Actor, method: 'get' | 'post' | 'delete', path: string, body?: object) => {
    const req = t.http()[method](`/api${path}`);
    if (token[actor]) req.set(bearer(token[actor]!));
    return body ? req.send(body) : req;
  };

  /** Runs one request per actor and compares the statuses as one table. */
  async function matrix(
    method: 'get' | 'post' | 'delete',
    path: string,
    expected: Partial<Record<Actor, number>>,
    body?: object,
  ) {
    const actors = ACTORS.filter((a) => expected[a] !== undefined);
    const got: Partial<Record<Actor, number>> = {};
    for (const a of actors) got[a] = (await call(a, method, path, body)).status;
    expect(got).toEqual(expected);
  }

  it('documents its endpoints, with public ones open to anonymous readers', async () => {
    const docs = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/proposals',
        '/api/proposals/{id}/accept',
        '/api/proposal-assignments/{id}/attachments',
        '/api/public/proposals',
        '/api/sessions/{id}/proposals/report',
      ]),
    );
    await matrix('get', '/public/proposals', { anonymous: 200, proposer: 200, staff: 200 });
  });

  it('shows a tabled proposal to staff, its people and departments, and nobody else', async () => {
    await matrix('get', `/proposals/${proposalId}`, {
      anonymous: 401,
      proposer: 200,
      cosigner: 200,
      delegate: 200,
      otherTerm: 404,
      attendee: 403,
      staff: 200,
      secretary: 200,
      department: 200,
      otherDepartment: 404,
    });
  });

  it('shows a draft to its proposer only', async () => {
    await matrix('get', `/proposals/${draftId}`, {
      anonymous: 401,
      proposer: 200,
      cosigner: 404,
      delegate: 404,
      otherTerm: 404,
      attendee: 403,
      staff: 404,
      secretary: 404,
      department: 404,
      otherDepartment: 404,
    });
  });

  it('gives each role its own lists', async () => {
    const staffOnly = {
      anonymous: 401,
      proposer: 403,
      otherTerm: 403,
      attendee: 403,
      staff: 200,
      secretary: 200,
      department: 403,
    };
    await matrix('get', `/terms/${w.termId}/proposals`, staffOnly);
    await matrix('get', `/terms/${w.termId}/proposals/overdue`, staffOnly);
    await matrix('get', `/terms/${w.termId}/proposals/statistics`, staffOnly);
    await matrix('get', `/terms/${w.termId}/proposals/export`, staffOnly);
    await matrix('get', `/sessions/${w.sessionId}/proposals/report`, staffOnly);
    await matrix('get', '/proposals/mine', {
      anonymous: 401,
      proposer: 200,
      otherTerm: 200,
      attendee: 403,
      staff: 403,
      department: 403,
    });
    await matrix('get', '/proposal-assignments/mine', {
      anonymous: 401,
      proposer: 403,
      staff: 403,
      department: 200,
      otherDepartment: 200,
    });
    const mine = await call('proposer', 'get', '/proposals/mine');
    expect(mine.body.map((p: { id: string; isProposer: boolean }) => [p.id, p.isProposer])).toEqual(
      [
        [draftId, true],
        [proposalId, true],
      ],
    );
    expect((await call('cosigner', 'get', '/proposals/mine')).body[0]).toMatchObject({
      id: proposalId,
      isProposer: false,
      cosignedByMe: true,
    });
    expect((await call('otherDepartment', 'get', '/proposal-assignments/mine')).body).toEqual([]);
  });

  it('lets only serving delegates of the term table and co-sign', async () => {
    await matrix(
      'post',
      '/proposals',
      {
        anonymous: 401,
        attendee: 403,
        staff: 403,
        secretary: 403,
        department: 403,
        otherTerm: 403,
      },
      { ...content('越权提案'), termId: w.termId },
    );
    const outsider = await call('otherTerm', 'post', '/proposals', {
      ...content('越权提案'),
      termId: w.termId,
    });
    expect(outsider.body.code).toBe('PROPOSAL_NOT_SERVING_DELEGATE');
    const attendee = await call('attendee', 'post', '/proposals', content('列席代表提案'));
    expect(attendee.body.code).toBe('AUTH_WRONG_ROLE');

    const open = await table(w, w.d[3]!, '征集附议中');
    await matrix('post', `/proposals/${open.id}/cosignature`, {
      anonymous: 401,
      otherTerm: 403,
      attendee: 403,
      staff: 403,
      department: 403,
    });
    expect((await call('otherTerm', 'post', `/proposals/${open.id}/cosignature`)).body.code).toBe(
      'PROPOSAL_NOT_SERVING_DELEGATE',
    );
  });

  it('refuses a recalled delegate, even one still seated in another term', async () => {
    // A second term reuses the first delegates' accounts: 代表7 and 代表8 sit in both.
    setClock(t, null);
    const second = await createRoster(t, w.staff, 8, ['第六届一团']);
    setClock(t, NOW);
    const [d6, d7] = [w.d[6]!, w.d[7]!];
    const both = await t.http().post('/api/proposals').set(bearer(d6.token)).send(content('两届'));
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({
      code: 'PROPOSAL_TERM_REQUIRED',
      details: [{ field: 'termId' }],
    });

    // Recalled in the first term: serving in the second keeps the account, not the right.
    await staffPost(w, `delegates/${d6.id}/status`, { status: 'recalled', reason: '罢免' }).expect(
      200,
    );
    const open = await table(w, w.d[3]!, '需要附议');
    const co = await cosign(w, d6, open.id);
    expect(co.status).toBe(403);
    expect(co.body.code).toBe('PROPOSAL_NOT_SERVING_DELEGATE');
    const tabled = await t
      .http()
      .post('/api/proposals')
      .set(bearer(d6.token))
      .send({ ...content('罢免后提案'), termId: w.termId });
    expect(tabled.body.code).toBe('PROPOSAL_NOT_SERVING_DELEGATE');
    // Without a term: the only term left where they serve.
    const elsewhere = await t
      .http()
      .post('/api/proposals')
      .set(bearer(d6.token))
      .send(content('第六届的建议'));
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.termId).toBe(second.termId);

    // Recalled from their only seat: the account itself is closed.
    await staffPost(w, `delegates/${second.delegates[7]!.id}/status`, {
      status: 'left',
      reason: '离职',
    }).expect(200);
    await staffPost(w, `delegates/${d7.id}/status`, { status: 'recalled', reason: '罢免' }).expect(
      200,
    );
    expect((await cosign(w, d7, open.id)).status).toBe(401);
  });

  it('lets only staff decide, assign and publish', async () => {
    const fresh = await submitted(w, w.d[3]!, [w.d[4]!, w.d[5]!], '待审查');
    const notStaff = {
      anonymous: 401,
      proposer: 403,
      attendee: 403,
      secretary: 403,
      department: 403,
    };
    await matrix('post', `/proposals/${fresh}/accept`, notStaff, { category: 'other' });
    await matrix('post', `/proposals/${fresh}/reject`, notStaff, { reason: 'x' });
    await matrix('post', `/proposals/${fresh}/convert`, notStaff, {});
    await matrix('post', `/proposals/${proposalId}/assignments`, notStaff, {
      departmentIds: [w.hr.departmentId],
    });
    await matrix('post', `/proposals/${proposalId}/publish`, notStaff);
    await matrix('post', `/sessions/${w.sessionId}/proposals/publish`, notStaff);
    const notPublishable = await staffPost(w, `proposals/${fresh}/publish`);
    expect(notPublishable.status).toBe(409);
    expect(notPublishable.body.code).toBe('PROPOSAL_NOT_PUBLISHABLE');
  });

  it('lets only the assigned department answer, and only the proposer rate', async () => {
    const body = { body: '越权答复' };
    await matrix(
      'post',
      `/proposal-assignments/${assignmentId}/answer`,
      {
        anonymous: 401,
        proposer: 403,
        staff: 403,
        otherDepartment: 403,
      },
      body,
    );
    const other = await call(
      'otherDepartment',
      'post',
      `/proposal-assignments/${assignmentId}/answer`,
      body,
    );
    expect(other.body.code).toBe('PROPOSAL_NOT_YOUR_DEPARTMENT');
    const again = await call(
      'department',
      'post',
      `/proposal-assignments/${assignmentId}/answer`,
      body,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROPOSAL_ALREADY_ANSWERED');

    const upload = await t
      .http()
      .post(`/api/proposal-assignments/${assignmentId}/attachments`)
      .set(bearer(token.otherDepartment!))
      .attach('file', PDF, 'x.pdf');
    expect(upload.body.code).toBe('PROPOSAL_NOT_YOUR_DEPARTMENT');
    const remove = await call('otherDepartment', 'delete', `/proposal-attachments/${pendingFile}`);
    expect(remove.body.code).toBe('PROPOSAL_NOT_YOUR_DEPARTMENT');

    const rating = { rating: 'satisfied' };
    await matrix(
      'post',
      `/proposal-assignments/${assignmentId}/rating`,
      {
        anonymous: 401,
        cosigner: 403,
        delegate: 403,
        staff: 403,
        department: 403,
      },
      rating,
    );
    expect(
      (await call('cosigner', 'post', `/proposal-assignments/${assignmentId}/rating`, rating)).body
        .code,
    ).toBe('PROPOSAL_NOT_PROPOSER');
    await matrix(
      'post',
      `/proposal-assignments/${assignmentId}/send-back`,
      {
        cosigner: 403,
        staff: 403,
        department: 403,
      },
      { reason: 'x' },
    );
  });

  it('lets staff, the proposer, co-signers and the department download an answer’s files', async () => {
    await matrix('get', `/proposal-attachments/${sentFile}`, {
      anonymous: 401,
      proposer: 200,
      cosigner: 200,
      delegate: 404,
      otherTerm: 404,
      attendee: 403,
      staff: 200,
      secretary: 200,
      department: 200,
      otherDepartment: 404,
    });
    // A pending upload is the department's own until it is sent.
    await matrix('get', `/proposal-attachments/${pendingFile}`, {
      proposer: 404,
      staff: 404,
      department: 200,
      otherDepartment: 404,
    });
    const file = await t
      .http()
      .get(`/api/proposal-attachments/${sentFile}`)
      .set(bearer(token.proposer!))
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('通风改造方案.pdf')}`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
  });

  it('checks what a department uploads: type from the bytes, size, presence, ownership', async () => {
    // The first assignment was answered: new uploads belong to an open one.
    const closed = await t
      .http()
      .post(`/api/proposal-assignments/${assignmentId}/attachments`)
      .set(bearer(w.hr.token))
      .attach('file', PDF, 'x.pdf');
    expect(closed.body.code).toBe('PROPOSAL_ALREADY_ANSWERED');
    const pid = await submitted(w, w.d[3]!, [w.d[4]!, w.d[5]!], '附件检查');
    const a = (
      await staffPost(w, `proposals/${pid}/accept`, {
        category: 'other',
        departmentIds: [w.hr.departmentId],
      })
    ).body.assignments[0].id as string;
    const post = () =>
      t.http().post(`/api/proposal-assignments/${a}/attachments`).set(bearer(w.hr.token));

    const html = await post().attach('file', Buffer.from('<html><script>x</script>'), 'a.pdf');
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('PROPOSAL_ATTACHMENT_TYPE');
    const missing = await post().field('note', 'x');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('PROPOSAL_ATTACHMENT_MISSING');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await post().attach('file', big, 'big.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PROPOSAL_ATTACHMENT_TOO_LARGE');

    // A file uploaded for one answer cannot be slipped into another's.
    const wrong = await answer(w, w.hr.token, a, '答复', [pendingFile]);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: 'PROPOSAL_ATTACHMENT_INVALID',
      details: [{ field: 'attachmentIds' }],
    });
    const submittedDelete = await call('department', 'delete', `/proposal-attachments/${sentFile}`);
    expect(submittedDelete.status).toBe(409);
    expect(submittedDelete.body.code).toBe('PROPOSAL_ATTACHMENT_SUBMITTED');
    expect(
      (await call('department', 'delete', `/proposal-attachments/${pendingFile}`)).status,
    ).toBe(204);
    expect((await call('department', 'get', `/proposal-attachments/${pendingFile}`)).status).toBe(
      404,
    );
  });

  it('publishes decided proposals to everyone, without personal data beyond names', async () => {
    await t
      .http()
      .patch(`/api/delegates/${w.d[0]!.id}`)
      .set(bearer(w.staff))
      .send({ phone: '13800138000' })
      .expect(200);
    const rejected = await submitted(w, w.d[1]!, [w.d[2]!, w.d[3]!], '不予立案的提案');
    await staffPost(w, `proposals/${rejected}/reject`, { reason: '已有制度规定' }).expect(200);

    expect((await t.http().get(`/api/public/proposals/${proposalId}`)).status).toBe(404);
    expect((await t.http().get(`/api/public/proposal-attachments/${sentFile}`)).status).toBe(404);
    const pub = await staffPost(w, `proposals/${proposalId}/publish`).expect(200);
    expect(pub.body.publishedAt).toBe(NOW.toISOString());
    const session = await staffPost(w, `sessions/${w.sessionId}/proposals/publish`).expect(200);
    expect(session.body.published).toBeGreaterThanOrEqual(2); // the rejected one and the others decided

    const list = await t.http().get(`/api/public/proposals?termId=${w.termId}`).expect(200);
    const mine = list.body.find((p: { id: string }) => p.id === proposalId);
    expect(mine).toMatchObject({
      number: '2026-001',
      subject: '关于改善车间通风的建议',
      statusLabel: '已答复待评价',
      categoryLabel: '劳动保护与安全生产',
      proposerName: '代表1',
      groupName: '第一代表团',
      cosignerNames: ['代表2', '代表3'],
      handling: [
        {
          department: '人力资源部',
          rating: null,
          answers: [{ body: '已安排改造。', answeredOn: '2026-11-20', onTime: true }],
        },
      ],
    });
    expect(list.body.find((p: { id: string }) => p.id === rejected)).toMatchObject({
      decisionLabel: '不立案',
      decisionNote: '已有制度规定',
    });
    expect(list.body.map((p: { id: string }) => p.id)).not.toContain(draftId);

    // Nothing that identifies a person beyond the name: no employee numbers, phones or ids.
    const text = JSON.stringify(list.body);
    const users = await t.sql<{ id: string }>(`SELECT id FROM users`);
    const delegates = await t.sql<{ id: string }>(`SELECT id FROM delegates`);
    for (const secret of [
      'E1000',
      'e1000',
      '13800138000',
      ...users.map((u) => u.id),
      ...delegates.map((d) => d.id),
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/delegateId|userId|employeeNumber|phone|decidedBy|pendingAttachments/);

    const file = await t
      .http()
      .get(`/api/public/proposal-attachments/${sentFile}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

    await staffPost(w, `proposals/${proposalId}/unpublish`).expect(200);
    expect((await t.http().get(`/api/public/proposals/${proposalId}`)).status).toBe(404);
    expect((await t.http().get(`/api/public/proposals/${draftId}`)).status).toBe(404);
  });
});
