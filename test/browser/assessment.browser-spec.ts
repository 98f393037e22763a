import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CRITERIA } from '../../apps/api/src/assessment/criteria.js';
import { bearer, userWithRole } from '../utils/actors.js';
import { liveSession, type LiveSession } from '../utils/live-session.js';
import { deskLogIn } from './support/desk-login.js';
import { confirmBox, dialog, toast } from './support/element-plus.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

/** The criteria staff judge by hand (the checklist's data). */
const MANUAL = CRITERIA.filter((c) => !c.auto).map((c) => c.code);

/**
 * 质量评估 in the console: staff create the year's checklist from a small real congress (a
 * session held, its agenda circulated), override an automatic verdict (refused without a
 * reason), complete it; the supervision group reads it without the buttons.
 */
describe('职代会质量评估 screen', () => {
  let w: WebApp;
  let staff: string;
  let live: LiveSession;
  let year: number;
  let staffPage: OpenPage;

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff', 'union.staff');
    await userWithRole(w.api, 'supervisor', 'oversight');
    // The api child runs on the real clock: the session starts 10 days from now.
    live = await liveSession(w.api, staff, 3, 3, [{ kind: 'report', title: '工会工作报告' }]);
    const session = await w.api
      .http()
      .get(`/api/sessions/${live.sessionId}`)
      .set(bearer(staff))
      .expect(200);
    // The session's calendar year in Beijing.
    year = new Date(new Date(session.body.startsAt).getTime() + 8 * 3_600_000).getUTCFullYear();
    staffPage = await w.open('desktop');
  }, 240_000);
  afterAll(() => w?.close());

  it('creates the year with automatic verdicts, overrides one only with a reason, and completes it', async () => {
    const page = staffPage.page;
    await deskLogIn(page, w.url('/console/assessment'), 'union.staff');
    await page.getByRole('heading', { name: /^质量评估 · / }).waitFor();
    await page.getByText('本届尚未建立质量评估').waitFor();
    await page.locator('.year input').fill(String(year));
    await page.getByRole('button', { name: '建立年度评估' }).click();
    const pre = page.getByRole('row', { name: /PRE-1/ });
    await pre.getByText(/第二次会议：文件提前 \d+ 天送达/).waitFor();
    await pre.getByText('符合', { exact: true }).waitFor();
    await page
      .getByRole('row', { name: /HOLD-1/ })
      .getByText(/本年度召开 1 次：第二次会议/)
      .waitFor();
    await page.getByText('未评估 10').waitFor();
    await screenshot(page, 'assessment-created');

    await pre.getByRole('button', { name: '评定' }).click();
    const d = dialog(page, '评定');
    await d.getByRole('radio', { name: '部分符合' }).click({ force: true });
    await d.getByText('改变自动结论的理由（必填）').waitFor();
    await d.getByRole('button', { name: '保存' }).click();
    await d.getByText('改变自动评估结论须说明理由').waitFor();
    await screenshot(page, 'assessment-override-refused', false);
    await d.locator('textarea').first().fill('补充材料为纸质分发，会前 3 天才送达');
    await d.getByRole('button', { name: '保存' }).click();
    await d.waitFor({ state: 'hidden' });
    await pre.getByText('改判理由：补充材料为纸质分发，会前 3 天才送达').waitFor();
    await pre.getByText('部分符合', { exact: true }).waitFor();
    await pre.locator('.struck').getByText('符合').waitFor();

    // The hand-judged criteria through the api, then the page gathers the figures again.
    const id = (
      await w.api
        .http()
        .get(`/api/terms/${live.roster.termId}/assessments`)
        .set(bearer(staff))
        .expect(200)
    ).body[0].id as string;
    for (const code of MANUAL)
      await w.api
        .http()
        .put(`/api/assessments/${id}/criteria/${code}`)
        .set(bearer(staff))
        .send({ verdict: code === 'DEL-2' ? 'na' : 'meets', note: '已核对会议记录和名册' })
        .expect(200);
    await page.getByRole('button', { name: '重新自动评估' }).click();
    await toast(page, '已按当前记录重新自动评估');
    await page.getByRole('button', { name: '完成评估' }).click();
    await confirmBox(page, '完成评估', '确定');
    await page.getByRole('button', { name: '导出 DOCX' }).waitFor();
    await expect(page.getByRole('button', { name: '评定' }).count()).resolves.toBe(0);
    await screenshot(page, 'assessment-completed');
    expect(staffPage.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  it('is read by the supervision group, without the buttons that change it', async () => {
    const sup = await w.open('desktop');
    await deskLogIn(sup.page, w.url('/console/assessment'), 'oversight');
    await sup.page
      .getByText(/已完成/)
      .first()
      .waitFor();
    await sup.page
      .getByRole('row', { name: /PRE-1/ })
      .getByText(/改判理由/)
      .waitFor();
    await expect(sup.page.getByRole('button', { name: '建立年度评估' }).count()).resolves.toBe(0);
    await expect(sup.page.getByRole('button', { name: /更正/ }).count()).resolves.toBe(0);
    await sup.page.getByRole('button', { name: '导出 DOCX' }).waitFor();
    await screenshot(sup.page, 'assessment-supervisor');
    expect(sup.problems).toEqual([]);
  });
});
