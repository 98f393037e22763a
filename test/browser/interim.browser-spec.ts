import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  bearer,
  createRoster,
  departmentUser,
  type RosterFixture,
  userWithRole,
} from '../utils/actors.js';
import { chooseOption, dialog, fillField } from './support/element-plus.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

/** Logs a desk account in through the console's log-in page. */
async function deskLogIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill('second-pass-123');
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Between sessions through the console: staff call a joint meeting, which refuses an election
 * on screen and takes a decision to be confirmed by the next session; a tour's finding goes to
 * a department, which answers it on its own page.
 */
describe('between sessions: 联席会议 and 巡视检查 screens', () => {
  let w: WebApp;
  let staff: string;
  let roster: RosterFixture;
  let staffPage: OpenPage;

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff', 'union.staff');
    roster = await createRoster(w.api, staff, 4);
    for (const [i, groupId] of roster.groupIds.entries())
      await w.api
        .http()
        .patch(`/api/groups/${groupId}`)
        .set(bearer(staff))
        .send({ headDelegateId: roster.delegates[i]!.id })
        .expect(200);
    await departmentUser(w.api, staff, '后勤服务中心', 'canteen.clerk');
    const tour = await w.api
      .http()
      .post(`/api/terms/${roster.termId}/inspection-tours`)
      .set(bearer(staff))
      .send({
        topic: '冬季职工食堂与休息室',
        places: '职工食堂、二车间休息室',
        heldOn: '2026-11-20',
        delegateIds: [roster.delegates[0]!.id, roster.delegates[3]!.id],
      })
      .expect(201);
    const departments = await w.api.http().get('/api/departments').set(bearer(staff)).expect(200);
    await w.api
      .http()
      .post(`/api/inspection-tours/${tour.body.id}/findings`)
      .set(bearer(staff))
      .send({
        text: '食堂地面湿滑无警示标志',
        departmentId: departments.body[0].id,
        deadline: '2026-01-05',
      })
      .expect(201);
    staffPage = await w.open('desktop');
  }, 240_000);
  afterAll(() => w?.close());

  it('refuses an election at a joint meeting on screen, and lists a decision for the next session', async () => {
    const page = staffPage.page;
    await deskLogIn(page, w.url('/console/login?next=/console/joint-meetings'), 'union.staff');
    await page.getByRole('heading', { name: '联席会议 · 第五届职工代表大会' }).waitFor();
    await page.getByRole('button', { name: '召集联席会议' }).click();
    const d = dialog(page, '召集联席会议');
    await fillField(d, '日期', '2026-09-15');
    await d.getByLabel('地点', { exact: true }).fill('工会三楼会议室');
    await d.getByLabel('议题', { exact: true }).fill('职工食堂改造');
    await d.getByRole('button', { name: '召集' }).click();

    const drawer = page.locator('.el-drawer');
    await drawer.getByRole('cell', { name: '第一代表团' }).waitFor();
    await drawer.getByRole('cell', { name: '第二代表团' }).waitFor();

    const kind = drawer.locator('.item-form .el-select');
    await chooseOption(page, kind, '民主选举');
    await drawer.getByLabel('议题名称', { exact: true }).fill('补选职工董事');
    await drawer.getByRole('button', { name: '记录议题' }).click();
    const refused = page.getByTestId('item-error');
    await refused.getByText(/联席会议不得处理/).waitFor();
    await screenshot(page, 'interim-joint-refused', false);
    await expect(drawer.getByText('尚未记录议题').count()).resolves.toBe(1);

    await chooseOption(page, kind, '审议决定');
    await drawer.getByLabel('议题名称', { exact: true }).fill('食堂开放时间调整');
    await drawer.getByLabel('处理结果', { exact: true }).fill('同意晚餐延长至 20:00');
    await drawer.getByRole('button', { name: '记录议题' }).click();
    await drawer.getByText('须提请下次职代会确认', { exact: true }).waitFor();
    await expect(refused.count()).resolves.toBe(0);
    await drawer
      .getByLabel('会议纪要', { exact: true })
      .fill('会议由工会主席主持，听取食堂改造进展。');
    await drawer.getByRole('button', { name: '保存纪要' }).click();
    await page.locator('.el-message').filter({ hasText: '纪要已保存' }).first().waitFor();
    await screenshot(page, 'interim-joint-meeting', false);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '食堂开放时间调整' }).waitFor();
    await page
      .getByRole('row', { name: /职工食堂改造/ })
      .getByText('已记录')
      .waitFor();
    await screenshot(page, 'interim-joint-pending');
    expect(staffPage.problems.filter((p) => !p.includes('status of 409'))).toEqual([]);
  });

  it('records a tour finding for a department, which answers it on its own page', async () => {
    const page = staffPage.page;
    await page.getByRole('menuitem', { name: '代表巡视检查' }).click();
    await page.getByText('冬季职工食堂与休息室').waitFor();
    await page.getByRole('button', { name: '记录发现的问题' }).click();
    await page.getByLabel('发现的问题', { exact: true }).fill('二车间休息室暖气不热');
    await page.locator('.finding .el-select').click();
    await page.getByRole('option', { name: '后勤服务中心' }).click();
    await fillField(page, '整改期限', '2099-12-31');
    await page.getByRole('button', { name: '保存问题' }).click();
    const row = page.getByRole('row', { name: /二车间休息室暖气不热/ });
    await row.getByText('待办理').waitFor();
    // The older finding's deadline has passed: marked overdue.
    await page
      .getByRole('row', { name: /食堂地面湿滑/ })
      .getByText('逾期')
      .waitFor();
    await screenshot(page, 'interim-tours');

    const dept = await w.open('desktop');
    await deskLogIn(
      dept.page,
      w.url('/console/login?next=/console/inspection-findings'),
      'canteen.clerk',
    );
    await dept.page.getByRole('heading', { name: '巡视问题整改' }).waitFor();
    const mine = dept.page.getByRole('row', { name: /二车间休息室暖气不热/ });
    await mine.getByRole('button', { name: '答复' }).click();
    const box = dialog(dept.page, '答复整改进展');
    await box.getByLabel('整改答复', { exact: true }).fill('已更换暖气阀门，室温恢复 20℃');
    await box.getByRole('button', { name: '已办结' }).click();
    await box.waitFor({ state: 'hidden' });
    await mine.getByText('已办结').waitFor();
    await screenshot(dept.page, 'interim-findings-department');
    expect(dept.problems).toEqual([]);

    await page.reload();
    await page
      .getByRole('row', { name: /二车间休息室暖气不热/ })
      .getByText('已更换暖气阀门，室温恢复 20℃')
      .waitFor();
    // Each finding shows its state (a tag that once rendered blank while fading in).
    await page
      .getByRole('row', { name: /二车间休息室暖气不热/ })
      .getByText('已办结')
      .waitFor();
    await page
      .getByRole('row', { name: /食堂地面湿滑/ })
      .getByText('待办理')
      .waitFor();
    await screenshot(page, 'interim-tours-answered');
  });
});
