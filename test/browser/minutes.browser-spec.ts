// The minutes screens end to end: a closed session with a decided secret poll (staff steps
// through the API), the secretary drafts, edits, finalises and signs on the desk, the chair signs
// on a tablet (after restoring the key from the recovery sheet on a second tablet), the exports
// download and the bundle verifies with libs/minutes, the archive and the public board show it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../../libs/ballot/src/index.js';
import { verifyBundle } from '../../libs/minutes/src/index.js';
import { bearer, userWithRole } from '../utils/actors.js';
import { liveSession, type LiveSession } from '../utils/live-session.js';
import { confirmBox, toast } from './support/element-plus.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const ITEM = '审议通过《集体合同（草案）》';
const SECRETARY_PASS = '秘书的签名口令2026';
const CHAIR_PASS = 'chair-signing-2026';

/** Logs an account into an area of a new browser context by its stored session. */
async function loggedIn(w: WebApp, device: 'desktop' | 'tablet', area: string, token: string) {
  const me = (await w.api.http().get('/api/auth/me').set(bearer(token))).body;
  const opened = await w.open(device);
  await opened.page.goto(w.url('/'));
  await opened.page.evaluate(
    ([key, t, u]) =>
      localStorage.setItem(
        key,
        JSON.stringify({ token: t, expiresAt: new Date(Date.now() + 3600_000), user: u }),
      ),
    [`congress.session.${area}`, token, me] as const,
  );
  return opened;
}

async function download(page: Page, label: string): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  const path = await (await event).path();
  return readFileSync(path);
}

