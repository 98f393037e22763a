// The delegate's tablet, end to end: a small congress whose staff part runs through the API,
// and three tablets (three browser contexts, 800×1280 with touch) used as delegates would.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import {
  auditBallot,
  ballotShape,
  type BallotAudit,
  type ElectionKey,
  type PollSpec,
} from '../../libs/ballot/src/index.js';
import { bearer, createRoster, departmentUser, userWithRole } from '../utils/actors.js';
import { formatShanghai } from '../../apps/api/src/common/time.js';
import { recordSocketFrames, type SocketFrame } from './support/page-watch.js';
import { samplePdf } from './support/sample-pdf.js';
import { screenshot } from './support/screenshots.js';
import { startWebApp, type WebApp } from './support/web-app.js';

const ITEM = '审议通过《集体合同（草案）》';
const CHOICES = ['赞成', '反对', '弃权'];

interface Tablet {
  page: Page;
  context: BrowserContext;
  problems: string[];
  frames: SocketFrame[];
  loginUrl: string;
}

/** The log-in a tablet page holds (its own token, for the delegate's steps through the api). */
const tokenOf = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('congress.session.tablet')!) as { token: string }).token,
  );

/** The number on the 消息 tab's badge once it is `n` (no badge at all when n is 0). */
async function badgeShows(page: Page, n: number) {
  const badge = page.locator('.van-tabbar-item').nth(4).locator('.van-badge');
  if (n === 0) await badge.waitFor({ state: 'detached' });
  else await badge.filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
}

