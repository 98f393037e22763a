import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { canonicalJson } from '../apps/api/src/common/canonical-json.js';
import { PDF } from './proposals/world.js';
import { bearer } from './utils/actors.js';
import { binary, createTestApp, type TestApp } from './utils/test-app.js';
import {
  APPROVAL,
  createWorld,
  draft,
  NOW,
  published,
  setClock,
  type World,
} from './openness/world.js';

/** 厂务公开's five steps: 提出 → 审查 → 公开 → 评议 → 整改, with their refusals. */
describe('厂务公开: the five steps', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  describe('提出 (a department drafts)', () => {
    it('drafts an item for its own department, with its due day from the event', async () => {
      const id = await draft(w, w.finance, w.units.company);
      const res = await http()
        .get(`/api/openness/items/${id}`)
        .set(bearer(w.finance.token))
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'draft',
        statusLabel: '草稿',
        departmentId: w.finance.departmentId,
        departmentName: '财务部',
        unitName: '某某机械有限公司',
        level: 'company',
        categoryLabel: '财务收支（业务费、办公费、车辆费）',
        dueOn: '2026-11-25',
      });
    });

    it('keeps the label of an `other` category and requires it', async () => {
      const base = {
        title: '食堂菜价调整',
        body: '自12月起调整部分菜价。',
        category: 'other',
        unitId: w.units.company,
        timing: 'event',
        eventOn: '2026-11-18',
        withinDays: 3,
        responsiblePerson: '李明',
      };
      const missing = await http()
        .post('/api/openness/items')
        .set(bearer(w.finance.token))
        .send(base);
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual([
        'categoryLabel',
      ]);
      const ok = await http()
        .post('/api/openness/items')
        .set(bearer(w.finance.token))
        .send({ ...base, categoryLabel: '职工食堂' })
        .expect(201);
      expect(ok.body.categoryLabel).toBe('职工食堂');
    });

    it('refuses bad input with the fields named (400)', async () => {
      const res = await http().post('/api/openness/items').set(bearer(w.finance.token)).send({
        title: '',
        body: '内容',
        category: 'gossip',
        unitId: 'not-a-uuid',
        timing: 'event',
        eventOn: '2026-02-30',
        withinDays: -1,
        responsiblePerson: '李明',
      });
      expect(res.status).toBe(400);
      const fields = res.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields).toEqual(['category', 'eventOn', 'title', 'unitId', 'withinDays']);
    });

    it('refuses an unknown unit or plan line (400), and drafting by staff or an employee (403)', async () => {
      const unknown = await http().post('/api/openness/items').set(bearer(w.finance.token)).send({
        title: '一季度公开',
        body: '内容',
        category: 'finance',
        unitId: w.units.company,
        timing: 'periodic',
        planEntryId: '00000000-0000-4000-8000-000000000000',
        responsiblePerson: '李明',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('OPENNESS_PLAN_ENTRY_NOT_FOUND');
      for (const token of [w.staff, w.e.team1]) {
        const res = await http().post('/api/openness/items').set(bearer(token)).send({});
        expect(res.status).toBe(403);
      }
    });

    it("hides another department's item (404) and refuses editing it", async () => {
      const id = await draft(w, w.finance, w.units.company);
      await http().get(`/api/openness/items/${id}`).set(bearer(w.ws2dept.token)).expect(404);
      await http()
        .patch(`/api/openness/items/${id}`)
        .set(bearer(w.ws2dept.token))
        .send({ title: '改' })
        .expect(404);
      const list = await http().get('/api/openness/items').set(bearer(w.ws2dept.token)).expect(200);
      expect(list.body.map((i: { id: string }) => i.id)).not.toContain(id);
    });

    it('checks attachments by their bytes, like agenda documents', async () => {
      const id = await draft(w, w.finance, w.units.company);
      const exe = await http()
        .post(`/api/openness/items/${id}/attachments`)
        .set(bearer(w.finance.token))
        .attach('file', Buffer.from('MZ\x90\x00 this is not a pdf'), '明细.pdf');
      expect(exe.status).toBe(415);
      expect(exe.body.code).toBe('OPENNESS_FILE_TYPE');
      const empty = await http()
        .post(`/api/openness/items/${id}/attachments`)
        .set(bearer(w.finance.token))
        .attach('file', Buffer.alloc(0), 'empty.pdf');
      expect(empty.status).toBe(400);
      const ok = await http()
        .post(`/api/openness/items/${id}/attachments`)
        .set(bearer(w.finance.token))
        .attach('file', PDF, '../../明细.exe')
        .expect(201);
      expect(ok.body).toMatchObject({
        filename: '明细.pdf',
        contentType: 'application/pdf',
        sha256: createHash('sha256').update(PDF).digest('hex'),
      });
    });
  });

  describe('审查 (the leading group reviews)', () => {
    it('refuses review before submission (409) and by a department (403)', async () => {
      const id = await draft(w, w.finance, w.units.company);
      const early = await http()
        .post(`/api/openness/items/${id}/approve`)
        .set(bearer(w.staff))
        .send(APPROVAL);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        code: 'OPENNESS_INVALID_TRANSITION',
        details: { status: 'draft', action: 'review' },
      });
      await http()
        .post(`/api/openness/items/${id}/submit`)
        .set(bearer(w.finance.token))
        .expect(200);
      await http()
        .post(`/api/openness/items/${id}/approve`)
        .set(bearer(w.finance.token))
        .send(APPROVAL)
        .expect(403);
    });

    it('returns with a reason; the department edits and submits again; editing a submitted item is refused', async () => {
      const id = await draft(w, w.finance, w.units.company);
      await http()
        .post(`/api/openness/items/${id}/submit`)
        .set(bearer(w.finance.token))
        .expect(200);
      const locked = await http()
        .patch(`/api/openness/items/${id}`)
        .set(bearer(w.finance.token))
        .send({ title: '改' });
      expect(locked.status).toBe(409);
      const noReason = await http()
        .post(`/api/openness/items/${id}/return`)
        .set(bearer(w.staff))
        .send({ reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
      const back = await http()
        .post(`/api/openness/items/${id}/return`)
        .set(bearer(w.staff))
        .send({ reason: '请附支出明细' })
        .expect(200);
      expect(back.body).toMatchObject({ status: 'returned', returnReason: '请附支出明细' });
      await http()
        .patch(`/api/openness/items/${id}`)
        .set(bearer(w.finance.token))
        .send({ body: '10月业务招待费共支出 12,340 元，明细：……' })
        .expect(200);
      await http()
        .post(`/api/openness/items/${id}/submit`)
        .set(bearer(w.finance.token))
        .expect(200);
      const twice = await http()
        .post(`/api/openness/items/${id}/submit`)
        .set(bearer(w.finance.token));
      expect(twice.status).toBe(409);
    });

    it('approves with time, scope and form; refuses a period that ends before it starts', async () => {
      const id = await draft(w, w.finance, w.units.company);
      await http()
        .post(`/api/openness/items/${id}/submit`)
        .set(bearer(w.finance.token))
        .expect(200);
      const bad = await http()
        .post(`/api/openness/items/${id}/approve`)
        .set(bearer(w.staff))
        .send({ ...APPROVAL, publishUntil: '2026-11-01' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('OPENNESS_BAD_PERIOD');
      const badForm = await http()
        .post(`/api/openness/items/${id}/approve`)
        .set(bearer(w.staff))
        .send({ ...APPROVAL, form: 'poster' });
      expect(badForm.status).toBe(400);
      expect(badForm.body.details[0].field).toBe('form');
      const ok = await http()
        .post(`/api/openness/items/${id}/approve`)
        .set(bearer(w.staff))
        .send(APPROVAL)
        .expect(200);
      expect(ok.body).toMatchObject({
        status: 'approved',
        publishFrom: '2026-11-20',
        publishUntil: '2026-12-04',
        scope: '全体职工',
        form: 'board',
        publishedAt: null,
      });
    });
  });

  describe('公开 (published: frozen and hashed)', () => {
    it('hashes the canonical content with SHA-256, and the database refuses a change after', async () => {
      const id = await draft(w, w.finance, w.units.company, '11月车辆费');
      await http()
        .post(`/api/openness/items/${id}/attachments`)
        .set(bearer(w.finance.token))
        .attach('file', PDF, '车辆费.pdf')
        .expect(201);
      await http()
        .post(`/api/openness/items/${id}/submit`)
        .set(bearer(w.finance.token))
        .expect(200);
      await http()
        .post(`/api/openness/items/${id}/approve`)
        .set(bearer(w.staff))
        .send(APPROVAL)
        .expect(200);
      const pub = await http()
        .post(`/api/openness/items/${id}/publish`)
        .set(bearer(w.staff))
        .expect(200);
      expect(pub.body).toMatchObject({ status: 'published', publishedAt: NOW.toISOString() });
      const [row] = await t.sql<{ content: object; content_sha256: string }>(
        'SELECT content, content_sha256 FROM openness_items WHERE id = $1',
        [id],
      );
      expect(row!.content).toMatchObject({
        title: '11月车辆费',
        attachments: [
          { filename: '车辆费.pdf', sha256: createHash('sha256').update(PDF).digest('hex') },
        ],
      });
      const hash = createHash('sha256').update(canonicalJson(row!.content)).digest('hex');
      expect(row!.content_sha256).toBe(hash);
      expect(pub.body.contentSha256).toBe(hash);

      await expect(
        t.sql(`UPDATE openness_items SET title = '改过的' WHERE id = $1`, [id]),
      ).rejects.toThrow(/frozen/);
      await expect(
        t.sql(`DELETE FROM openness_attachments WHERE item_id = $1`, [id]),
      ).rejects.toThrow(/frozen/);
      const edit = await http()
        .patch(`/api/openness/items/${id}`)
        .set(bearer(w.finance.token))
        .send({ title: '改' });
      expect(edit.status).toBe(409);
      const again = await http().post(`/api/openness/items/${id}/publish`).set(bearer(w.staff));
      expect(again.status).toBe(409);
    });

    it('refuses publishing an item not yet approved (409)', async () => {
      const id = await draft(w, w.finance, w.units.company);
      const res = await http().post(`/api/openness/items/${id}/publish`).set(bearer(w.staff));
      expect(res.status).toBe(409);
      expect(res.body.details).toMatchObject({ status: 'draft', action: 'publish' });
    });
  });

  describe('评议 and 整改', () => {
    let id: string;
    let questionId: string;
    beforeAll(async () => {
      id = await published(w, w.finance, w.units.company, '疗休养安排');
    });

    it('takes a question, a comment and ratings; refuses bad input (400) and non-employees (403)', async () => {
      const post = (token: string, body: object) =>
        http().post(`/api/openness/board/items/${id}/opinions`).set(bearer(token)).send(body);
      await post(w.e.team1, {
        kind: 'question',
        body: '一线职工名额有多少？',
        anonymous: false,
      }).expect(201);
      await post(w.e.office, { kind: 'comment', body: '建议错峰安排。', anonymous: true }).expect(
        201,
      );
      await post(w.e.team2, { kind: 'rating', rating: 'satisfied', anonymous: true }).expect(201);
      const noRating = await post(w.e.team2, { kind: 'rating', anonymous: true });
      expect(noRating.status).toBe(400);
      expect(noRating.body.details[0].field).toBe('rating');
      const noBody = await post(w.e.team2, { kind: 'question', anonymous: false });
      expect(noBody.status).toBe(400);
      expect(noBody.body.details[0].field).toBe('body');
      const noChoice = await post(w.e.team2, { kind: 'comment', body: '好' });
      expect(noChoice.status).toBe(400);
      expect(noChoice.body.details[0].field).toBe('anonymous');
      for (const token of [w.staff, w.finance.token]) {
        const res = await post(token, { kind: 'comment', body: '好', anonymous: false });
        expect(res.status).toBe(403);
      }

      const opinions = await http()
        .get(`/api/openness/items/${id}/opinions`)
        .set(bearer(w.finance.token))
        .expect(200);
      expect(opinions.body).toHaveLength(3);
      const q = opinions.body.find((o: { kind: string }) => o.kind === 'question');
      expect(q).toMatchObject({ authorName: '张三', anonymous: false, receivedOn: '2026-11-20' });
      expect(
        opinions.body.find((o: { kind: string }) => o.kind === 'comment').authorName,
      ).toBeNull();
      questionId = q.id;
    });

    it('answers a question once, publishes it back without the asker, and refuses answering a comment', async () => {
      const opinions = await http()
        .get(`/api/openness/items/${id}/opinions`)
        .set(bearer(w.staff))
        .expect(200);
      const comment = opinions.body.find((o: { kind: string }) => o.kind === 'comment');
      const notQ = await http()
        .post(`/api/openness/opinions/${comment.id}/answer`)
        .set(bearer(w.finance.token))
        .send({ answer: '好的' });
      expect(notQ.status).toBe(409);
      expect(notQ.body.code).toBe('OPENNESS_NOT_A_QUESTION');
      await http()
        .post(`/api/openness/opinions/${questionId}/answer`)
        .set(bearer(w.ws2dept.token))
        .send({ answer: '不是本部门的' })
        .expect(404);
      await http()
        .post(`/api/openness/opinions/${questionId}/answer`)
        .set(bearer(w.finance.token))
        .send({ answer: '一线职工占 70%。' })
        .expect(200);
      const twice = await http()
        .post(`/api/openness/opinions/${questionId}/answer`)
        .set(bearer(w.finance.token))
        .send({ answer: '再答一次' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('OPENNESS_ALREADY_ANSWERED');

      const board = await http().get(`/api/public/openness/items/${id}`).expect(200);
      expect(board.body.questions).toEqual([
        {
          question: '一线职工名额有多少？',
          answer: '一线职工占 70%。',
          receivedOn: '2026-11-20',
          answeredAt: NOW.toISOString(),
        },
      ]);
      expect(board.body.ratings).toEqual({ satisfied: 1, basically_satisfied: 0, unsatisfied: 0 });
      expect(JSON.stringify(board.body)).not.toContain('张三');
      expect(JSON.stringify(board.body)).not.toContain('建议错峰安排');
    });

    it('tracks measures with owner and deadline, flags the overdue one by the fixed clock, and closes only when all is done', async () => {
      const measure = await http()
        .post(`/api/openness/items/${id}/measures`)
        .set(bearer(w.finance.token))
        .send({
          description: '增加一线职工疗休养名额',
          ownerName: '赵六',
          departmentId: w.finance.departmentId,
          dueOn: '2026-11-30',
          opinionId: questionId,
        })
        .expect(201);
      expect(measure.body).toMatchObject({
        status: 'open',
        overdue: false,
        departmentName: '财务部',
      });
      const badDept = await http()
        .post(`/api/openness/items/${id}/measures`)
        .set(bearer(w.finance.token))
        .send({
          description: '措施',
          ownerName: '赵六',
          departmentId: '00000000-0000-4000-8000-000000000000',
          dueOn: '2026-11-30',
        });
      expect(badDept.status).toBe(400);

      await http()
        .post(`/api/openness/items/${id}/close`)
        .set(bearer(w.staff))
        .send({ outcome: '已办结' })
        .expect(409);
      await http()
        .post(`/api/openness/items/${id}/close-opinions`)
        .set(bearer(w.staff))
        .expect(200);
      const late = await http()
        .post(`/api/openness/board/items/${id}/opinions`)
        .set(bearer(w.e.team1))
        .send({ kind: 'comment', body: '晚了', anonymous: false });
      expect(late.status).toBe(409);

      // 2026-12-01 08:00 in Shanghai: the deadline day (30 November) has passed.
      setClock(t, new Date('2026-12-01T00:00:00Z'));
      try {
        const onBoard = await http().get(`/api/public/openness/items/${id}`).expect(200);
        expect(onBoard.body.measures).toMatchObject([{ dueOn: '2026-11-30', overdue: true }]);
        const open = await http()
          .post(`/api/openness/items/${id}/close`)
          .set(bearer(w.staff))
          .send({ outcome: '已办结' });
        expect(open.status).toBe(409);
        expect(open.body.code).toBe('OPENNESS_MEASURES_OPEN');
        await http()
          .post(`/api/openness/measures/${measure.body.id}/done`)
          .set(bearer(w.finance.token))
          .send({ result: '名额由 20 人增至 30 人' })
          .expect(200);
        const closed = await http()
          .post(`/api/openness/items/${id}/close`)
          .set(bearer(w.staff))
          .send({ outcome: '问题已答复，整改已完成' })
          .expect(200);
        expect(closed.body.status).toBe('closed');
        const done = await http().get(`/api/public/openness/items/${id}`).expect(200);
        expect(done.body.measures).toMatchObject([
          { status: 'done', overdue: false, result: '名额由 20 人增至 30 人' },
        ]);
      } finally {
        setClock(t, NOW);
      }
    });

    it('leaves its record form: what, when, where, to whom, questions, answers, outcome', async () => {
      const rec = await http()
        .get(`/api/openness/items/${id}/record`)
        .set(bearer(w.staff))
        .expect(200);
      expect(rec.body).toMatchObject({
        what: '疗休养安排',
        when: '2026-11-20 至 2026-12-04',
        where: '某某机械有限公司（公司）· 公开栏',
        toWhom: '全体职工',
        departmentName: '财务部',
        commentCount: 1,
        ratings: { satisfied: 1, basically_satisfied: 0, unsatisfied: 0 },
        questions: [{ body: '一线职工名额有多少？', answer: '一线职工占 70%。' }],
        measures: [{ status: 'done' }],
        outcome: '问题已答复，整改已完成',
        statusLabel: '已办结',
      });
      const year = await http()
        .get('/api/openness/records?year=2026')
        .set(bearer(w.staff))
        .expect(200);
      expect(year.body.map((r: { itemId: string }) => r.itemId)).toContain(id);
      await http().get('/api/openness/records?year=2026').set(bearer(w.e.team1)).expect(403);
      const xlsx = await http()
        .get('/api/openness/records/export?year=2026')
        .set(bearer(w.staff))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as ArrayBuffer);
      const rows = book.getWorksheet('厂务公开记录表')!.getSheetValues();
      expect(rows.some((r) => Array.isArray(r) && r.includes('疗休养安排'))).toBe(true);
    });
  });

  it('serves a published attachment to readers of the item, and a draft one to nobody outside', async () => {
    const id = await draft(w, w.finance, w.units.company, '带附件');
    const file = await http()
      .post(`/api/openness/items/${id}/attachments`)
      .set(bearer(w.finance.token))
      .attach('file', PDF, '附件.pdf')
      .expect(201);
    await http().get(`/api/public/openness/attachments/${file.body.id}`).expect(404);
    await http().post(`/api/openness/items/${id}/submit`).set(bearer(w.finance.token)).expect(200);
    await http()
      .post(`/api/openness/items/${id}/approve`)
      .set(bearer(w.staff))
      .send(APPROVAL)
      .expect(200);
    await http().post(`/api/openness/items/${id}/publish`).set(bearer(w.staff)).expect(200);
    const got = await http()
      .get(`/api/public/openness/attachments/${file.body.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    expect(got.headers['content-disposition']).toContain('attachment');
  });
});
