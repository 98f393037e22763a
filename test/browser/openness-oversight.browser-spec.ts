import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer, departmentUser, userWithRole } from '../utils/actors.js';
import { employeeUser, unit } from '../openness/world.js';
import { confirmBox, toast } from './support/element-plus.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const PHONE = { viewport: { width: 390, height: 844 } };

/** Logs a desk account in through the console's log-in page. */
async function deskLogIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill('second-pass-123');
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * 厂务公开 oversight through its screens, on the api's real clock: last month's plan lines were
 * not published, so staff's 发送提醒 reminds their departments; the supervision group checks
 * last month, sees the findings and sends notices; a department reads its notice; the board's
 * 往期公开 opens on a phone; staff disable the account of an employee who left.
 */
describe('厂务公开 oversight screens', () => {
  let w: WebApp;
  let staffPage: OpenPage;
  let groupPage: OpenPage;
  // Last month in Shanghai: its lines are due and, here, not published.
  const [year, month] = new Date(Date.now() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 7)
    .split('-')
    .map(Number) as [number, number];
  const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const FINANCE_LINE = `${last.month}月业务招待费`;
  const WS_LINE = `${last.month}月一车间夜班补贴`;

  beforeAll(async () => {
    w = await startWebApp();
    const staff = await userWithRole(w.api, 'staff', 'union.staff');
    await userWithRole(w.api, 'supervisor', 'group.member');
    const company = await unit(w.api, staff, '某某机械有限公司', 'company');
    const ws1 = await unit(w.api, staff, '一车间', 'workshop', company);
    await employeeUser(w.api, staff, ws1, 'E0001', '王离职');
    const finance = await departmentUser(w.api, staff, '财务部', 'fin.clerk');
    const ws = await departmentUser(w.api, staff, '一车间办公室', 'ws1.clerk');
    for (const [unitId, title, departmentId] of [
      [company, FINANCE_LINE, finance.departmentId],
      [ws1, WS_LINE, ws.departmentId],
    ] as const)
      await w.api
        .http()
        .post('/api/openness/plan')
        .set(bearer(staff))
        .send({ ...last, unitId, category: 'finance', title, departmentId })
        .expect(201);
    staffPage = await w.open('desktop');
    groupPage = await w.open('desktop');
  }, 240_000);
  afterAll(() => w?.close());

  it('staff send the reminders from the plan dashboard, once', async () => {
    const page = staffPage.page;
    await deskLogIn(page, w.url('/console/login?next=/console/openness-plan'), 'union.staff');
    await page.getByRole('heading', { name: '年度公开计划' }).waitFor();
    await page.getByRole('button', { name: '发送提醒' }).click();
    // The start-up timer may have sent them already (it runs when the api starts): either way
    // the page says what happened, and a second press sends nothing.
    const status = page.getByRole('status');
    await status.waitFor();
    await screenshot(page, 'openness-plan-reminders-sent');
    await page.getByRole('button', { name: '发送提醒' }).click();
    await status.filter({ hasText: '没有需要发送的提醒' }).waitFor();
    await screenshot(page, 'openness-plan-reminders');
    expect(staffPage.problems).toEqual([]);
  });

  it('the supervision group checks last month, sees the findings and sends notices', async () => {
    const page = groupPage.page;
    await deskLogIn(page, w.url('/console/login'), 'group.member');
    await page.getByRole('heading', { name: '厂务公开监督检查' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/openness-supervision');
    await page.getByRole('button', { name: '开始检查' }).click();
    await toast(page, '检查完成');
    const findings = page.getByRole('region', { name: '检查发现的问题' });
    await findings.getByRole('cell', { name: FINANCE_LINE }).waitFor();
    await findings.getByRole('cell', { name: WS_LINE }).waitFor();
    expect(await findings.getByText('到期未公开').count()).toBe(2);
    await screenshot(page, 'openness-supervision-findings');
    await page.getByRole('button', { name: '发出通报' }).click();
    await toast(page, '通报已发出');
    await page.getByText('通报 · 财务部').waitFor();
    await page.getByText('通报 · 一车间办公室').waitFor();
    await page.getByText(/已向 .*发出通报。/).waitFor();
    await screenshot(page, 'openness-supervision-notices');
    // The group reads the items too, and may not change them.
    await page.goto(w.url('/console/openness'));
    await page.getByText('监督检查小组可以查阅全部公开事项').waitFor();
    expect(await page.getByRole('button', { name: '提出公开事项' }).count()).toBe(0);
    expect(groupPage.problems).toEqual([]);
  });

  it('a department reads the notice sent to it, and only its own', async () => {
    const dept = await w.open('desktop');
    try {
      await deskLogIn(
        dept.page,
        w.url('/console/login?next=/console/openness-supervision'),
        'fin.clerk',
      );
      await dept.page.getByRole('heading', { name: '监督检查通报' }).waitFor();
      await dept.page.getByText('通报 · 财务部').waitFor();
      await dept.page.getByText(`【到期未公开】${FINANCE_LINE}`).waitFor();
      expect(await dept.page.getByText('通报 · 一车间办公室').count()).toBe(0);
      await screenshot(dept.page, 'openness-supervision-department');
      expect(dept.problems).toEqual([]);
    } finally {
      await dept.close();
    }
  });

  it('the board keeps past items under 往期公开', async () => {
    const phone = await w.open('tablet', '/board/openness', PHONE);
    try {
      await phone.page.getByRole('button', { name: '往期公开（公开期已满的事项）' }).click();
      await phone.page.getByText('没有往期公开的事项。').waitFor();
      await screenshot(phone.page, 'openness-board-archive');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
  it('staff disable the account of an employee who left (单位与职工)', async () => {
    const page = staffPage.page;
    await page.goto(w.url('/console/openness-setup'));
    const row = page.locator('.el-table__row').filter({ hasText: 'emp-e0001' });
    await row.getByRole('button', { name: '停用' }).click();
    await confirmBox(page, '停用职工账号', '停用');
    await toast(page, '已停用');
    await row.getByText('已停用').waitFor();
    await row.getByRole('button', { name: '启用' }).waitFor();
    await screenshot(page, 'openness-setup-employee-disabled');
    expect(staffPage.problems).toEqual([]);
  });
});
