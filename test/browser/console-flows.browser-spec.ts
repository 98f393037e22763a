// The console's committee, agenda and roster forms, as a staff member uses them: a small congress
// made through the API (delegates, departments, tabled proposals, a session three days ahead),
// then every decision taken on the console's own screens.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { formatShanghai } from '../../apps/api/src/common/time.js';
import {
  bearer,
  createRoster,
  delegateTokens,
  departmentUser,
  type RosterFixture,
  userWithRole,
} from '../utils/actors.js';
import { deskLogIn } from './support/desk-login.js';
import { answerPrompt, dialog, fillField, toast } from './support/element-plus.js';
import { samplePdf } from './support/sample-pdf.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const ACCEPTED = '关于开通夜班职工班车的建议';
const MERGED = '关于增加夜班通勤车辆的建议';
const CONVERTED = '关于食堂增加夜宵窗口的建议';
const REJECTED = '关于提高全体职工工资百分之五十的建议';
const REJECT_REASON = '工资调整由集体协商确定，不属于本次大会提案范围';
const ELECTION = '选举职工董事';
const EVALUATION = '民主评议公司领导人员';
const LATE_REASON = '集体合同草案于会前三天才定稿';
const RECALL_REASON = '所在单位职工大会 2026 年 11 月 30 日表决罢免';

/** A day `days` from now in Shanghai, as the date pickers take it (YYYY-MM-DD). */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' });

