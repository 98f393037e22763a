import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { fingerprintOf, marks, shortFingerprint } from '../../libs/ballot/src/index.js';
import type { Receipt } from '../../libs/contracts/src/index.js';
import { bearer, userWithRole } from '../utils/actors.js';
import { castSecret } from '../utils/ballots.js';
import { liveSession, type LiveSession } from '../utils/live-session.js';
import type { TabletSocket } from '../utils/test-app.js';
import { screenshot } from './support/screenshots.js';
import { startWebApp, type WebApp } from './support/web-app.js';

const MOTION = '审议通过《集体合同（草案）》';
const ELECTION = '选举职工董事';
/** A phone held upright: employees read the board on theirs. */
const PHONE = { viewport: { width: 390, height: 844 } };

/** The page's text of `selector` once it contains `text` (waits for it, with the test's limit). */
async function shows(page: Page, selector: string, text: string | RegExp): Promise<string> {
  const el = page.locator(selector).filter({ hasText: text }).first();
  await el.waitFor();
  return el.innerText();
}

describe('the hall’s projector and the public board, on a small live session', () => {
  let w: WebApp;
  let staff: string;
  let live: LiveSession;
  let pollId: string;
  let fingerprint: string;
  const tablets: TabletSocket[] = [];
  const receipts: Receipt[] = [];

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff');
    // 4 delegates, 2 checked in: the quorum (3 of 4) is not there yet.
    live = await liveSession(w.api, staff, 4, 2, [
      { kind: 'approve', title: MOTION },
      {
        kind: 'elect',
        title: ELECTION,
        vote: { seats: 1, candidates: [{ name: '李明' }, { name: '周红' }] },
      },
    ]);
    for (const d of live.roster.delegates.slice(0, 3)) {
      const s = w.api.socket(live.tokens.get(d.id)!);
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
      tablets.push(s);
    }
  }, 240_000);
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await w?.close();
  });

  it('follows the session by itself: attendance, the turnout only, then the result in words', async () => {
    const { page, problems, close } = await w.open('projector', `/screen/${live.sessionId}`);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    // Logged in once, with a staff account, in the projector's own area.
    await page.getByRole('heading', { name: '大屏登录' }).waitFor();
    await screenshot(page, 'projector-login', false);
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill('second-pass-123');
    await page.getByRole('button', { name: '登录' }).click();

    await page.locator('[data-tile="应到"]', { hasText: '4' }).waitFor();
    expect(await page.locator('[data-tile="实到"]').innerText()).toBe('2');
    expect(await page.locator('[data-tile="缺席"]').innerText()).toBe('2');
    expect(await page.locator('[data-tile="法定人数"]').innerText()).toBe('3');
    expect(await shows(page, '[data-testid=quorum]', '未达到法定人数')).toContain('需 ≥ 3 人');
    await screenshot(page, 'projector-waiting-no-quorum', false);

    // The third delegate checks in on the tablet: the screen follows.
    await w.api
      .http()
      .post(`/api/sessions/${live.sessionId}/check-in`)
      .set(bearer(live.tokens.get(live.roster.delegates[2]!.id)!))
      .expect(200);
    await page.locator('[data-tile="实到"]', { hasText: '3' }).waitFor();
    await shows(page, '[data-testid=quorum]', '已达到法定人数');
    // Before the first poll: the agenda item under way, as the presidium's screen would put it
    // to the vote next (the first votable item without a poll).
    const agenda = await w.api
      .http()
      .get(`/api/sessions/${live.sessionId}/agenda/items`)
      .set(bearer(staff))
      .expect(200);
    const position = (title: string) =>
      (agenda.body as { title: string; position: number }[]).find((i) => i.title === title)!
        .position;
    const presidium = await w.api
      .http()
      .get(`/api/sessions/${live.sessionId}/presidium-view`)
      .set(bearer(staff))
      .expect(200);
    expect(presidium.body.nextItemId).toBe(live.items[MOTION]);
    expect(await shows(page, '[data-testid=next-item]', MOTION)).toBe(
      `${position(MOTION)}. ${MOTION}`,
    );
    await screenshot(page, 'projector-next-item', false);

    const opened = await w.api
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[MOTION], keyMode: 'custodian', durationSeconds: 600 })
      .expect(201);
    pollId = opened.body.id;
    fingerprint = shortFingerprint(fingerprintOf(opened.body.electionKey));
    await shows(page, '.voting', MOTION);
    // The preset duration counts down on the hall's screen (the api closes the poll at 0:00).
    expect(await shows(page, '[data-testid=countdown]', '剩余时间')).toMatch(
      /剩余时间\s*(10:00|9:\d\d)/,
    );
    expect(await page.getByTestId('turnout').innerText()).toBe('已投票 0 人 / 实到 3 人');

    for (const i of [0, 1])
      receipts.push(await castSecret(tablets[i]!, live.sessionId, pollId, [marks(3, 0)]));
    await shows(page, '[data-testid=turnout]', '已投票 2 人');
    // While the poll is open, no option and no count is on the screen: only the turnout.
    expect(await page.locator('main').innerText()).not.toMatch(/赞成|反对|弃权|\d+ 票/);
    await screenshot(page, 'projector-turnout', false);
    expect(scripts.filter((p) => /echarts/.test(p))).toEqual([]);

    receipts.push(await castSecret(tablets[2]!, live.sessionId, pollId, [marks(3, 1)]));
    await w.api.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);

    // 2 for of 4 delegates is not more than half of ALL delegates: the rule, in words, from data.
    const result = await shows(page, '.result', '未通过');
    expect(result).toContain('赞成 2 票，未超过全体代表 4 人的半数，未通过');
    expect(result).toContain('反对 1 票，弃权 0 票，无效 0 票，未投票 0 人');
    expect(result).toContain(`密钥指纹 ${fingerprint}`);
    expect(result).toContain('托管密钥：不对运维方保密');
    // The board head shown is the published record's (its first 16 hex digits, in fours).
    const record = await w.api.http().get(`/api/public/polls/${pollId}/record`).expect(200);
    const head = ((record.body.electionRecord ?? record.body) as { board: { head: string } }).board
      .head;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect(await shows(page, '.result .facts', '公告板链头')).toContain(
      `公告板链头 ${head.match(/.{4}/g)!.slice(0, 4).join(' ')}`,
    );
    // Between polls, beside the session's name while the result shows: the next item to vote on.
    expect(await shows(page, '[data-testid=next-line]', ELECTION)).toBe(
      `· 下一项表决：${position(ELECTION)}. ${ELECTION}（民主选举）`,
    );
    // The bars and the pie (GB 50799 §6.2) are drawn by ECharts, fetched only now.
    await page.locator('.result .bars canvas').waitFor();
    await page.locator('.result [data-testid=result-pie] canvas').waitFor();
    expect(scripts.some((p) => /^\/assets\/echarts-[\w-]+\.js$/.test(p))).toBe(true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(1080);
    await screenshot(page, 'projector-result', false);

    // 会中补发登录码: nothing on the screen while it waits for approval or for its code; once a
    // presidium member approved on their tablet and staff issued the code, one line at the
    // bottom with the delegate's name and the approver (with the role) only.
    const lost = live.roster.delegates[0]!;
    const member = live.roster.delegates[1]!;
    await w.api
      .http()
      .patch(`/api/delegates/${member.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    const asked = await w.api
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(staff))
      .send({ delegateId: lost.id, reason: '平板遗失' })
      .expect(201);
    await w.api
      .http()
      .post(`/api/code-reissues/${asked.body.id}/approve`)
      .set(bearer(live.tokens.get(member.id)!))
      .expect(200);
    await w.api
      .http()
      .post(`/api/code-reissues/${asked.body.id}/issue`)
      .set(bearer(staff))
      .expect(200);
    const incident = await shows(page, '[data-testid=incident-line]', '登录码已重新签发');
    expect(incident).toContain('代表 代表1 登录码已重新签发（经主席团成员 代表2 批准）');
    for (const hidden of [lost.employeeNumber, '平板遗失']) expect(incident).not.toContain(hidden);
    expect(await page.getByTestId('incident-line').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      1080,
    );
    await screenshot(page, 'projector-incident', false);
    // A projector opened later (or reconnected) shows the same line, read over HTTP.
    await page.reload();
    await shows(page, '[data-testid=incident-line]', '经主席团成员 代表2 批准');
    expect(problems).toEqual([]);

    // The list cannot be read (the server answers 503): the screen says so, not nothing, and
    // reads it again on the next connection.
    const incidents = `**/api/sessions/${live.sessionId}/incidents`;
    await page.route(incidents, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: '服务暂不可用',
        }),
      }),
    );
    await page.reload();
    expect(await shows(page, '.status', '会议异常事项未能读取')).toContain(
      '会议异常事项未能读取（服务暂不可用），重新连接后再读',
    );
    await screenshot(page, 'projector-incidents-unreadable', false);
    await page.unroute(incidents);
    await page.reload();
    await shows(page, '[data-testid=incident-line]', '经主席团成员 代表2 批准');
    expect(await page.locator('.status').innerText()).not.toContain('会议异常事项未能读取');
    // The 503 the route made is the browser's only complaint.
    expect(problems.every((p) => p.includes('503'))).toBe(true);
    await close();
  });

  it('lists the session’s agenda and its results on the public board, on a phone, without log-in', async () => {
    const { page, problems, close } = await w.open('tablet', '/board', PHONE);
    await shows(page, '.card', '第二次会议');
    await screenshot(page, 'board-home-phone');

    await page.locator('.card').getByRole('link', { name: '会议议程' }).click();
    await shows(page, 'article', MOTION);
    expect(await page.locator('article').innerText()).toContain(ELECTION);
    await screenshot(page, 'board-agenda-phone');

    await page.goto(w.url(`/board/results?session=${live.sessionId}`));
    const card = await shows(page, '.card', MOTION);
    expect(card).toContain('赞成 2 票，未超过全体代表 4 人的半数，未通过');
    // The election is not decided yet: it is not published.
    expect(await page.locator('main').innerText()).not.toContain(ELECTION);
    await page.locator('.card .bars canvas').waitFor();
    await page.locator('.card [data-testid=result-pie] canvas').waitFor();
    await screenshot(page, 'board-results-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.goto(w.url(`/board/proposals?session=${live.sessionId}`));
    await page.getByText('本次会议还没有公开的提案。').waitFor();
    await screenshot(page, 'board-proposals-phone');
    expect(problems).toEqual([]);
    await close();
  });

  it('verifies the poll’s record in the browser, in a worker, and finds a receipt’s short code', async () => {
    const { page, problems, close } = await w.open('desktop');
    const workers: string[] = [];
    page.on('worker', (wk) => workers.push(new URL(wk.url()).pathname));
    await page.goto(w.url(`/board/results?session=${live.sessionId}`));
    await page.getByRole('link', { name: '验证本次表决记录' }).click();
    const verdict = await shows(page, '[data-testid=verdict]', '验证');
    expect(verdict).toBe('验证通过：记录与计票结果一致');
    expect(workers.some((p) => /^\/assets\/verify\.worker-[\w-]+\.js$/.test(p))).toBe(true);

    const mine = receipts[1]!;
    await page.getByLabel('回执短码').fill(mine.shortCode.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: '查找我的选票' }).click();
    expect(await shows(page, '[data-testid=found]', '公告板')).toBe(
      `回执 ${mine.shortCode}：在公告板第 2 位，已计入`,
    );
    await screenshot(page, 'board-verify-passed');

    await page.getByLabel('回执短码').fill('AAAA-AAAA');
    await page.getByRole('button', { name: '查找我的选票' }).click();
    await shows(page, '[data-testid=found]', '不在本次表决的公告板上');
    expect(problems).toEqual([]);
    await close();
  });

  it('fails a tampered record and names the check that failed', async () => {
    const { page, problems, close } = await w.open('tablet', undefined, PHONE);
    // The server (or a man in the middle) publishes a record whose counts were changed.
    await page.route('**/api/public/polls/*/record', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      const record = body.electionRecord ?? body;
      record.result.counts[0][0] += 1;
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(w.url(`/board/verify?poll=${pollId}`));
    const verdict = await shows(page, '[data-testid=verdict]', '验证');
    // The check is named (计票结果) with its reason, whichever record version the api serves.
    expect(verdict).toBe('验证未通过：计票结果：公布的计票结果与重算不符（RESULT_MISMATCH）');
    expect(await page.locator('.checks .failed').count()).toBe(1);
    await screenshot(page, 'board-verify-tampered-phone');
    expect(problems).toEqual([]);
    await close();
  });
});
