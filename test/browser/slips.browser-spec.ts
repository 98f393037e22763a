// Ballot slips (投票凭证) in the browser: a session whose three tellers made the key and uploaded
// their slip batches (the "printed" slips are made here, as a teller's device makes them); the
// console opens a poll with slips once every batch is in; a delegate's tablet is asked for its
// slips first, takes the three slip texts typed in (one wrong text refused with its reason),
// votes, and gets its receipt. Nothing the tablet sends holds a slip's secret.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  generateSlipBatch,
  type Slip,
  slipBatchDigest,
  slipText,
  type SlipBatch,
} from '../../libs/ballot/src/index.js';
import { bearer, userWithRole } from '../utils/actors.js';
import { liveSession, type LiveSession } from '../utils/live-session.js';
import { delegatesAsTellers, runCeremony, type TellerDevice } from '../utils/tellers.js';
import { launchChromium, tabletContext } from './support/chromium.js';
import { deskLogIn } from './support/desk-login.js';
import { confirmBox, dialog, toast } from './support/element-plus.js';
import { writeQrY4m } from './support/fake-camera.js';
import { recordSocketFrames, type SocketFrame, watchProblems } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const ITEM = '无记名事项：食堂承包方案';

describe('ballot slips on the console and the tablet', () => {
  let w: WebApp;
  let staff: string;
  let live: LiveSession;
  let tellers: TellerDevice[];
  /** Each teller's printed slips and published batch (teller order). */
  let printed: { batch: SlipBatch; slips: Slip[] }[];
  let desk: OpenPage;
  let tablet: OpenPage;
  let page: Page;
  let voterToken: string;
  let voterId: string;
  let frames: SocketFrame[];
  const sentBodies: string[] = [];
  const http = () => w.api.http();

  /** A delegate's tablet, logged in with its stored session (the log-in page is not the subject). */
  async function logInTablet(p: Page, token: string) {
    const me = (await http().get('/api/auth/me').set(bearer(token)).expect(200)).body;
    await p.goto(w.url('/'));
    await p.evaluate(
      ([t, u]) =>
        localStorage.setItem(
          'congress.session.tablet',
          JSON.stringify({ token: t, expiresAt: new Date(Date.now() + 3600_000), user: u }),
        ),
      [token, me] as const,
    );
    return me as { id: string };
  }
  const upload = (i: number) =>
    http()
      .post(`/api/sessions/${live.sessionId}/slip-batches`)
      .set(bearer(tellers[i]!.token))
      .send({ publicKeys: printed[i]!.batch.publicKeys });

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff');
    // Five delegates, all checked in; 代表1–3 are the tellers, 代表5 votes on the tablet.
    live = await liveSession(w.api, staff, 5, 5, [{ kind: 'approve', title: ITEM }]);
    const tokens = live.roster.delegates.map((d) => live.tokens.get(d.id)!);
    tellers = await delegatesAsTellers(w.api, tokens.slice(0, 3));
    await runCeremony(w.api, staff, live.sessionId, tellers);
    // Each teller's device prints six slips (at least one per serving delegate).
    printed = [1, 2, 3].map((teller) =>
      generateSlipBatch({ sessionId: live.sessionId, teller, count: 6 }),
    );
    for (const i of [0, 1]) await upload(i).expect(201);
    voterToken = tokens[4]!;
    tablet = await w.open('tablet');
    page = tablet.page;
    frames = recordSocketFrames(page);
    page.on('request', (r) => sentBodies.push(`${r.url()} ${r.postData() ?? ''}`));
    voterId = (await logInTablet(page, voterToken)).id;
  }, 300_000);
  afterAll(async () => {
    await desk?.close();
    await w?.close();
  });

  it('offers the slips on the console once every teller uploaded a batch, and opens the poll with them', async () => {
    desk = await w.open('desktop');
    await deskLogIn(desk.page, w.url('/console/live'), 'staff');
    await desk.page.getByText('监票人密钥已生成').waitFor();
    const rows = desk.page.getByTestId('slip-batches');
    const digest = (i: number) => slipBatchDigest(printed[i]!.batch);
    const short = (hex: string) => hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
    await rows.getByText(`投票凭证 已上传 6 张 · 摘要 ${short(digest(0))}`).waitFor();
    await rows.getByText('投票凭证 未上传').waitFor();
    const box = desk.page.getByRole('checkbox', { name: '使用纸质投票凭证（服务器无法代投）' });
    expect(await box.isDisabled()).toBe(true);
    await desk.page.getByText('还有 1 位监票人未上传凭证批次').waitFor();
    await screenshot(desk.page, 'console-slips-incomplete');

    // The third teller uploads; the console reads the batches again.
    const third = await upload(2).expect(201);
    expect(third.body).toMatchObject({ teller: 3, count: 6, digest: digest(2) });
    await upload(2).expect(409);
    await desk.page.getByRole('button', { name: '刷新凭证批次' }).click();
    await rows.getByText(`摘要 ${short(digest(2))}`).waitFor();
    expect(await rows.getByText('未上传').count()).toBe(0);
    await desk.page.getByText('使用纸质投票凭证（服务器无法代投）').click();
    expect(await box.isChecked()).toBe(true);
    await desk.page.getByRole('button', { name: '发起表决' }).click();
    await dialog(desk.page, '发起表决').getByText('使用纸质投票凭证').waitFor();
    // The box fades in: shown once its transitions are over.
    await desk.page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running'),
    );
    await screenshot(desk.page, 'console-slips-open-dialog', false);
    await confirmBox(desk.page, '发起表决', '开始表决');
    await toast(desk.page, '表决已开始');
    await desk.page.getByTestId('slips-tag').waitFor();
    await screenshot(desk.page, 'console-slips-poll-open');
    const [poll] = (
      await http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff)).expect(200)
    ).body as { slips: boolean; keyMode: string }[];
    expect(poll).toMatchObject({ slips: true, keyMode: 'tellers' });
    expect(desk.problems).toEqual([]);
  });

  it('asks the tablet for its slips before the ballot, refuses a wrong text with its reason, and takes the three slips', async () => {
    await page.goto(w.url('/t'));
    const row = page.getByTestId('slips-row');
    await row.getByText('未扫描').waitFor();
    await page.getByRole('button', { name: `去投票：${ITEM}` }).tap();
    await page.getByText('请先扫描投票凭证').waitFor();
    await screenshot(page, 'tablet-vote-needs-slips');
    await page.getByRole('button', { name: '扫描投票凭证' }).tap();
    await page.waitForURL(/\/t\/slips$/);
    await page.getByText('凭证只保存在本平板上，服务器只知道公钥，无法替您投票').waitFor();
    await page.getByText('已扫描 0/3').waitFor();
    await screenshot(page, 'tablet-slips-empty');

    const field = page.getByLabel('凭证文字');
    const add = page.getByRole('button', { name: '添加这张凭证' });
    const refusal = page.getByTestId('slip-refusal');
    // A made-up text, then another session's slip: refused, each with its reason.
    await field.fill('congress-slip:1:1:not-a-slip');
    await add.tap();
    await refusal.getByText(/^这不是投票凭证/).waitFor();
    const other = generateSlipBatch({ sessionId: 'another-session', teller: 1, count: 1 });
    await field.fill(slipText(other.slips[0]!));
    await add.tap();
    await refusal.getByText('这张凭证属于另一次会议，不能用于本次会议').waitFor();

    // The slips a delegate drew: the second of teller 1's box, the fifth of 2's, the first of 3's.
    const drawn = [printed[0]!.slips[1]!, printed[1]!.slips[4]!, printed[2]!.slips[0]!];
    await field.fill(slipText(drawn[1]!));
    await add.tap();
    const list = page.getByTestId('slip-list');
    await list.locator('.van-cell', { hasText: '第 2 号监票人' }).getByText('✓ 已扫描').waitFor();
    expect(await refusal.count()).toBe(0);
    // Teller 2's box again: one slip per teller.
    await field.fill(slipText(printed[1]!.slips[0]!));
    await add.tap();
    await refusal.getByText('已扫描过第 2 号监票人的凭证：每位监票人的凭证只取一张').waitFor();
    await field.fill(slipText(drawn[0]!));
    await add.tap();
    await page.getByText('已扫描 2/3').waitFor();
    await screenshot(page, 'tablet-slips-partly');
    // Typed as read off the paper: lower case, with a stray space.
    await field.fill(` ${slipText(drawn[2]!).replace(/:([A-Z2-7]+)$/, (m) => m.toLowerCase())}`);
    await add.tap();
    await page.getByTestId('slips-done').getByText('3/3 张凭证已扫描，可以投票').waitFor();
    await screenshot(page, 'tablet-slips-done');
    // On the device only, as the printed texts.
    const kept = await page.evaluate(
      (k) => localStorage.getItem(k),
      `congress.slips.${voterId}.${live.sessionId}`,
    );
    expect(JSON.parse(kept!)).toEqual(drawn.map(slipText));
  });

  it('votes with the slips and keeps the receipt; no slip secret ever left the tablet', async () => {
    await page.getByRole('button', { name: '去投票', exact: true }).tap();
    await page.waitForURL(/\/t\/vote$/);
    // The last scan's toast (2 s) closes with the slips page: gone within its 0.3 s fade, long
    // before it would end by itself, so it never covers the receipt code below.
    const scanToast = page.locator('.van-toast', { hasText: '已扫描第' });
    await scanToast.waitFor({ state: 'hidden', timeout: 1_000 });
    await page.getByRole('button', { name: '赞成' }).tap();
    await page.getByRole('button', { name: '核对选择' }).tap();
    await page.getByRole('button', { name: '确认，加密选票' }).tap();
    const code = await page.getByTestId('tracker-code').innerText();
    await page.getByRole('button', { name: '投出这张选票' }).tap();
    await page.getByText(`您已投票：${ITEM}`).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('receipt').innerText()).toContain(code);
    // What the delegate sees: the receipt code with nothing over it.
    expect(await page.locator('.van-toast:visible').count()).toBe(0);
    await screenshot(page, 'tablet-slips-receipt');
    await page.goto(w.url('/t'));
    await page.getByTestId('slips-row').getByText('已扫描 3/3').waitFor();

    // The cast carried one signature per slip, with the slips' public keys only.
    const cast = frames
      .filter((f) => f.direction === 'sent' && f.payload.includes('"poll:cast"'))
      .map((f) => f.payload);
    expect(cast).toHaveLength(1);
    const kept = JSON.parse(
      (await page.evaluate(
        (k) => localStorage.getItem(k),
        `congress.slips.${voterId}.${live.sessionId}`,
      ))!,
    ) as string[];
    const secrets = kept.flatMap((t) => {
      const secret = t.split(':')[4]!;
      return [secret, secret.toLowerCase()];
    });
    const drawnKeys = [printed[0]!.slips[1]!, printed[1]!.slips[4]!, printed[2]!.slips[0]!];
    for (const s of drawnKeys) expect(cast[0]).toContain(s.publicKey);
    const sent = [
      ...sentBodies,
      ...frames.filter((f) => f.direction === 'sent').map((f) => f.payload),
    ];
    for (const s of [...secrets, ...drawnKeys.map((d) => d.secretKey)])
      expect(sent.filter((p) => p.includes(s))).toEqual([]);
    expect(tablet.problems).toEqual([]);
  });

  it('refuses partly copied slips at cast, in the tablet’s words, and lets the delegate scan again', async () => {
    // 代表4 types two of 代表5's slips (photographed) and one of its own: the ballot is made and
    // signed, and the server refuses it.
    const other = await w.open('tablet');
    try {
      const p = other.page;
      await logInTablet(p, live.tokens.get(live.roster.delegates[3]!.id)!);
      await p.goto(w.url('/t/slips'));
      const drawn = [printed[0]!.slips[1]!, printed[1]!.slips[4]!, printed[2]!.slips[2]!];
      for (const slip of drawn) {
        await p.getByLabel('凭证文字').fill(slipText(slip));
        await p.getByRole('button', { name: '添加这张凭证' }).tap();
        await p.getByText(`✓ 已扫描第 ${slip.teller} 号监票人的凭证`).waitFor();
      }
      await p.getByRole('button', { name: '去投票', exact: true }).tap();
      await p.getByRole('button', { name: '反对' }).tap();
      await p.getByRole('button', { name: '核对选择' }).tap();
      await p.getByRole('button', { name: '确认，加密选票' }).tap();
      await p.getByRole('button', { name: '投出这张选票' }).tap();
      await p
        .getByRole('alert')
        .getByText(
          '您的投票凭证已有人在本次表决中用过，选票未投出：凭证可能被人复制，请立即告知监票人',
        )
        .waitFor({ timeout: 60_000 });
      await screenshot(p, 'tablet-slips-cast-refused');
      // The delegate clears the slips to scan their own.
      await p.goto(w.url('/t/slips'));
      await p.getByRole('button', { name: '清除本机凭证，重新扫描' }).tap();
      await p.getByRole('button', { name: '清除并重新扫描' }).tap();
      await p.getByText('已扫描 0/3').waitFor();
      expect(other.problems).toEqual([]);
    } finally {
      await other.close();
    }
    const polls = (
      await http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff)).expect(200)
    ).body as { id: string }[];
    expect(polls).toHaveLength(1);
  });

  it('forgets the slips at log-out', async () => {
    await page.getByRole('button', { name: '退出登录' }).tap();
    await page.waitForURL(/\/t\/login/);
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('congress.slips.')),
    );
    expect(left).toEqual([]);
  });

  it('reads a slip from the tablet’s camera', async () => {
    // 代表4's tablet, whose camera sees teller 1's fourth slip (a video file of its QR code).
    const dir = new URL('../../test-results/slips/', import.meta.url).pathname;
    mkdirSync(dir, { recursive: true });
    const video = `${dir}slip.y4m`;
    writeQrY4m(video, slipText(printed[0]!.slips[3]!));
    let camera: Browser | undefined;
    try {
      camera = await launchChromium([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ]);
      const context = await tabletContext(camera, { permissions: ['camera'] });
      const p = await context.newPage();
      const problems = watchProblems(p);
      await logInTablet(p, live.tokens.get(live.roster.delegates[3]!.id)!);
      await p.goto(w.url('/t/slips'));
      await p.getByRole('button', { name: '用摄像头扫描凭证' }).tap();
      await p
        .getByTestId('slip-list')
        .locator('.van-cell', { hasText: '第 1 号监票人' })
        .getByText('✓ 已扫描')
        .waitFor({ timeout: 20_000 });
      await p.getByText('已扫描 1/3').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await camera?.close();
    }
  });
});