async function go(page: Page, menu: string, heading: RegExp) {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/** Picks an option of an Element Plus select: opens it, then clicks the option in its dropdown. */
async function pick(select: Locator, option: string) {
  await select.click();
  await select
    .page()
    .locator('.el-select-dropdown__item:visible', { hasText: option })
    .first()
    .click();
}

describe('the console’s committee, agenda and roster forms', () => {
  let w: WebApp;
  let staff: string;
  let roster: RosterFixture;
  let sessionId: string;
  let desk: OpenPage;
  let page: Page;

  beforeAll(async () => {
    w = await startWebApp();
    const http = () => w.api.http();
    staff = await userWithRole(w.api, 'staff');
    roster = await createRoster(w.api, staff, 8);
    // 代表1 sits on the presidium, whose approval a late item needs.
    await http()
      .patch(`/api/delegates/${roster.delegates[0]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    await departmentUser(w.api, staff, '人力资源部', 'hr.clerk');
    await departmentUser(w.api, staff, '后勤保障部', 'logistics.clerk');
    // Three days ahead: inside the proposals' intake window, and too late to circulate on time.
    const s = await http()
      .post(`/api/terms/${roster.termId}/sessions`)
      .set(bearer(staff))
      .send({
        name: '第五届职代会第三次会议',
        startsAt: formatShanghai(new Date(Date.now() + 3 * 86_400_000)),
        place: '职工之家礼堂',
        employees: 300,
        women: 100,
        dispatched: 0,
      })
      .expect(201);
    sessionId = s.body.id;
    await http()
      .post(`/api/sessions/${sessionId}/status`)
      .set(bearer(staff))
      .send({ to: 'preparing' })
      .expect(200);
    // Four proposals tabled from the tablets, each co-signed by two others: the committee's queue.
    const ids = roster.delegates.map((d) => d.id);
    const tokens = await delegateTokens(w.api, staff, roster.termId, ids);
    const token = (i: number) => tokens.get(ids[i]!)!;
    for (const [i, subject] of [ACCEPTED, MERGED, CONVERTED, REJECTED].entries()) {
      const p = await http()
        .post('/api/proposals')
        .set(bearer(token(i)))
        .send({
          termId: roster.termId,
          subject,
          reasons: '夜班职工下班后没有公共交通，只能步行或自费打车。',
          measures: '建议由公司统筹解决。',
          category: 'welfare',
        })
        .expect(201);
      for (const c of [6, 7])
        await http()
          .post(`/api/proposals/${p.body.id}/cosignature`)
          .set(bearer(token(c)))
          .expect(200);
    }
    desk = await w.open('desktop');
    page = desk.page;
  }, 240_000);
  afterAll(() => w?.close());

  /** Opens a proposal's review drawer from the list. */
  async function review(subject: string): Promise<Locator> {
    await page.locator('.el-table__row').getByText(subject, { exact: true }).click();
    const drawer = page.locator('.el-drawer').filter({ hasText: subject });
    await drawer.getByRole('heading', { name: new RegExp(subject) }).waitFor();
    return drawer;
  }
  async function closeDrawer(drawer: Locator) {
    await drawer.getByRole('button', { name: '关闭此对话框' }).click();
    // Until its closing transition ends, the drawer's overlay takes the clicks meant for the list.
    await page.locator('.el-overlay.is-drawer').first().waitFor({ state: 'hidden' });
  }

  it('reviews the intake: 立案 with its number, 并案, 转为意见建议, 不予立案 with a reason; assigns a department with a deadline and publishes', async () => {
    await deskLogIn(page, w.url('/console/proposals'), 'staff');
    await page.getByRole('heading', { name: /^提案工作/ }).waitFor();
    await page.getByText('待审查（4）').waitFor();
    await screenshot(page, 'console-flows-proposals-intake');

    // 立案: the committee keeps the proposer's category; the number is given out by the server.
    const accepted = await review(ACCEPTED);
    await accepted.getByRole('button', { name: '立案', exact: true }).click();
    await toast(page, '已立案');
    const numbered = accepted.getByRole('heading', { name: /^第 \d{4}-001 号 / });
    await numbered.waitFor();
    const number = /第 (\d{4}-001) 号/.exec(await numbered.innerText())![1]!;
    await accepted.getByText('审查结果').waitFor();
    // Then handed to a department with a deadline.
    const due = dayFromNow(15);
    await pick(accepted.locator('.el-select').filter({ hasText: '追加承办部门' }), '人力资源部');
    await page.keyboard.press('Escape');
    const dueField = accepted.getByPlaceholder('办理期限');
    await dueField.fill(due);
    await dueField.press('Enter');
    await accepted.getByRole('button', { name: '交办' }).click();
    await toast(page, '已交办');
    const assignment = accepted.locator('.el-table__row').filter({ hasText: '人力资源部' });
    await assignment.getByText('待答复').waitFor();
    await assignment.getByText(due).waitFor();
    // And published on the board.
    await accepted.getByRole('button', { name: '公开（公开栏）' }).click();
    await toast(page, '已公开');
    await accepted.getByRole('button', { name: '撤回公开' }).waitFor();
    await screenshot(page, 'console-flows-proposal-accepted', false);
    await closeDrawer(accepted);

    // 并案: into the numbered proposal, chosen by its number.
    const merged = await review(MERGED);
    await pick(
      merged.locator('.el-select').filter({ hasText: '并入的提案' }),
      `${number} ${ACCEPTED}`,
    );
    await merged.getByRole('button', { name: '并案' }).click();
    await toast(page, '已并案');
    await merged.getByText('合并', { exact: true }).waitFor();
    await closeDrawer(merged);

    // 转为意见建议: no department yet (the api takes none or some, never an empty list).
    const converted = await review(CONVERTED);
    await converted.getByRole('button', { name: '转为意见建议' }).click();
    await toast(page, '已转为意见建议');
    await converted.getByText(/^意见建议 · /).waitFor();
    await closeDrawer(converted);

    // 不予立案: the reason is asked for, kept and shown.
    const rejected = await review(REJECTED);
    await rejected.getByRole('button', { name: '不予立案' }).click();
    await answerPrompt(page, '不予立案', REJECT_REASON);
    await toast(page, '已不予立案');
    await rejected.getByText(`不立案：${REJECT_REASON}`).waitFor();
    await screenshot(page, 'console-flows-proposal-rejected', false);
    await closeDrawer(rejected);

    // The queue is empty; 全部 lists the four with their outcome.
    await page.getByText('待审查（0）').waitFor();
    await page.getByText('全部（4）').click();
    const row = (subject: string) => page.locator('.el-table__row').filter({ hasText: subject });
    await row(ACCEPTED).getByText(number).waitFor();
    await row(ACCEPTED).getByText('人力资源部').waitFor();
    await row(CONVERTED).getByText('意见建议').first().waitFor();
    await screenshot(page, 'console-flows-proposals-all');

    // The public board shows the published proposal, and only that one.
    const board = await w.open('desktop', `/board/proposals?session=${sessionId}`);
    await board.page.getByRole('heading', { name: ACCEPTED }).waitFor();
    expect(await board.page.getByText(REJECTED).count()).toBe(0);
    await screenshot(board.page, 'console-flows-board-proposal');
    expect(board.problems).toEqual([]);
    await board.close();
  });

  it('builds a 差额 election and an evaluation in the item form, uploads a document, circulates late with a reason and records the presidium’s approval', async () => {
    await go(page, '议程与分发', /^议程与分发/);
    await page.getByRole('tab', { name: '议程项' }).click();

    // A 差额 election: three candidates for two seats.
    await page.getByRole('button', { name: '新增议程项' }).click();
    let form = dialog(page, '新增议程项');
    await pick(form.locator('.el-select').first(), '民主选举（表决）');
    await fillField(form, '议题', ELECTION);
    const seats = form.getByLabel('应选名额', { exact: true });
    await seats.fill('2');
    await seats.press('Tab');
    await form.getByLabel('候选人', { exact: true }).fill('李明\n周红\n王强');
    await screenshot(page, 'console-flows-election-form', false);
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('选举 2 名，候选人 3 名（李明、周红、王强）').waitFor();

    // An evaluation of two persons on the competence scale.
    await page.getByRole('button', { name: '新增议程项' }).click();
    form = dialog(page, '新增议程项');
    await pick(form.locator('.el-select').first(), '民主评议（表决）');
    await fillField(form, '议题', EVALUATION);
    await form.getByLabel('评议对象', { exact: true }).fill('张建国\n李卫东');
    await form.getByText('优秀/称职/基本称职/不称职').click();
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('评议 2 人，优秀/称职/基本称职/不称职').waitFor();

    // A document for the election: the candidates' profiles, as a PDF.
    const pdf = await samplePdf('候选人简介', ['李明：一车间主任', '周红：质检部工程师']);
    const electionRow = page.locator('.el-table__row').filter({ hasText: ELECTION });
    await electionRow
      .locator('input[type=file]')
      .setInputFiles({ name: '候选人简介.pdf', mimeType: 'application/pdf', buffer: pdf });
    await toast(page, '已上传 候选人简介.pdf');
    await electionRow.getByRole('button', { name: '候选人简介.pdf' }).waitFor();
    await screenshot(page, 'console-flows-agenda-items');

    // Three days before the session is past the 7-day rule: the console asks why, and keeps it.
    await page.getByRole('tab', { name: '分发' }).click();
    await page.locator('.deadline.late').waitFor();
    await page.getByRole('button', { name: '分发议程' }).click();
    await answerPrompt(page, '迟于规定时间分发', LATE_REASON);
    await toast(page, '议程已分发');
    const version = page.locator('.el-table__row').filter({ hasText: '第 1 版' });
    await version.getByText(/迟 \d+ 天/).waitFor();
    await version.getByText(LATE_REASON).waitFor();
    await screenshot(page, 'console-flows-late-circulation');

    // Late items are voted only with the presidium's approval, recorded here.
    await page.getByRole('tab', { name: '主席团批准' }).click();
    const approval = page.locator('.el-table__row').filter({ hasText: ELECTION });
    await approval.getByPlaceholder(/批准依据/).fill('主席团第一次会议决定');
    await pick(approval.locator('.el-select'), '代表1');
    await approval.getByRole('button', { name: '记录批准' }).click();
    await toast(page, '已记录主席团批准');
    await approval.getByText('主席团已批准').waitFor();
    await page
      .locator('.el-table__row')
      .filter({ hasText: EVALUATION })
      .getByRole('button', { name: '记录批准' })
      .waitFor();
    await screenshot(page, 'console-flows-late-approval');

    const votability = await w.api
      .http()
      .get(`/api/agenda-items/${await itemId(ELECTION)}/votability`)
      .set(bearer(staff))
      .expect(200);
    expect(votability.body.reason).toBe('late_approved');
  });

  async function itemId(title: string): Promise<string> {
    const items = await w.api
      .http()
      .get(`/api/sessions/${sessionId}/agenda/items`)
      .set(bearer(staff))
      .expect(200);
    return (items.body as { id: string; title: string }[]).find((i) => i.title === title)!.id;
  }

  it('recalls a delegate with the reason, elects the replacement and shows the seat’s history', async () => {
    await go(page, '代表名册', /^代表名册/);
    await page.getByText('在任代表 8 人，列席 0 人').waitFor();
    const row = (name: string) =>
      page.locator('.el-table__row').filter({ has: page.getByText(name, { exact: true }) });
    await row('代表3').getByRole('button', { name: '罢免' }).click();
    await answerPrompt(page, '罢免：代表3', RECALL_REASON);
    await toast(page, '代表3 已罢免');
    await page.getByText('在任代表 7 人，列席 0 人').waitFor();
    await row('代表3').waitFor({ state: 'detached' });

    // Under 罢免, the seat is offered for a by-election.
    await page.locator('.filters').getByText('罢免', { exact: true }).click();
    await row('代表3').getByText('罢免', { exact: true }).waitFor();
    await screenshot(page, 'console-flows-recalled');
    await row('代表3').getByRole('button', { name: '补选替换' }).click();
    const form = dialog(page, '补选代表');
    await form.getByText('补选替换：代表3（罢免）').waitFor();
    await form.getByLabel('姓名', { exact: true }).fill('吴刚');
    await form.getByLabel('工号', { exact: true }).fill('E2001');
    await form
      .getByLabel('补选依据', { exact: true })
      .fill('一车间职工大会补选，2026 年 12 月 1 日');
    // A voting delegate needs a category: the server says so under the field, the form keeps the rest.
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('正式代表须有代表类别').waitFor();
    await screenshot(page, 'console-flows-by-election-error', false);
    const category = form.locator('.el-form-item').filter({ hasText: '类别' });
    await pick(category.locator('.el-select'), '一线职工');
    await category.locator('.el-select').getByText('一线职工').waitFor();
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' }).catch(async (e: unknown) => {
      await screenshot(page, 'console-flows-by-election-stuck', false);
      throw e;
    });
    await page.getByText('在任代表 8 人，列席 0 人').waitFor();

    // The history, never overwritten: the recalled seat keeps its recall with the reason, and the
    // new delegate's record starts with the by-election.
    await page.locator('.filters').getByText('全部', { exact: true }).click();
    await row('代表3').getByText('罢免', { exact: true }).waitFor();
    await row('代表3').getByRole('button', { name: '记录' }).click();
    let history = page.locator('.el-drawer').filter({ hasText: '代表3 的记录' });
    await history.getByText(`在任 → 罢免：${RECALL_REASON}`).waitFor();
    await screenshot(page, 'console-flows-history-recalled');
    await history.getByRole('button', { name: '关闭此对话框' }).click();
    await page.locator('.el-overlay.is-drawer').first().waitFor({ state: 'hidden' });
    await row('吴刚').getByRole('button', { name: '记录' }).click();
    history = page.locator('.el-drawer').filter({ hasText: '吴刚 的记录' });
    await history.getByText(/— → 在任：补选：一车间职工大会补选/).waitFor();
    await screenshot(page, 'console-flows-history-elected');
    // The one refusal on purpose (the by-election without a category, 400); nothing else.
    expect(desk.problems).toHaveLength(1);
    expect(desk.problems[0]).toContain('the server responded with a status of 400');
  });
});