describe('the delegate tablet', () => {
  let w: WebApp;
  let staff: string;
  let sessionId: string;
  let termId: string;
  const tablets: Tablet[] = [];
  const http = () => w.api.http();

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff');
    const roster = await createRoster(w.api, staff, 3);
    termId = roster.termId;
    // The session starts in 10 days (the api runs on the real clock), so circulating now is on time.
    const s = await http()
      .post(`/api/terms/${termId}/sessions`)
      .set(bearer(staff))
      .send({
        name: '第五届职代会第二次会议',
        startsAt: formatShanghai(new Date(Date.now() + 10 * 86_400_000)),
        place: '公司礼堂',
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
    const item = await http()
      .post(`/api/sessions/${sessionId}/agenda/items`)
      .set(bearer(staff))
      .send({ kind: 'approve', title: ITEM, description: '工会与企业平等协商形成的草案。' })
      .expect(201);
    const pdf = await samplePdf('集体合同（草案）', [
      '第一条 为维护职工合法权益……',
      '第二条 劳动报酬……',
    ]);
    await http()
      .post(`/api/agenda-items/${item.body.id}/documents`)
      .set(bearer(staff))
      .attach('file', pdf, '集体合同草案.pdf')
      .expect(201);
    await http()
      .post(`/api/sessions/${sessionId}/agenda/circulate`)
      .set(bearer(staff))
      .send({})
      .expect(201);
    const codes = await http()
      .post(`/api/terms/${termId}/login-codes`)
      .set(bearer(staff))
      .send({ delegateIds: roster.delegates.map((d) => d.id), format: 'json' })
      .expect(200);
    // Tablet i is 代表(i+1): the sheet's entries sorted by username (e1000, e1001, …).
    const entries = (codes.body.entries as { loginUrl: string; username: string }[]).sort((a, b) =>
      a.username.localeCompare(b.username),
    );
    for (const e of entries) {
      const { page, context, problems } = await w.open('tablet');
      tablets.push({
        page,
        context,
        problems,
        frames: recordSocketFrames(page),
        loginUrl: e.loginUrl,
      });
    }
  }, 240_000);
  afterAll(() => w?.close());

  it('logs each delegate in with one tap from the log-in sheet’s link', async () => {
    for (const [i, t] of tablets.entries()) {
      await t.page.goto(t.loginUrl);
      await t.page.getByText('已按登录单填好').waitFor();
      if (i === 0) await screenshot(t.page, 'tablet-login-filled');
      await t.page.getByRole('button', { name: '登录' }).tap();
      await t.page.getByText(`代表${i + 1}代表，您好`).waitFor();
      await t.page.getByText('第五届职代会第二次会议').waitFor();
    }
    const page = tablets[0]!.page;
    await page.getByText('阅读并签收会议议程').waitFor();
    const tabs = page.locator('.van-tabbar-item');
    expect(await page.locator('.van-tabbar-item__text').allInnerTexts()).toEqual([
      '首页',
      '议程',
      '表决',
      '提案',
      '消息',
    ]);
    for (const box of await Promise.all((await tabs.all()).map((t) => t.boundingBox())))
      expect(box!.height).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'tablet-home-before-session');
  });

  it('shows the circulated agenda and its PDF in the page, and records the sign-off', async () => {
    const page = tablets[0]!.page;
    await page.getByRole('button', { name: /阅读并签收会议议程/ }).tap();
    await page.getByText(ITEM).waitFor();
    await screenshot(page, 'tablet-agenda');
    await page.getByText('集体合同草案.pdf').tap();
    await page.getByText('共 2 页').waitFor();
    await page.locator('[data-testid=pdf-pages] canvas').nth(1).waitFor();
    await screenshot(page, 'tablet-document-pdf');
    await page.getByText('返回').tap();
    await page.getByRole('button', { name: '签收本版议程' }).tap();
    await page.getByText(/您已于 .* 签收本版议程/).waitFor();
    await screenshot(page, 'tablet-agenda-signed');

    const versions = await http()
      .get(`/api/sessions/${sessionId}/agenda/versions`)
      .set(bearer(staff))
      .expect(200);
    const rows = await http()
      .get(`/api/agenda-versions/${versions.body[0].id}/receipts`)
      .set(bearer(staff))
      .expect(200);
    const signed = (rows.body as { name: string; receiptMethod: string | null }[]).filter(
      (r) => r.receiptMethod === 'tablet',
    );
    expect(signed.map((r) => r.name)).toEqual(['代表1']);
  });

  it('tables a proposal with a file; another delegate reads the file, follows it and is told when it changes', async () => {
    const [proposer, follower] = [tablets[0]!.page, tablets[1]!.page];
    const subject = '关于改造职工食堂的建议';
    await proposer.locator('.van-tabbar-item').nth(3).tap();
    await proposer.getByRole('button', { name: '提出提案' }).tap();
    await proposer.getByPlaceholder('例如：关于增设夜班职工班车的建议').fill(subject);
    await proposer
      .getByPlaceholder('现状与存在的问题')
      .fill('食堂座位不足，高峰期排队超过二十分钟。');
    await proposer.getByPlaceholder('具体的解决办法').fill('扩建就餐区，增设两个打饭窗口。');
    const plan = await samplePdf('食堂改造方案', ['一、扩建就餐区', '二、增设窗口']);
    await proposer
      .locator('.van-uploader input[type=file]')
      .setInputFiles({ name: '食堂改造方案.pdf', mimeType: 'application/pdf', buffer: plan });
    await proposer.getByText('食堂改造方案.pdf（').waitFor();
    await screenshot(proposer, 'tablet-proposal-new');
    await proposer.getByRole('button', { name: '提出提案', exact: true }).tap();
    await proposer.getByText('附件（1）').waitFor();
    await proposer.getByText('征集附议').first().waitFor();
    await screenshot(proposer, 'tablet-proposal-tabled');
    const id = /\/t\/proposals\/([0-9a-f-]{36})$/.exec(proposer.url())![1]!;

    await follower.locator('.van-tabbar-item').nth(3).tap();
    await follower.getByRole('tab', { name: '等待附议的提案' }).tap();
    await follower.getByText(subject).tap();
    await follower.getByText('附件（1）').waitFor();
    await follower.getByTestId('proposal-file').tap();
    await follower.getByText('共 2 页').waitFor();
    await follower.getByText('返回').tap();
    await follower.getByRole('button', { name: '关注此提案' }).tap();
    await follower.getByRole('button', { name: '已关注 · 取消关注' }).waitFor();
    await screenshot(follower, 'tablet-proposal-followed');

    // The proposer withdraws it (through the api, with the proposer tablet's own log-in).
    const token = await tokenOf(proposer);
    await http()
      .post(`/api/proposals/${id}/withdraw`)
      .set(bearer(token))
      .send({ reason: '与另一件提案重复' })
      .expect(200);
    const told = follower.getByTestId('proposal-changed');
    await told.waitFor();
    expect(await told.innerText()).toContain(`您关注的提案“${subject}”已由提案人撤回`);
    await follower.getByText('已撤回').first().waitFor();
    await screenshot(follower, 'tablet-proposal-changed');
    await follower.getByText('返回').first().tap();
    await follower.getByRole('tab', { name: '我关注的' }).tap();
    await follower.getByText(subject).waitFor();
    await screenshot(follower, 'tablet-proposals-following');
    for (const t of tablets.slice(0, 2)) expect(t.problems).toEqual([]);
  });

  it('co-signs on a second tablet; the proposer is told of the answer, reads it with its file and rates it', async () => {
    const [proposer, cosigner] = [tablets[0]!.page, tablets[1]!.page];
    const subject = '关于增设夜班职工班车的建议';
    const reason = '班车只开到 23 点，夜班 24 点下班仍然没有车。';
    const [mine, third] = [await tokenOf(proposer), await tokenOf(tablets[2]!.page)];
    const tabled = await http()
      .post('/api/proposals')
      .set(bearer(mine))
      .send({
        termId,
        subject,
        reasons: '夜班职工下班后没有公共交通。',
        measures: '开通夜班职工班车。',
        category: 'welfare',
      })
      .expect(201);
    const id = tabled.body.id as string;

    // 代表2 co-signs on the tablet, 代表3 through the api: two co-signers send it to the committee.
    await cosigner.locator('.van-tabbar-item').nth(3).tap();
    await cosigner.getByRole('tab', { name: '等待附议的提案' }).tap();
    await cosigner.getByText(subject).tap();
    await cosigner.getByRole('button', { name: '附议此提案' }).tap();
    await cosigner.getByRole('button', { name: '撤回我的附议' }).waitFor();
    await cosigner.getByText(/附议（1\/2）/).waitFor();
    expect(await cosigner.locator('.body').first().innerText()).toContain('代表2');
    await screenshot(cosigner, 'tablet-proposal-cosigned');
    await http().post(`/api/proposals/${id}/cosignature`).set(bearer(third)).expect(200);

    // The committee sends it to a department, which answers with a file.
    const dep = await departmentUser(w.api, staff, '后勤保障部', 'logistics.clerk');
    await http()
      .post(`/api/proposals/${id}/accept`)
      .set(bearer(staff))
      .send({ category: 'welfare', departmentIds: [dep.departmentId] })
      .expect(200);
    const [assignment] = (
      await http().get('/api/proposal-assignments/mine').set(bearer(dep.token)).expect(200)
    ).body as { id: string }[];
    const plan = await samplePdf('夜班班车线路', [
      '一、零点班：厂区—东区',
      '二、两点班：厂区—西区',
    ]);
    const file = await http()
      .post(`/api/proposal-assignments/${assignment!.id}/attachments`)
      .set(bearer(dep.token))
      .attach('file', plan, '夜班班车线路.pdf')
      .expect(201);
    const unreadNow = async () =>
      (
        (await http().get('/api/notifications').set(bearer(mine)).expect(200)).body as {
          readAt: string | null;
        }[]
      ).filter((n) => !n.readAt).length;
    const before = await unreadNow();
    const answerText = '自 2027 年 1 月起开通零点、两点两班夜班班车，线路见附件。';
    await http()
      .post(`/api/proposal-assignments/${assignment!.id}/answer`)
      .set(bearer(dep.token))
      .send({ body: answerText, attachmentIds: [file.body.id] })
      .expect(200);

    // The proposer's tablet counts the notice as it arrives, the same number the api has.
    const unread = await unreadNow();
    expect(unread).toBeGreaterThan(before);
    await badgeShows(proposer, unread);
    await proposer.locator('.van-tabbar-item').nth(4).tap();
    const notices = (await http().get('/api/notifications').set(bearer(mine)).expect(200)).body as {
      kind: string;
      title: string;
      data: { proposalId?: string };
    }[];
    const told = notices.find((n) => n.kind === 'proposal.answered' && n.data.proposalId === id)!;
    expect(told.title).toContain(subject);
    const cell = proposer.locator('.van-cell', { hasText: told.title });
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toContain('unread');
    await screenshot(proposer, 'tablet-inbox');

    // The server cannot mark it read: the tablet says so and the notice stays unread.
    await proposer.route('**/api/notifications/read', (r) =>
      r.fulfill({ status: 503, json: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' } }),
    );
    await cell.tap();
    await proposer.getByText('未能标为已读：服务暂时不可用').waitFor();
    await proposer.unroute('**/api/notifications/read');
    await proposer.waitForURL(new RegExp(`/t/proposals/${id}$`));
    await badgeShows(proposer, unread);
    expect(await unreadNow()).toBe(unread);
    // Chrome logs the refused request; it was asked for.
    const { problems } = tablets[0]!;
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('status of 503')));

    // From the inbox again: the notice opens its proposal and is read on the server.
    await proposer.locator('.van-tabbar-item').nth(4).tap();
    await proposer.locator('.van-cell', { hasText: told.title }).tap();
    await proposer.waitForURL(new RegExp(`/t/proposals/${id}$`));
    await proposer.getByText(answerText).waitFor();
    await proposer.getByText('第 1 次答复').waitFor();
    await badgeShows(proposer, unread - 1);
    expect(await unreadNow()).toBe(unread - 1);
    await screenshot(proposer, 'tablet-proposal-answered');

    await proposer.getByText('夜班班车线路.pdf').tap();
    await proposer.getByText('共 2 页').waitFor();
    await proposer.locator('[data-testid=pdf-pages] canvas').nth(1).waitFor();
    await proposer.getByText('返回').tap();

    await proposer.getByRole('radio', { name: '不满意' }).tap();
    await proposer.getByPlaceholder('意见（可不填；退回重办时必填）').fill(reason);
    await proposer.getByRole('button', { name: '提交评价' }).tap();
    await proposer.getByText(`您的评价：不满意（${reason}）`).waitFor();
    await screenshot(proposer, 'tablet-proposal-rated');
    const rated = await http().get(`/api/proposals/${id}`).set(bearer(mine)).expect(200);
    expect(rated.body.assignments[0]).toMatchObject({
      rating: 'unsatisfied',
      ratingComment: reason,
    });
    for (const t of tablets.slice(0, 2)) expect(t.problems).toEqual([]);
  });

  it('checks in from the home page once the session is open', async () => {
    await http()
      .post(`/api/sessions/${sessionId}/status`)
      .set(bearer(staff))
      // The session is dated 10 days ahead: opening it now needs a reason (the date rules).
      .send({ to: 'in_session', reason: '浏览器测试：提前开会' })
      .expect(200);
    for (const [i, t] of tablets.entries()) {
      await t.page.locator('.van-tabbar-item').nth(0).tap();
      await t.page.getByRole('button', { name: '签到' }).tap();
      await t.page.getByText('您已签到').waitFor();
      if (i === 2) {
        await t.page.getByText(/实到 3 人/).waitFor();
        await screenshot(t.page, 'tablet-home-checked-in');
      }
    }
    const summary = await http()
      .get(`/api/sessions/${sessionId}/attendance/summary`)
      .set(bearer(staff))
      .expect(200);
    expect(summary.body.present).toBe(3);
  });

  it('votes a secret poll from the screen, audits one ballot that verifies, and finds each ballot on the board', async () => {
    const items = await http()
      .get(`/api/sessions/${sessionId}/agenda/items`)
      .set(bearer(staff))
      .expect(200);
    const opened = await http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: (items.body as { id: string }[])[0]!.id, keyMode: 'custodian' })
      .expect(201);
    const poll = opened.body as { id: string; electionKey: ElectionKey; pollSpec: PollSpec };

    // Tablet 1 audits a ballot first (Benaloh): the revealed ballot must check out elsewhere.
    const first = tablets[0]!.page;
    await first.locator('.van-tabbar-item').nth(0).tap();
    await first.getByRole('button', { name: `去投票：${ITEM}` }).tap();
    await first.getByText('第 1 题，共 1 题').waitFor();
    await first.getByRole('button', { name: '赞成' }).tap();
    expect(await first.getByRole('button', { name: '赞成' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await screenshot(first, 'tablet-vote-question');
    await first.getByRole('button', { name: '核对选择' }).tap();
    await first.getByText('请核对您的选择').waitFor();
    await screenshot(first, 'tablet-vote-summary');
    const workers: string[] = [];
    first.on('worker', (wk) => workers.push(new URL(wk.url()).pathname));
    await first.getByRole('button', { name: '确认，加密选票' }).tap();
    const shown = await first.getByTestId('tracker-code').innerText();
    // The ballot was encrypted in the tablet's worker (the screen's thread stays free).
    expect(workers.filter((p) => /^\/assets\/encrypt\.worker-[\w-]+\.js$/.test(p))).toHaveLength(1);
    await screenshot(first, 'tablet-vote-tracker');
    await first.getByRole('button', { name: '审计这张选票（不投出）' }).tap();
    const audit = JSON.parse(await first.getByTestId('ballot-audit').innerText()) as BallotAudit;
    await screenshot(first, 'tablet-vote-audit');
    const checked = auditBallot(audit, {
      key: poll.electionKey,
      shape: ballotShape(poll.pollSpec),
    });
    expect(checked.shortCode).toBe(shown);
    expect(checked.choices).toEqual([[1, 0, 0]]);
    expect(await first.getByTestId('audit-tracker').innerText()).toBe(shown);

    // The board's audit page checks it on another device: from the tablet's link (the audit in
    // the link's fragment), and pasted; an altered audit fails there with a reason.
    const href = await first.getByTestId('audit-link').getAttribute('href');
    expect(href).toMatch(/^\/board\/audit\?code=[^#]+#audit=[A-Za-z0-9_-]+$/);
    expect(await first.getByTestId('audit-qr').locator('svg').count()).toBe(1);
    const phone = await w.open('desktop', href!);
    try {
      const verdict = phone.page.getByTestId('audit-verdict');
      await verdict.waitFor();
      expect(await verdict.innerText()).toBe('核对通过：这张选票加密的正是下列选择');
      expect(await phone.page.getByTestId('audit-code').innerText()).toBe(shown);
      expect(await phone.page.getByTestId('audit-code-match').innerText()).toBe(
        '与平板审计前显示的追踪码一致',
      );
      expect(await phone.page.locator('.choices dd').allInnerTexts()).toEqual(['赞成']);
      await screenshot(phone.page, 'board-audit-passed');

      // The same ballot claimed to hold 反对: the ciphertexts do not encrypt that.
      const altered = { ...audit, choices: [[0, 1, 0]] };
      await phone.page.goto(w.url('/board/audit'));
      await phone.page.locator('textarea[name="audit"]').fill(JSON.stringify(altered));
      await phone.page.locator('input[name="code"]').fill(shown);
      await phone.page.getByRole('button', { name: '核对' }).click();
      await phone.page.getByTestId('audit-verdict').filter({ hasText: '核对未通过' }).waitFor();
      expect(await phone.page.getByTestId('audit-verdict').innerText()).toBe(
        '核对未通过：选票密文与公开的选择和随机数不符：这张选票加密的不是所声称的选择（第 1 题第 1 项）',
      );
      await screenshot(phone.page, 'board-audit-failed');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }

    // Then it encrypts again (new randomness) and casts.
    await first.getByRole('button', { name: '重新加密后投票' }).tap();
    await first.getByRole('button', { name: '确认，加密选票' }).tap();
    const cast1 = await first.getByTestId('tracker-code').innerText();
    expect(cast1).not.toBe(shown);
    await first.getByRole('button', { name: '投出这张选票' }).tap();
    await first.getByText(`您已投票：${ITEM}`).waitFor();
    expect(await first.getByTestId('receipt').innerText()).toContain(cast1);
    await screenshot(first, 'tablet-vote-receipt');

    // Tablets 2 and 3 vote 反对 and 弃权; tablet 2 loses its network just before casting.
    const codes = [cast1];
    for (const [i, t] of tablets.slice(1).entries()) {
      const page = t.page;
      await page.locator('.van-tabbar-item').nth(2).tap();
      await page.getByRole('button', { name: CHOICES[i + 1] }).tap();
      await page.getByRole('button', { name: '核对选择' }).tap();
      await page.getByRole('button', { name: '确认，加密选票' }).tap();
      codes.push(await page.getByTestId('tracker-code').innerText());
      if (i === 0) {
        await t.context.setOffline(true);
        await page.getByText('网络连接中断').waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: '投出这张选票' }).tap();
        await page.getByText('您的选择已保留').waitFor();
        await screenshot(page, 'tablet-vote-offline');
        await t.context.setOffline(false);
      } else await page.getByRole('button', { name: '投出这张选票' }).tap();
      await page.getByText(`您已投票：${ITEM}`).waitFor({ timeout: 60_000 });
    }

    // The receipts stay on the device.
    const kept = await first.evaluate(() =>
      Object.entries(localStorage)
        .filter(([k]) => k.startsWith('congress.receipts.'))
        .map(([, v]) => v),
    );
    expect(kept.join()).toContain(cast1);

    const closed = await http().post(`/api/polls/${poll.id}/close`).set(bearer(staff)).expect(200);
    expect(closed.body.result.counts).toEqual([[1, 1, 1]]);
    for (const [i, t] of tablets.entries()) {
      if (i === 0) await t.page.locator('.van-tabbar-item').nth(2).tap();
      const check = t.page.getByTestId('board-check');
      await t.page.getByText(/已在公告板第 \d+ 号找到您的选票，已计入结果/).waitFor();
      expect(await check.innerText()).toContain(codes[i]!);
    }
    // The same words as the projector: one vote of three does not reach the rule.
    await first.getByText(/赞成 1 票，未超过全体代表 \d+ 人的半数，未通过/).waitFor();
    await screenshot(first, 'tablet-vote-result');

    // No plaintext choice ever left a tablet: what the pages sent holds ciphertexts only.
    for (const t of tablets) {
      const sent = t.frames.filter((f) => f.direction === 'sent').map((f) => f.payload);
      expect(sent.some((p) => p.includes('poll:cast'))).toBe(true);
      for (const p of sent) {
        expect(p).not.toMatch(/"choice"|"choices"|randomness|赞成|反对|弃权/);
        expect(p).not.toMatch(/\[\s*\[\s*[01]\s*,\s*[01]\s*,\s*[01]\s*\]\s*\]/);
      }
    }
    for (const t of tablets)
      expect(t.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|net::ERR/.test(p))).toEqual([]);
  });

  it('fits a landscape tablet (1280×800)', async () => {
    const page = tablets[0]!.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.van-tabbar-item').nth(0).tap();
    await page.getByText('您已签到').waitFor();
    await screenshot(page, 'tablet-home-landscape');
    await page.locator('.van-tabbar-item').nth(2).tap();
    await page.getByText('表决结果').waitFor();
    await screenshot(page, 'tablet-vote-result-landscape');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(1280);
  });

  it('sets a log-in password after the code log-in, and logs in with it', async () => {
    const { page } = tablets[2]!;
    const username = new URL(tablets[2]!.loginUrl).searchParams.get('u')!;
    const setPassword = async (password: string) => {
      await page.locator('.van-tabbar-item').nth(0).tap();
      await page.getByText('设置登录密码').tap();
      await page.getByPlaceholder('至少 8 位').fill(password);
      await page.getByPlaceholder('再输入一次新密码').fill(password);
      await page.getByRole('button', { name: '保存密码' }).tap();
    };
    const logInWith = async (password: string, shot?: string) => {
      await page.locator('.van-tabbar-item').nth(0).tap();
      await page.getByRole('button', { name: '退出登录' }).tap();
      await page.getByRole('tab', { name: '用密码' }).tap();
      await page.getByPlaceholder('登录单上的用户名').fill(username);
      await page.getByPlaceholder('您设置的登录密码').fill(password);
      if (shot) await screenshot(page, shot);
      await page.getByRole('button', { name: '登录' }).tap();
      await page.getByText('代表3代表，您好').waitFor();
    };

    // Logged in by code, no password yet: none is asked for.
    await setPassword('liushui-qingshan-2026');
    expect(await page.getByPlaceholder('您以前设置的密码').count()).toBe(0);
    await page.getByText('✓ 登录密码已设置').waitFor();
    await screenshot(page, 'tablet-password-set');
    await logInWith('liushui-qingshan-2026');

    // A second change: the api wants the current password, and the page then asks for it.
    await setPassword('dongfeng-huayuan-2027');
    await page.getByText('您以前设置过登录密码').waitFor();
    await screenshot(page, 'tablet-password-current');
    await page.getByPlaceholder('您以前设置的密码').fill('liushui-qingshan-2026');
    await page.getByRole('button', { name: '保存密码' }).tap();
    await page.getByText('✓ 登录密码已设置').waitFor();
    await logInWith('dongfeng-huayuan-2027', 'tablet-login-password');
    const refused = await http()
      .post('/api/auth/login')
      .send({ username, password: 'liushui-qingshan-2026' });
    expect(refused.status).toBe(401);
  });
});
