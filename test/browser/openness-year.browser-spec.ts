import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { departmentUser, userWithRole } from '../utils/actors.js';
import { published, unit } from '../openness/world.js';
import { RATING_TITLE, ratingPolls } from '../openness/rating.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const PHONE = { viewport: { width: 390, height: 844 } };
const TITLE = '2026年10月业务招待费使用情况';

/**
 * 厂务公开's year in the console: staff file the record forms in the archive, choose the year's
 * 满意度测评 (a secret evaluation the delegates voted on their tablets) and download the summary
 * draft; the board then shows the rating on a phone.
 */
describe("厂务公开's year screens", () => {
  let w: WebApp;
  let staffPage: OpenPage;
  // The api runs on the real clock: the year is this year in Shanghai.
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  beforeAll(async () => {
    w = await startWebApp();
    const staff = await userWithRole(w.api, 'staff', 'union.staff');
    const company = await unit(w.api, staff, '某某机械有限公司', 'company');
    const finance = await departmentUser(w.api, staff, '财务部', 'finance.clerk');
    // On the board while its period runs: from today (Shanghai) for a month, on the real clock.
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    await published(
      { t: w.api, staff },
      finance,
      company,
      TITLE,
      { eventOn: `${year}-01-10`, withinDays: 7 },
      { publishFrom: day(Date.now()), publishUntil: day(Date.now() + 30 * 86_400_000) },
    );
    // 3 满意, 1 基本满意, 1 不满意: 80%.
    await ratingPolls(w.api, staff, [0, 0, 0, 1, 2]);
    staffPage = await w.open('desktop');
  }, 300_000);
  afterAll(() => w?.close());

  it('staff file the year’s record forms in the archive, once', async () => {
    const page = staffPage.page;
    await page.goto(w.url('/console/login?next=/console/openness-plan'));
    await page.getByLabel('用户名', { exact: true }).fill('union.staff');
    await page.getByLabel('密码', { exact: true }).fill('second-pass-123');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('cell', { name: TITLE }).waitFor();
    await page.getByRole('button', { name: '记录表归档（PDF）' }).click();
    const archived = page.getByTestId('archived');
    await archived.getByText(`${year} 年度厂务公开记录表：第 1 号档案条目`).waitFor();
    await page.getByRole('button', { name: '记录表归档（PDF）' }).click();
    await archived.getByText('记录表没有变化，未重复归档').waitFor();
    await screenshot(page, 'openness-year-archived');
    expect(staffPage.problems).toEqual([]);
  });

  it('staff choose the year’s 满意度测评 and download the summary draft', async () => {
    const page = staffPage.page;
    await page.getByText('本年度尚未选定满意度测评。').waitFor();
    await page.locator('.el-select.poll').click();
    await page.getByRole('option', { name: new RegExp(RATING_TITLE) }).click();
    await page.getByRole('button', { name: `定为 ${year} 年度测评` }).click();
    await page
      .getByTestId('satisfaction')
      .getByText('满意率 80%（满意与基本满意之和 ÷ 有效票）')
      .waitFor();
    await screenshot(page, 'openness-year-satisfaction');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载工作总结草稿（DOCX）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`厂务公开工作总结-${year}（草稿）.docx`);
    const docx = readFileSync((await download.path())!);
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
    expect(xml).toContain(`${year} 年度厂务公开工作总结（草稿）`);
    expect(xml).toContain('满意率（满意与基本满意之和 ÷ 有效票）为 80%');
    expect(staffPage.problems).toEqual([]);
  });

  it('the board shows the rating on a phone, without log-in', async () => {
    const phone = await w.open('tablet', '/board/openness', PHONE);
    await phone.page.getByRole('heading', { name: '厂务公开满意度测评' }).waitFor();
    await phone.page.getByText(`${year} 年度：满意率 80%（满意与基本满意之和 ÷ 有效票）`).waitFor();
    await phone.page.getByText(TITLE).waitFor();
    await screenshot(phone.page, 'openness-year-board-phone');
    expect(phone.problems).toEqual([]);
  });
});
