import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { cardQrText } from '../../apps/api/src/roster/delegate-card/card-code.js';
import { bearer, departmentUser, userWithRole } from '../utils/actors.js';
import { issueCards } from '../utils/cards.js';
import { circulate, type LiveSession, preparedSession } from '../utils/live-session.js';
import { launchChromium, phoneContext } from './support/chromium.js';
import { deskLogIn } from './support/desk-login.js';
import { confirmBox, toast } from './support/element-plus.js';
import { writeQrY4m } from './support/fake-camera.js';
import { watchProblems } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

/** Chrome logs each refused fetch to the console; these are the refusals the test asked for. */
const unexpected = (problems: string[], statuses: number[]) =>
  problems.filter(
    (p) => !statuses.some((s) => p.includes(`the server responded with a status of ${s}`)),
  );

describe('the door: a staff phone scans 代表证; a department answers its own proposals', () => {
  let w: WebApp;
  let staff: string;
  let live: LiveSession;
  let codes: Map<string, string>;
  let camera: Browser | undefined;

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff');
    live = await preparedSession(w.api, staff, 4, [{ kind: 'report', title: '工作报告' }]);
    await circulate(w.api, staff, live.sessionId);
    ({ codes } = await issueCards(w.api, staff, live.roster.termId));
  }, 180_000);
  afterAll(async () => {
    await camera?.close();
    await w?.close();
  });

  it('reads the card from the phone camera, checks the delegate in, and the console sees it live', async () => {
    // The console's live page, open on a desk before anyone arrives.
    const desk: OpenPage = await w.open('desktop');
    await deskLogIn(desk.page, w.url('/console/live'), 'staff');
    const board = desk.page.getByRole('row', { name: /代表1/ });
    await board.getByText('未签到').waitFor();

    // The phone's camera sees 代表1's card: the QR the card prints, as a video file.
    const dir = new URL('../../test-results/door/', import.meta.url).pathname;
    mkdirSync(dir, { recursive: true });
    const video = `${dir}card.y4m`;
    writeQrY4m(video, cardQrText(codes.get('代表1')!.replace('-', '')));
    camera = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const phone = await phoneContext(camera, { permissions: ['camera'] });
    const page = await phone.newPage();
    const problems = watchProblems(page);
    await deskLogIn(page, w.url('/door'), 'staff');
    await page.waitForURL(/\/door$/);

    const feedback = page.getByTestId('door-feedback');
    await feedback.getByText('已签到', { exact: true }).waitFor({ timeout: 20_000 });
    await expect(feedback.textContent()).resolves.toContain('代表1');
    await page.getByTestId('door-count').getByText('已签到 1 / 4 人').waitFor();
    await screenshot(page, 'door-phone-scanned');

    // The console's check-in board follows the room: 代表1 is present.
    await board.getByText('已签到').waitFor({ timeout: 10_000 });
    await screenshot(desk.page, 'door-console-live');
    await desk.close();

    // Typed from another card (lower case, with its dash): checked in; a made-up 证号 is refused.
    await page.getByLabel('代表证号').fill(codes.get('代表2')!.toLowerCase());
    await page.getByRole('button', { name: '签到' }).click();
    await feedback.getByText('代表2').waitFor();
    await page.getByLabel('代表证号').fill('7KQ2M-9XF4T');
    await page.getByRole('button', { name: '签到' }).click();
    await feedback.getByText('无效的代表证').waitFor();
    await screenshot(page, 'door-phone-refused');

    const rows = await w.api
      .http()
      .get(`/api/sessions/${live.sessionId}/attendance`)
      .set(bearer(staff))
      .expect(200);
    const byName = new Map(
      (rows.body as { name: string; status: string; method: string | null }[]).map((r) => [
        r.name,
        [r.status, r.method],
      ]),
    );
    expect(byName.get('代表1')).toEqual(['present', 'card']);
    expect(byName.get('代表2')).toEqual(['present', 'card']);
    expect(byName.get('代表3')).toEqual(['not_checked_in', null]);
    expect(unexpected(problems, [404])).toEqual([]);
    await phone.close();
  });

  // A PDF is known by its first bytes (%PDF-); the api checks them.
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

  it('shows a department only its own assignments, with deadlines, and takes its answer with an attachment', async () => {
    const hr = await departmentUser(w.api, staff, '人力资源部', 'hr.clerk');
    const logistics = await departmentUser(w.api, staff, '后勤保障部', 'logistics.clerk');
    const [a, b, c] = [0, 1, 2].map((i) => live.tokens.get(live.roster.delegates[i]!.id)!);
    const table = async (subject: string, departmentId: string, file?: string) => {
      const p = await w.api
        .http()
        .post('/api/proposals')
        .set(bearer(a!))
        .send({
          termId: live.roster.termId,
          subject,
          reasons: '夜班职工下班后没有公共交通，只能步行或自费打车。',
          measures: '建议开通夜班职工班车，每晚零点和两点各发一班。',
          category: 'welfare',
          // A draft first when it carries a file: files are attached before it is tabled.
          draft: !!file,
        })
        .expect(201);
      // The proposer's own file (材料), attached to the draft, which is then tabled.
      if (file) {
        await w.api
          .http()
          .post(`/api/proposals/${p.body.id}/files`)
          .set(bearer(a!))
          .attach('file', pdf('route map'), file)
          .expect(201);
        await w.api.http().post(`/api/proposals/${p.body.id}/table`).set(bearer(a!)).expect(200);
      }
      for (const token of [b!, c!])
        await w.api
          .http()
          .post(`/api/proposals/${p.body.id}/cosignature`)
          .set(bearer(token))
          .expect(200);
      await w.api
        .http()
        .post(`/api/proposals/${p.body.id}/accept`)
        .set(bearer(staff))
        .send({ category: 'welfare', departmentIds: [departmentId] })
        .expect(200);
      return p.body.id as string;
    };
    await table('开通夜班职工班车', hr.departmentId, '夜班线路图.pdf');
    await table('食堂增加夜宵窗口', logistics.departmentId);

    const clerk = await w.open('desktop');
    const page = clerk.page;
    await deskLogIn(page, w.url('/console'), 'hr.clerk');
    await page.waitForURL(/\/console\/assignments$/);
    await page.getByRole('heading', { name: '本部门承办的提案' }).waitFor();
    await page.getByRole('cell', { name: /开通夜班职工班车/ }).waitFor();
    await expect(page.getByText('食堂增加夜宵窗口').count()).resolves.toBe(0);
    // The menu shows the department its pages: its assignments, the inspection findings it
    // answers, the 厂务公开 it drafts and the supervision group's notices (通报) sent to it.
    await expect(page.getByRole('menuitem').allTextContents()).resolves.toEqual([
      '本部门承办',
      '巡视问题整改',
      '厂务公开',
      '公开计划',
      '监督检查',
    ]);
    await screenshot(page, 'department-assignments');

    await page.getByRole('button', { name: '开通夜班职工班车' }).click();
    await page.getByText('建议开通夜班职工班车，每晚零点和两点各发一班。').waitFor();
    // The proposer's file downloads from the drawer, with the department's token.
    const proposerFile = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 夜班线路图.pdf' }).click();
    expect((await proposerFile).suggestedFilename()).toBe('夜班线路图.pdf');
    // An attachment for the answer: uploaded, listed, then sent with the answer.
    await page.locator('.el-drawer input[type=file]').setInputFiles({
      name: '班车时刻表.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('timetable'),
    });
    await toast(page, '已上传 班车时刻表.pdf');
    await page.getByRole('button', { name: '下载 班车时刻表.pdf' }).waitFor();
    await page.getByRole('button', { name: '移除' }).waitFor();
    await page
      .getByLabel('书面答复')
      .fill('经研究，自 2027 年 1 月起开通夜班班车两班，线路覆盖三个生活区。');
    await page.getByRole('button', { name: '提交答复' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'department-answer-attachment');
    await page.getByRole('button', { name: '提交答复' }).click();
    await confirmBox(page, '提交答复', '确定');
    await page.getByText(/第 1 轮答复/).waitFor();
    // Sent with the answer: listed under it, no longer removable.
    await page.getByRole('button', { name: '下载 班车时刻表.pdf' }).waitFor();
    await expect(page.getByRole('button', { name: '移除' }).count()).resolves.toBe(0);
    await screenshot(page, 'department-answered');

    const mine = await w.api
      .http()
      .get('/api/proposal-assignments/mine')
      .set(bearer(hr.token))
      .expect(200);
    expect(
      (mine.body as { status: string; proposal: { subject: string } }[]).map((x) => [
        x.proposal.subject,
        x.status,
      ]),
    ).toEqual([['开通夜班职工班车', 'answered']]);
    expect(
      (
        mine.body as { answers: { attachments: { filename: string }[] }[] }[]
      )[0]!.answers[0]!.attachments.map((f) => f.filename),
    ).toEqual(['班车时刻表.pdf']);
    expect(clerk.problems).toEqual([]);
    await clerk.close();
  });

  it('shows staff the proposer’s file and the answer’s attachment in the review drawer', async () => {
    const desk = await w.open('desktop');
    const page = desk.page;
    await deskLogIn(page, w.url('/console/proposals'), 'staff');
    await page.getByRole('heading', { name: /^提案工作/ }).waitFor();
    await page.getByText(/^\s*已答复（1）\s*$/).click();
    await page.getByRole('cell', { name: /开通夜班职工班车/ }).click();
    const drawer = page.locator('.el-drawer');
    await drawer.getByRole('button', { name: '下载 夜班线路图.pdf' }).waitFor();
    const answerFile = page.waitForEvent('download');
    await drawer.getByRole('button', { name: '下载 班车时刻表.pdf' }).click();
    expect((await answerFile).suggestedFilename()).toBe('班车时刻表.pdf');
    await screenshot(page, 'console-proposal-files', false);
    expect(desk.problems).toEqual([]);
    await desk.close();
  });
});