describe('the minutes screens: draft, finalise, sign in the browser, archive, publish', () => {
  let w: WebApp;
  let live: LiveSession;
  let secretary: OpenPage;
  let page: Page;
  let recoveryCode = '';
  const contexts: BrowserContext[] = [];
  const token = (i: number) => live.tokens.get(live.roster.delegates[i]!.id)!;

  beforeAll(async () => {
    w = await startWebApp();
    const staff = await userWithRole(w.api, 'staff');
    // 4 delegates, all present; 代表1 is on the presidium (the chair), no tellers.
    live = await liveSession(w.api, staff, 4, 4, [
      { kind: 'report', title: '工会工作报告' },
      { kind: 'approve', title: ITEM },
    ]);
    await w.api
      .http()
      .patch(`/api/delegates/${live.roster.delegates[0]!.id}`)
      .set(bearer(staff))
      .send({ presidium: true })
      .expect(200);
    // A secret poll, 3 for and 1 against, closed; then the session closes.
    const poll = await w.api
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[ITEM], keyMode: 'custodian' })
      .expect(201);
    for (const [i, choice] of [0, 0, 0, 1].entries()) {
      const s = w.api.socket(token(i));
      await s.timeout(30_000).emitWithAck('session:join', { sessionId: live.sessionId });
      const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
      const p = (
        state.open as { id: string; pollSpec: PollSpec; electionKey: ElectionKey; voter: string }[]
      ).find((x) => x.id === poll.body.id)!;
      const { ballot } = encryptBallot({
        key: p.electionKey,
        shape: ballotShape(p.pollSpec),
        voter: p.voter,
        choices: [marks(3, choice)],
      });
      expect((await s.emitWithAck('poll:cast', { pollId: p.id, ballot })).ok).toBe(true);
      s.disconnect();
    }
    await w.api.http().post(`/api/polls/${poll.body.id}/close`).set(bearer(staff)).expect(200);
    await w.api
      .http()
      .post(`/api/sessions/${live.sessionId}/status`)
      .set(bearer(staff))
      .send({ to: 'closed' })
      .expect(200);
    secretary = await loggedIn(w, 'desktop', 'desk', await userWithRole(w.api, 'secretary'));
    page = secretary.page;
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await w?.close();
  });

  it('the secretary drafts the minutes from the record, writes the text and names the chair', async () => {
    await page.goto(w.url('/secretary/minutes'));
    await page.getByRole('button', { name: '由会议记录建立草稿' }).click();
    await toast(page, '已由会议记录整理出草稿');
    await page.getByText('定稿前还需处理：').waitFor();
    await screenshot(page, 'minutes-draft-new');

    await page.locator('.chair-select').click();
    await page.getByRole('option', { name: '代表1' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存主持人' }).click();
    await toast(page, '主持人已保存');
    await page.getByText('定稿前还需处理：').waitFor({ state: 'hidden' });

    await page
      .getByLabel(`讨论摘要：${ITEM}`)
      .fill('代表们认为草案保障了职工的劳动报酬和休息休假权利。');
    await page.getByRole('button', { name: '添加代表团意见' }).nth(1).click();
    await page.getByLabel('代表团', { exact: true }).fill('第一代表团');
    await page.getByLabel('代表团意见').fill('建议增加女职工特殊保护条款。');
    await page.getByRole('button', { name: '添加决议' }).click();
    await page.getByLabel('决议编号').fill('决议一');
    await page.getByLabel('决议标题').fill('关于通过《集体合同》的决议');
    await page
      .getByLabel('决议全文')
      .fill('大会同意《集体合同（草案）》，由工会主席代表职工方签订。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await toast(page, '已保存');
    await screenshot(page, 'minutes-draft-edited');

    await page.getByRole('tab', { name: '由记录生成（只读）' }).click();
    await page.getByText('已达到', { exact: true }).waitFor();
    await page.getByRole('cell', { name: /赞成 3 票，反对 1 票/ }).waitFor();
    await screenshot(page, 'minutes-draft-record');
    await page.getByRole('tab', { name: '全文预览' }).click();
    await page.getByText('关于通过《集体合同》的决议').first().waitFor();
    await screenshot(page, 'minutes-draft-preview');
  });

  it('finalises (the text is frozen), creates a key with its recovery sheet, refuses a wrong passphrase and signs', async () => {
    await page.getByRole('tab', { name: '撰写' }).click();
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await page.getByText(/定稿将冻结会议记录的全部内容/).waitFor();
    await screenshot(page, 'minutes-finalise-confirm', false);
    await confirmBox(page, '定稿', '定稿');
    await toast(page, '已定稿：内容已冻结，等待签名');
    await page.getByText('缺少').first().waitFor();
    expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: '创建签名密钥' }).click();
    await page.getByLabel('设置签名口令').fill(SECRETARY_PASS);
    await page.getByLabel('再次输入口令').fill(SECRETARY_PASS);
    await page.getByRole('button', { name: '生成密钥' }).click();
    await page.getByText(/请立即打印恢复单/).waitFor({ timeout: 120_000 });
    const sheet = await page.getByLabel('签名密钥恢复单').innerText();
    expect(sheet).toContain('会议记录签名密钥 恢复单');
    expect(await page.locator('.recovery-sheet svg').count()).toBe(1);
    await screenshot(page, 'minutes-recovery-sheet');
    await page.getByRole('button', { name: '我已妥善保存恢复单' }).click();
    // The server holds the public key only.
    const keys = await page.evaluate(() =>
      fetch('/api/signer-keys/mine', {
        headers: {
          authorization: `Bearer ${JSON.parse(localStorage.getItem('congress.session.desk')!).token}`,
        },
      }).then((r) => r.json()),
    );
    expect(keys).toHaveLength(1);
    expect(JSON.stringify(keys)).not.toMatch(/private|ciphertext/i);

    await page.getByLabel('签名口令', { exact: true }).fill('不是这个签名口令啊');
    await page.getByRole('button', { name: '签署会议记录' }).click();
    await page.getByText('口令错误或密钥文件已损坏').waitFor({ timeout: 120_000 });
    await page.getByLabel('签名口令', { exact: true }).fill(SECRETARY_PASS);
    await page.getByRole('button', { name: '签署会议记录' }).click();
    await page.getByText('secretary 已签署。').waitFor({ timeout: 120_000 });
    await page.getByRole('cell', { name: '记录人（秘书）' }).waitFor();
    await page.getByText('缺少会议主持人').first().waitFor();
    await screenshot(page, 'minutes-secretary-signed');
  }, 400_000);

  it('the chair makes a key on one tablet, restores it from the recovery code on another and signs there', async () => {
    const first = await loggedIn(w, 'tablet', 'tablet', token(0));
    contexts.push(first.context);
    await first.page.goto(w.url('/t'));
    await first.page.getByRole('button', { name: /签署会议记录/ }).click();
    await first.page.getByText('关于通过《集体合同》的决议').first().waitFor();
    await first.page.getByText(/代表1（会议主持人/).waitFor();
    await screenshot(first.page, 'minutes-chair-read');
    await first.page.getByRole('button', { name: '创建签名密钥' }).click();
    // The chair's enterprise requires 国密: SM2 with SM3, through creation, recovery and signing.
    await first.page.getByLabel(/SM2\/SM3（国密）/).check();
    await first.page.getByLabel('设置签名口令').fill(CHAIR_PASS);
    await first.page.getByLabel('再次输入口令').fill(CHAIR_PASS);
    await first.page.getByRole('button', { name: '生成密钥' }).click();
    await first.page.getByText(/请立即打印恢复单/).waitFor({ timeout: 120_000 });
    const sheet = await first.page.getByLabel('签名密钥恢复单').innerText();
    recoveryCode = sheet.match(/恢复码：\s*\n([A-Z2-7-]+)/)![1]!;
    expect(recoveryCode.replaceAll('-', '')).toHaveLength(60);
    await screenshot(first.page, 'minutes-chair-recovery-sheet');

    // A new tablet: no key in this browser; the recovery code brings it back.
    const second = await loggedIn(w, 'tablet', 'tablet', token(0));
    contexts.push(second.context);
    await second.page.goto(w.url('/t/sign'));
    await second.page.getByText(/本浏览器中还没有您的签名密钥/).waitFor();
    await second.page.getByRole('button', { name: '用恢复码恢复' }).click();
    await second.page
      .getByLabel('恢复码')
      // One changed character the checksum must catch: the first (the code's last character
      // carries padding bits, so changing it may leave the same key).
      .fill(recoveryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    await second.page.getByLabel('设置新的签名口令').fill('another-pass-2026');
    await second.page.getByLabel('再次输入口令').fill('another-pass-2026');
    await second.page.getByRole('button', { name: '恢复密钥' }).click();
    await second.page.getByText(/恢复码有误/).waitFor({ timeout: 60_000 });
    await second.page.getByLabel('恢复码').fill(recoveryCode.toLowerCase());
    await second.page.getByRole('button', { name: '恢复密钥' }).click();
    await second.page.getByLabel('签名口令', { exact: true }).waitFor({ timeout: 120_000 });
    await second.page.getByText(/本机签名密钥（SM2\/SM3（国密））指纹/).waitFor();
    await screenshot(second.page, 'minutes-chair-restored');
    await second.page.getByLabel('签名口令', { exact: true }).fill('another-pass-2026');
    await second.page.getByRole('button', { name: '签署会议记录' }).click();
    await second.page.getByText('代表1 已签署。').waitFor({ timeout: 120_000 });
    await second.page
      .getByText(/已签名归档/)
      .first()
      .waitFor();
    await screenshot(second.page, 'minutes-chair-signed');
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);

    // A delegate who is no signer has nothing to sign.
    const other = await loggedIn(w, 'tablet', 'tablet', token(1));
    contexts.push(other.context);
    await other.page.goto(w.url('/t/sign'));
    await other.page.getByText('目前没有需要您签署的会议记录').waitFor();
  }, 400_000);

  it('shows 已归档 with the archive entry, and the exports download; the bundle verifies', async () => {
    await page.reload();
    await page.getByRole('tab', { name: '签名、导出与归档' }).click();
    await page.getByText('已归档', { exact: true }).first().waitFor();
    await page.getByText(/档案序号/).waitFor();
    await page.getByRole('cell', { name: '会议主持人（执行主席）' }).waitFor();
    await screenshot(page, 'minutes-archived');

    const pdf = await download(page, '下载 PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await download(page, '下载 DOCX（可编辑副本）');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const json = JSON.parse((await download(page, '下载 JSON（所签内容）')).toString());
    expect(json.resolutions[0].title).toBe('关于通过《集体合同》的决议');
    const bundle = await download(page, '下载归档包（可离线验证）');
    const report = verifyBundle(new Uint8Array(bundle));
    expect(report.firstFailure).toBeNull();
    expect(report.ok).toBe(true);
    expect(secretary.problems).toEqual([]);
  });

  it('publishes the resolutions on the public board with their date', async () => {
    const board = await w.open('desktop', '/board/results');
    contexts.push(board.context);
    await board.page.getByText('会议决议').waitFor();
    await board.page.getByText(/公布/).first().waitFor();
    await board.page.getByText('决议一 关于通过《集体合同》的决议').waitFor();
    await board.page.getByText(/已签名归档/).waitFor();
    await screenshot(board.page, 'minutes-board-resolutions');
    expect(board.problems).toEqual([]);
  });
});
