import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './utils/actors.js';
import { feed } from './utils/events.js';
import { binary, connected, createTestApp, type TestApp } from './utils/test-app.js';
import {
  answer,
  content,
  cosign,
  createWorld,
  inbox,
  PDF,
  staffPost,
  type World,
} from './proposals/world.js';

/** A PNG signature and nothing else: enough for the check, which reads the bytes. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

interface Note {
  kind: string;
  title: string;
  data: { proposalId?: string; status?: string };
}

describe("proposals: the proposer's files and following a proposal (tablet)", () => {
  let t: TestApp;
  let w: World;
  let id: string;
  let fileId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const upload = (token: string, body: Buffer, filename: string, pid = id) =>
    t
      .http()
      .post(`/api/proposals/${pid}/files`)
      .set(bearer(token))
      .attach('file', body, { filename, contentType: 'application/pdf' });
  const download = (token: string | null, fid = fileId, pid = id) => {
    const req = t.http().get(`/api/proposals/${pid}/files/${fid}`).buffer(true).parse(binary);
    return token ? req.set(bearer(token)) : req;
  };
  const get = (token: string, pid = id) => t.http().get(`/api/proposals/${pid}`).set(bearer(token));

  it('takes files for a draft from its proposer only, checked by their bytes', async () => {
    const [d0, d1] = w.d;
    const draft = await t
      .http()
      .post('/api/proposals')
      .set(bearer(d0!.token))
      .send({ ...content('关于改造职工食堂的建议'), termId: w.termId, draft: true })
      .expect(201);
    id = draft.body.id;
    expect(draft.body).toMatchObject({ files: [], following: false });

    // The client says PDF; the bytes say PNG: the stored type and extension follow the bytes.
    const png = await upload(d0!.token, PNG, '食堂现状.pdf').expect(201);
    expect(png.body).toMatchObject({
      filename: '食堂现状.pdf.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    const pdf = await upload(d0!.token, PDF, '改造方案.pdf').expect(201);
    fileId = pdf.body.id;
    expect(pdf.body).toMatchObject({ filename: '改造方案.pdf', contentType: 'application/pdf' });

    const text = await upload(d0!.token, Buffer.from('<script>alert(1)</script>'), 'a.pdf');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('PROPOSAL_ATTACHMENT_TYPE');
    const none = await t.http().post(`/api/proposals/${id}/files`).set(bearer(d0!.token));
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('PROPOSAL_ATTACHMENT_MISSING');
    const other = await upload(d1!.token, PDF, '别人的.pdf');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('PROPOSAL_NOT_PROPOSER');
    const staff = await upload(w.staff, PDF, 'x.pdf');
    expect(staff.status).toBe(403);

    const mine = await get(d0!.token).expect(200);
    expect(mine.body.files.map((f: { filename: string }) => f.filename)).toEqual([
      '食堂现状.pdf.png',
      '改造方案.pdf',
    ]);
    const bytes = await download(d0!.token).expect(200);
    expect(Buffer.compare(bytes.body as Buffer, PDF)).toBe(0);
    expect(bytes.headers['content-disposition']).toMatch(/^attachment/);
  });

  it("keeps a draft's files from everyone but its proposer", async () => {
    const [, d1] = w.d;
    expect((await download(d1!.token)).status).toBe(404);
    expect((await download(w.staff)).status).toBe(404);
    expect((await download(w.hr.token)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
    // A file id under another proposal is not found either.
    const elsewhere = await t
      .http()
      .post('/api/proposals')
      .set(bearer(w.d[0]!.token))
      .send({ ...content('另一件草稿'), termId: w.termId, draft: true })
      .expect(201);
    expect((await download(w.d[0]!.token, fileId, elsewhere.body.id)).status).toBe(404);
  });

  it('lets the proposer take a file back from the draft, and no more once it is tabled', async () => {
    const [d0] = w.d;
    const before = (await get(d0!.token).expect(200)).body.files as { id: string }[];
    const png = before[0]!.id;
    await t.http().delete(`/api/proposals/${id}/files/${png}`).set(bearer(d0!.token)).expect(204);
    expect((await get(d0!.token)).body.files.map((f: { id: string }) => f.id)).toEqual([fileId]);

    await t.http().post(`/api/proposals/${id}/table`).set(bearer(d0!.token)).expect(200);
    const late = await upload(d0!.token, PDF, '补充.pdf');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROPOSAL_FILES_LOCKED');
    const gone = await t
      .http()
      .delete(`/api/proposals/${id}/files/${fileId}`)
      .set(bearer(d0!.token));
    expect(gone.status).toBe(409);
    expect(gone.body.code).toBe('PROPOSAL_FILES_LOCKED');
    // The database keeps a tabled proposal's files whatever the application does.
    await expect(t.sql(`DELETE FROM proposal_files WHERE id = '${fileId}'`)).rejects.toThrow(
      /kept/,
    );
    await expect(t.sql(`UPDATE proposal_files SET filename = 'x.pdf'`)).rejects.toThrow(/kept/);
  });

  it("shows a tabled proposal's files to whoever reads it, and never on the public board", async () => {
    const [, d1] = w.d;
    const seen = await get(d1!.token).expect(200);
    expect(seen.body.files).toHaveLength(1);
    expect((await download(d1!.token)).status).toBe(200);
    expect((await download(w.staff)).status).toBe(200);
    // A department not (yet) handling it does not read the proposal, nor its files.
    expect((await download(w.hr.token)).status).toBe(404);
    const list = await t.http().get('/api/proposals/cosignable').set(bearer(d1!.token)).expect(200);
    expect(list.body.find((p: { id: string }) => p.id === id)).toMatchObject({ files: 1 });
  });

  it('lets a delegate follow a proposal they may read, privately, and refuses a draft', async () => {
    const [d0, , , , d4] = w.d;
    const res = await t
      .http()
      .put(`/api/proposals/${id}/follow`)
      .set(bearer(d4!.token))
      .expect(200);
    expect(res.body.following).toBe(true);
    // Again is the same.
    await t.http().put(`/api/proposals/${id}/follow`).set(bearer(d4!.token)).expect(200);
    // Another delegate does not see that d4 follows it.
    expect((await get(d0!.token)).body.following).toBe(false);
    const followed = await t.http().get('/api/proposals/following').set(bearer(d4!.token));
    expect(followed.status).toBe(200);
    expect(
      followed.body.map((p: { id: string; following: boolean }) => [p.id, p.following]),
    ).toEqual([[id, true]]);
    expect((await t.http().get('/api/proposals/following').set(bearer(d0!.token))).body).toEqual(
      [],
    );

    const draft = await t
      .http()
      .post('/api/proposals')
      .set(bearer(d0!.token))
      .send({ ...content('未提出的草稿'), termId: w.termId, draft: true })
      .expect(201);
    const own = await t.http().put(`/api/proposals/${draft.body.id}/follow`).set(bearer(d0!.token));
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('PROPOSAL_NOT_FOLLOWABLE');
    // Someone else's draft does not exist for them.
    const foreign = await t
      .http()
      .put(`/api/proposals/${draft.body.id}/follow`)
      .set(bearer(d4!.token));
    expect(foreign.status).toBe(404);
    expect((await t.http().put(`/api/proposals/${id}/follow`).set(bearer(w.staff))).status).toBe(
      403,
    );
    const bad = await t.http().put(`/api/proposals/not-a-uuid/follow`).set(bearer(d4!.token));
    expect(bad.status).toBe(400);
  });

  it('tells the follower when the proposal reaches the committee, is decided and answered', async () => {
    const [, d1, d2, , d4] = w.d;
    const socket = t.socket(d4!.token);
    await connected(socket);
    const notes = feed<Note>(socket, 'notification');
    try {
      expect((await cosign(w, d1!, id)).status).toBe(200);
      expect((await cosign(w, d2!, id)).status).toBe(200);
      const submitted = await notes.until((n) => n.kind === 'proposal.submitted');
      expect(submitted.title).toBe(
        '您关注的提案“关于改造职工食堂的建议”附议人数已满，已提交提案工作委员会审查',
      );
      expect(submitted.data).toMatchObject({ proposalId: id, status: 'submitted' });

      await staffPost(w, `proposals/${id}/accept`, {
        category: 'welfare',
        departmentIds: [w.hr.departmentId, w.logistics.departmentId],
      }).expect(200);
      const accepted = await notes.until((n) => n.kind === 'proposal.accepted');
      expect(accepted.title).toMatch(
        /^您关注的提案“关于改造职工食堂的建议”已立案，编号 2026-\d{3}$/,
      );
      await notes.until((n) => n.kind === 'proposal.assigned');

      // The department on it now reads the proposal's files too.
      expect((await download(w.hr.token)).status).toBe(200);

      const todo = await t.http().get('/api/proposal-assignments/mine').set(bearer(w.hr.token));
      const assignment = todo.body.find((a: { proposal: { id: string } }) => a.proposal.id === id);
      await answer(w, w.hr.token, assignment.id, '食堂将于明年一季度改造。').expect(200);
      const answered = await notes.until((n) => n.kind === 'proposal.answered');
      expect(answered.title).toBe('您关注的提案“关于改造职工食堂的建议”已由人力资源部答复');
    } finally {
      socket.disconnect();
    }
    // The proposer and co-signers are told once, in their own words, not as followers.
    const proposerInbox = await inbox(t, w.d[0]!.token);
    expect(proposerInbox.filter((n) => n.title.startsWith('您关注的'))).toEqual([]);
  });

  it('stops telling a delegate who unfollowed', async () => {
    const [, , , , d4, d5] = w.d;
    const res = await t
      .http()
      .delete(`/api/proposals/${id}/follow`)
      .set(bearer(d4!.token))
      .expect(200);
    expect(res.body.following).toBe(false);
    expect((await t.http().get('/api/proposals/following').set(bearer(d4!.token))).body).toEqual(
      [],
    );
    // Someone else still follows it and is told of the next step; d4 is not.
    await t.http().put(`/api/proposals/${id}/follow`).set(bearer(d5!.token)).expect(200);
    const before = (await inbox(t, d4!.token)).length;
    const todo = await t
      .http()
      .get('/api/proposal-assignments/mine')
      .set(bearer(w.logistics.token));
    const assignment = todo.body.find((a: { proposal: { id: string } }) => a.proposal.id === id);
    await answer(w, w.logistics.token, assignment.id, '班车事宜由后勤统一安排。').expect(200);
    const told = (await inbox(t, d5!.token)).filter((n) => n.kind === 'proposal.answered');
    expect(told.map((n) => n.title)).toEqual([
      '您关注的提案“关于改造职工食堂的建议”已由后勤保障部答复',
    ]);
    expect((await inbox(t, d4!.token)).length).toBe(before);
  });
});
