import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { departmentUser, userWithRole } from '../utils/actors.js';
import { waitFor } from '../utils/events.js';
import { employeeUser, unit } from '../openness/world.js';
import { answerPrompt, confirmBox, dialog, toast } from './support/element-plus.js';
import { samplePdf } from './support/sample-pdf.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const PHONE = { viewport: { width: 390, height: 844 } };
const TITLE = '甲班2026年11月加班费发放情况';
const QUESTION = '夜班补贴为什么比上月少了？';
const ANSWER = '11月夜班天数比10月少三天，补贴按天计发，标准未变。';

/** Logs a desk account in through the console's log-in page. */
async function deskLogIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill('second-pass-123');
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs an employee in on the board (the password already changed). */
async function employeeLogIn(page: Page, username: string) {
  await page.getByRole('link', { name: '职工登录' }).first().click();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill('second-pass-123');
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * 厂务公开 through its screens: a department drafts in the console, the leading group (staff)
 * approves and publishes, an employee reads the board on a phone and asks anonymously, the
 * department answers, the employee reads the answer; another workshop's employee cannot read
 * the team's item.
 */
describe('厂务公开 screens', () => {
  let w: WebApp;
  let dept: OpenPage;
  let staffPage: OpenPage;
  let phone: OpenPage;
  let itemUrl = '';

  beforeAll(async () => {
    w = await startWebApp();
    const staff = await userWithRole(w.api, 'staff', 'union.staff');
    const company = await unit(w.api, staff, '某某机械有限公司', 'company');
    const ws1 = await unit(w.api, staff, '一车间', 'workshop', company);
    const ws2 = await unit(w.api, staff, '二车间', 'workshop', company);
    const team1 = await unit(w.api, staff, '甲班', 'team', ws1);
    await unit(w.api, staff, '甲班', 'team', ws2).then((team2) =>
      employeeUser(w.api, staff, team2, 'B0001', '李四'),
    );
    await employeeUser(w.api, staff, team1, 'A0001', '张三');
    await departmentUser(w.api, staff, '一车间办公室', 'ws1.clerk');
    dept = await w.open('desktop');
    staffPage = await w.open('desktop');
    phone = await w.open('tablet', undefined, PHONE);
  }, 240_000);
  afterAll(() => w?.close());

  it('a department drafts an item with an attachment and submits it', async () => {
    const page = dept.page;
    await deskLogIn(page, w.url('/console/login'), 'ws1.clerk');
    await page.getByRole('heading', { name: '厂务公开事项' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/openness');
    await page.getByRole('button', { name: '提出公开事项' }).click();
    const d = dialog(page, '提出公开事项');
    await d.getByLabel('标题', { exact: true }).fill(TITLE);
    await d.locator('.unit-select').click();
    await page.getByRole('option', { name: '甲班（班组）' }).first().click();
    await d.getByLabel('责任人', { exact: true }).fill('李明');
    await d
      .getByLabel('公开内容', { exact: true })
      .fill('11月甲班加班费共计 8,640 元，夜班补贴 2,100 元，明细见附件。');
    await screenshot(page, 'openness-console-draft');
    await d.getByRole('button', { name: '保存草稿' }).click();
    const drawer = page.locator('.el-drawer');
    await drawer.getByText('草稿', { exact: true }).waitFor();
    await drawer.getByLabel('上传附件').setInputFiles({
      name: '加班费明细.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('加班费明细', ['张三 1,200 元', '王五 980 元']),
    });
    await toast(page, '附件已上传');
    await drawer.getByText('加班费明细.pdf').waitFor();
    await drawer.getByRole('button', { name: '提交审查' }).click();
    await toast(page, '已提交领导小组审查');
    await drawer.getByText('待审查', { exact: true }).waitFor();
    await screenshot(page, 'openness-console-submitted');
    expect(dept.problems).toEqual([]);
  });

  it('the leading group approves with period, scope and form, and publishes', async () => {
    const page = staffPage.page;
    await deskLogIn(page, w.url('/console/login?next=/console/openness'), 'union.staff');
    await page.getByRole('cell', { name: TITLE }).click();
    const drawer = page.locator('.el-drawer');
    await drawer.getByRole('button', { name: '审查通过' }).click();
    await drawer.getByLabel('公开范围').fill('甲班全体职工');
    await screenshot(page, 'openness-console-review');
    await drawer.getByRole('button', { name: '确认通过' }).click();
    await toast(page, '审查通过');
    await drawer.getByRole('button', { name: '公开', exact: true }).click();
    await confirmBox(page, '确认公开', '公开');
    await toast(page, '已公开');
    await drawer.getByText('公开中', { exact: true }).waitFor();
    await screenshot(page, 'openness-console-published');
    expect(staffPage.problems).toEqual([]);
  });

  it('an employee reads the team item on a phone and asks anonymously', async () => {
    const page = phone.page;
    await page.goto(w.url('/board/openness'));
    // Without log-in: company items only; the team's item is not there.
    await page.getByText('目前没有公开中的事项。').waitFor();
    await employeeLogIn(page, 'emp-a0001');
    await page.getByText('已登录：张三（emp-a0001）').waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    // The list shows the title too: wait for the item's own address, not just the heading.
    await page.waitForURL(/\/board\/openness\/(?!login)[^/?#]+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    itemUrl = new URL(page.url()).pathname;
    await page.getByText('加班费明细.pdf').waitFor();
    await page.getByText('公开期').first().waitFor();
    // The anonymity note is open when anonymous is chosen (the default) and says its limits.
    await page.getByText('不保存你的账号和姓名').waitFor();
    await page.getByText('不能防服务器的运行管理者').waitFor();
    await page.getByLabel('意见内容').fill(QUESTION);
    await screenshot(page, 'openness-board-phone-ask');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已收到（匿名）。').waitFor();
    await screenshot(page, 'openness-board-phone-sent');
    expect(phone.problems).toEqual([]);
  });

  it('the department answers the question; the employee reads the answer', async () => {
    const page = dept.page;
    await page.reload();
    await page.getByRole('cell', { name: TITLE }).click();
    const drawer = page.locator('.el-drawer');
    const row = drawer.locator('.el-table__row').filter({ hasText: QUESTION });
    await row.getByText('匿名').waitFor();
    await row.getByRole('button', { name: '答复' }).click();
    await answerPrompt(page, '答复提问', ANSWER);
    await toast(page, '已答复，答复随事项公开');
    await drawer.getByText(`答：${ANSWER}`).waitFor();
    await screenshot(page, 'openness-console-answered');

    await phone.page.reload();
    await phone.page.getByText(ANSWER).waitFor();
    await phone.page.getByText(QUESTION).waitFor();
    await screenshot(phone.page, 'openness-board-phone-answer');
    expect(dept.problems).toEqual([]);
  });

  it("another workshop's employee cannot read the team's item", async () => {
    const other = await w.open('tablet', '/board/openness', PHONE);
    try {
      await employeeLogIn(other.page, 'emp-b0001');
      await other.page.getByText('已登录：李四（emp-b0001）').waitFor();
      await other.page.getByText('目前没有公开中的事项。').waitFor();
      expect(await other.page.getByRole('link', { name: TITLE }).count()).toBe(0);
      await other.page.goto(w.url(itemUrl));
      const refused = other.page.locator('main');
      await waitFor(
        async () => (await refused.innerText()).includes('公开事项不存在'),
        30_000,
        'the board to say the item does not exist',
      ).catch(async (e: unknown) => {
        await screenshot(other.page, 'openness-board-other-workshop-failed');
        throw new Error(`${String(e)}; the page says: ${await refused.innerText()}`);
      });
      expect(await other.page.getByText(QUESTION).count()).toBe(0);
      await screenshot(other.page, 'openness-board-other-workshop');
      // The refused item is a 404 answer the page expected, nothing else went wrong.
      expect(other.problems.filter((p) => !p.includes('404'))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
