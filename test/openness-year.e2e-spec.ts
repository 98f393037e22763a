import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import {
  fileBytes,
  verifyArchive,
  type ArchiveExport,
  type OpennessRecordsContent,
} from '../libs/minutes/src/index.js';
import { bearer } from './utils/actors.js';
import { pdfItems } from './utils/pdf-text.js';
import { binary, createTestApp, type TestApp } from './utils/test-app.js';
import { ratingPolls } from './openness/rating.js';
import { createWorld, NOW, published, setClock, type World } from './openness/world.js';

/**
 * 厂务公开's year: the record forms filed in the minutes' archive as a PDF (idempotent, a change
 * is a new linked entry), the satisfaction rating as a secret evaluation among the delegates
 * linked to the year and published on the board, and the summary draft as DOCX.
 */
describe("厂务公开's year: records archived, satisfaction rating, summary", () => {
  let t: TestApp;
  let w: World;
  let ratingPoll: string;
  let motionPoll: string;
  let itemId: string;
  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    // The rating's session runs on the real clock (circulated on a fixed one by liveSession).
    setClock(t, null);
    // 3 满意, 1 基本满意, 1 不满意: (3 + 1) / 5 valid ballots = 80%.
    ({ ratingPoll, motionPoll } = await ratingPolls(t, w.staff, [0, 0, 0, 1, 2]));

    setClock(t, NOW);
    itemId = await published(w, w.finance, w.units.company, '2026年10月业务招待费使用情况');
    await http()
      .post(`/api/openness/board/items/${itemId}/opinions`)
      .set(bearer(w.e.team1))
      .send({ kind: 'question', body: '招待费为何增加？', anonymous: true })
      .expect(201);
  }, 300_000);
  afterAll(() => t.close());

  const archiveYear = (year: unknown = 2026) =>
    http().post('/api/openness/records/archive').set(bearer(w.staff)).send({ year });
  const exported = async () =>
    (await http().get('/api/archive/export').set(bearer(w.staff)).expect(200))
      .body as ArchiveExport;

  describe('the record forms in the archive', () => {
    let first: number;

    it("files the year's forms as a PDF entry of its own kind, once", async () => {
      const res = await archiveYear().expect(200);
      expect(res.body).toMatchObject({
        title: '2026 年度厂务公开记录表',
        appended: true,
        corrects: null,
      });
      first = res.body.seq;
      // The same forms again: the same entry, nothing appended.
      const again = await archiveYear().expect(200);
      expect(again.body).toMatchObject({ seq: first, appended: false, hash: res.body.hash });
      const entries = (await exported()).entries.filter((e) => e.entry.kind === 'openness_records');
      expect(entries).toHaveLength(1);
    });

    it('appends a new entry that corrects the last one when the forms changed', async () => {
      const [question] = (
        await http().get(`/api/openness/items/${itemId}/opinions`).set(bearer(w.staff)).expect(200)
      ).body;
      await http()
        .post(`/api/openness/opinions/${question.id}/answer`)
        .set(bearer(w.finance.token))
        .send({ answer: '含年度客户来访接待。' })
        .expect(200);
      const res = await archiveYear().expect(200);
      expect(res.body).toMatchObject({ appended: true, corrects: first });
      expect(res.body.seq).toBeGreaterThan(first);
    });

    it('verifies offline, and the PDF read back from the export holds the forms', async () => {
      const archive = await exported();
      const report = verifyArchive(archive);
      expect(report.firstFailure).toBeNull();
      expect(report.ok).toBe(true);
      // The command-line verifier, in a fresh process with nothing but the exported file.
      const file = join(mkdtempSync(join(tmpdir(), 'openness-year-')), 'archive.json');
      writeFileSync(file, JSON.stringify(archive));
      const cli = spawnSync('npm', ['run', '--silent', 'verify-archive', '--', file], {
        cwd: join(import.meta.dirname, '..'),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        timeout: 300_000,
      });
      expect(cli.stdout).toContain('验证通过');
      expect(cli.status).toBe(0);
      const last = archive.entries.filter((e) => e.entry.kind === 'openness_records').at(-1)!;
      const content = JSON.parse(last.content!) as OpennessRecordsContent;
      expect(content).toMatchObject({ format: 'openness-records', year: 2026, items: 1 });
      const text = (await pdfItems(fileBytes(content.file))).join('\n');
      expect(text).toContain('2026 年度厂务公开记录表');
      expect(text).toContain('记录表 1：2026年10月业务招待费使用情况');
      expect(text).toContain('问：招待费为何增加？');
      expect(text).toContain('答：含年度客户来访接待。');
    }, 300_000);

    it('refuses a bad year with the field named, and anyone but staff', async () => {
      const bad = await archiveYear('二〇二六');
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['year']);
      await http()
        .post('/api/openness/records/archive')
        .set(bearer(w.finance.token))
        .send({ year: 2026 })
        .expect(403);
    });
  });

  describe('the satisfaction rating (满意度测评)', () => {
    const link = (body: object) =>
      http().post('/api/openness/satisfaction').set(bearer(w.staff)).send(body);

    it('offers only released secret evaluations of one subject on the satisfaction scale', async () => {
      const res = await http()
        .get('/api/openness/satisfaction/polls')
        .set(bearer(w.staff))
        .expect(200);
      expect(res.body.map((p: { id: string }) => p.id)).toEqual([ratingPoll]);
      expect(res.body[0]).toMatchObject({ title: '厂务公开工作满意度测评' });
    });

    it('refuses a poll that is not a satisfaction rating, an unknown poll and bad input', async () => {
      const motion = await link({ year: 2026, pollId: motionPoll });
      expect(motion.status).toBe(409);
      expect(motion.body.code).toBe('OPENNESS_POLL_NOT_ELIGIBLE');
      expect(motion.body.details.reason).toContain('满意/基本满意/不满意');
      const unknown = await link({ year: 2026, pollId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.status).toBe(404);
      const bad = await link({ year: 1999, pollId: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'pollId',
        'year',
      ]);
    });

    it('links the poll to the year and publishes 满意 + 基本满意 over valid ballots on the board', async () => {
      const res = await link({ year: 2026, pollId: ratingPoll }).expect(200);
      expect(res.body).toMatchObject({
        year: 2026,
        pollId: ratingPoll,
        figures: {
          satisfied: 3,
          basicallySatisfied: 1,
          unsatisfied: 1,
          notRated: 0,
          valid: 5,
          invalid: 0,
          percent: 80,
        },
        text: '满意率 80%（满意与基本满意之和 ÷ 有效票）',
      });
      // The same poll cannot rate another year too.
      expect((await link({ year: 2025, pollId: ratingPoll })).status).toBe(409);
      const board = await http().get('/api/public/openness/satisfaction').expect(200);
      expect(board.body).toEqual([res.body]);
    });
  });

  describe('the summary draft', () => {
    it("is a DOCX from the year's records, with the rating and the gaps for the union", async () => {
      const res = await http()
        .get('/api/openness/summary.docx?year=2026')
        .set(bearer(w.staff))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const xml = strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['word/document.xml']!);
      const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
      expect(text).toContain('2026 年度厂务公开工作总结（草稿）');
      expect(text).toContain('全年公开事项 1 项');
      expect(text).toContain('提问 1 个，已答复 1 个，未答复 0 个');
      expect(text).toContain('满意率（满意与基本满意之和 ÷ 有效票）为 80%');
      expect(text).toContain('本年度立案提案 0 件');
      expect(text).toContain('【待填写：存在的问题】');
      await http().get('/api/openness/summary.docx?year=x').set(bearer(w.staff)).expect(400);
      await http()
        .get('/api/openness/summary.docx?year=2026')
        .set(bearer(w.finance.token))
        .expect(403);
    });
  });
});
