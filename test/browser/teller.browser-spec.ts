// The teller's screen on a tablet (/t/teller): one of three tellers runs the key ceremony (reloading
// the page mid-way and resuming it), follows a poll's board while it is open and answers its close
// by comparing sums, and answers two more closes (the second after restoring the share from the
// typed recovery sheet); the other two tellers are in-test devices. The page waits on the socket's
// teller events (it reads the api by itself only while the socket is down, every 10 s, so a state
// reached within the timeouts below came by the event). Nothing the page sends holds the share in
// the clear.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  ceremonyRound1,
  ceremonyRound2,
  finalizeKey,
  marks,
  receiveShares,
  tellerSecretFromRecoverySheet,
  verifyCeremonyTranscript,
  type CeremonyTranscript,
  type Round1Message,
  type Round2Message,
} from '../../libs/ballot/src/index.js';
import { bearer, userWithRole } from '../utils/actors.js';
import { castSecret } from '../utils/ballots.js';
import { waitFor } from '../utils/events.js';
import { liveSession, type LiveSession } from '../utils/live-session.js';
import {
  answerClose,
  delegatesAsTellers,
  startCeremony,
  type TellerDevice,
} from '../utils/tellers.js';
import type { TabletSocket } from '../utils/test-app.js';
import { recordSocketFrames, type SocketFrame } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

const PASSPHRASE = '监票人的口令2026';
const NEW_PASSPHRASE = 'restored-share-2026';
const ITEMS = [
  { kind: 'approve', title: '无记名事项一' },
  { kind: 'approve', title: '无记名事项二' },
  { kind: 'approve', title: '无记名事项三' },
];
/** Shorter than the page's fallback read (10 s, only while its socket is down). */
const BY_EVENT = 8_000;

interface Sent {
  url: string;
  body: string;
}

describe('the teller’s screen: the ceremony and the closes on a tablet', () => {
  let w: WebApp;
  let staff: string;
  let live: LiveSession;
  let tellers: TellerDevice[];
  let tab: OpenPage;
  let page: Page;
  let ceremony: string;
  let sheetText = '';
  const sent: Sent[] = [];
  let frames: SocketFrame[] = [];
  const sockets: TabletSocket[] = [];
  const http = () => w.api.http();

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff');
    live = await liveSession(w.api, staff, 4, 4, ITEMS);
    const tokens = live.roster.delegates.slice(0, 3).map((d) => live.tokens.get(d.id)!);
    tellers = await delegatesAsTellers(w.api, tokens);
    // Teller 1 (代表1) logs in on a tablet by its stored session; every request it sends is kept.
    const me = (await http().get('/api/auth/me').set(bearer(tellers[0]!.token))).body;
    tab = await w.open('tablet');
    page = tab.page;
    frames = recordSocketFrames(page);
    page.on('request', (r) => sent.push({ url: r.url(), body: r.postData() ?? '' }));
    await page.goto(w.url('/'));
    await page.evaluate(
      ([t, u]) =>
        localStorage.setItem(
          'congress.session.tablet',
          JSON.stringify({ token: t, expiresAt: new Date(Date.now() + 3600_000), user: u }),
        ),
      [tellers[0]!.token, me] as const,
    );
  }, 240_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await w?.close();
  });

  const view = async () =>
    (await http().get(`/api/ceremonies/${ceremony}`).set(bearer(staff)).expect(200)).body;

  it('runs the key ceremony in the browser with two other tellers, resumes it after a reload and shows the fingerprint', async () => {
    // The page is open before staff name the tellers: the ceremony appears by its event.
    await page.goto(w.url('/t/teller'));
    await page.getByText('您目前不是任何密钥仪式的监票人').waitFor({ timeout: 30_000 });
    ceremony = (await startCeremony(w.api, staff, live.sessionId, tellers)).id;
    await page
      .getByText('您是第 1 号监票人（共 3 人，任意 2 人可解密）')
      .waitFor({ timeout: BY_EVENT });
    const c = await view();
    // The hall's projector, logged in once by staff: the ceremony is under way.
    const projector = await w.open('projector', `/screen/${live.sessionId}`);
    await projector.page.getByLabel('用户名').fill('staff');
    await projector.page.getByLabel('密码').fill('second-pass-123');
    await projector.page.getByRole('button', { name: '登录' }).click();
    const fingerprint = projector.page.getByTestId('ceremony-fingerprint');
    await fingerprint.getByText('监票人密钥仪式进行中').waitFor({ timeout: 30_000 });
    await page.goto(w.url('/t'));
    await page.getByRole('button', { name: '监票人：参加密钥仪式' }).tap();
    await page.getByText('您是第 1 号监票人（共 3 人，任意 2 人可解密）').waitFor();
    await screenshot(page, 'tablet-teller-start');

    // Too short, then two different passphrases: refused on the page, nothing sent.
    const pass = page.getByLabel('份额口令');
    const again = page.getByLabel('再输一次');
    await pass.fill('短口令');
    await again.fill('短口令');
    await page.getByRole('button', { name: '开始密钥仪式' }).tap();
    await page.getByText('口令至少 8 个字符').waitFor();
    await pass.fill(PASSPHRASE);
    await again.fill(PASSPHRASE + '!');
    await page.getByRole('button', { name: '开始密钥仪式' }).tap();
    await page.getByText('两次输入的口令不一致').waitFor();
    expect((await view()).received.round1).toBe(0);
    await again.fill(PASSPHRASE);
    await page.getByRole('button', { name: '开始密钥仪式' }).tap();

    // Tellers 2 and 3 are devices of this test; they wait for the page's messages as it does.
    const params = { ceremonyId: c.ceremonyId, threshold: 2, tellers: 3 };
    const post = (d: TellerDevice, path: string, message: object) =>
      http().post(`/api/ceremonies/${ceremony}/${path}`).set(bearer(d.token)).send({ message });
    const others = tellers.slice(1);
    const r1 = others.map((d) => ceremonyRound1({ ...params, index: d.index }));
    for (const [i, d] of others.entries()) await post(d, 'round1', r1[i]!.message).expect(201);
    await waitFor(async () => (await view()).received.round1 === 3, 60_000, 'round 1 of the page');
    const round1 = (await view()).messages.round1 as Round1Message[];
    // The page sends its round 2 on the event of the others' round 1, then is reloaded mid-way.
    await waitFor(async () => (await view()).received.round2 === 1, 60_000, 'round 2 of the page');
    const before = ((await view()).messages.round2 as Round2Message[])[0]!;
    expect(before.from).toBe(1);
    await page.reload();
    await page.getByText('本机保存着这次仪式的进行状态').waitFor({ timeout: 30_000 });
    const sealedRound = await page.evaluate(
      (k) => localStorage.getItem(k),
      `congress.teller-round.${tellers[0]!.userId}.${ceremony}`,
    );
    expect(JSON.parse(sealedRound!)).toMatchObject({ kind: 'round-state', index: 1 });
    await screenshot(page, 'tablet-teller-resume');
    await page.getByLabel('份额口令').fill('not the passphrase');
    await page.getByRole('button', { name: '继续密钥仪式' }).tap();
    await page.getByText('口令不正确').waitFor({ timeout: 60_000 });
    await page.getByLabel('份额口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '继续密钥仪式' }).tap();
    await page.getByText('第二轮已提交，等待其他监票人').waitFor({ timeout: 60_000 });
    for (const [i, d] of others.entries())
      await post(d, 'round2', ceremonyRound2(r1[i]!.state, round1).message).expect(201);
    await waitFor(async () => (await view()).received.round2 === 3, 60_000, 'round 2 of all');
    const round2 = (await view()).messages.round2 as Round2Message[];
    for (const [i, d] of others.entries()) {
      const received = receiveShares(r1[i]!.state, round1, round2);
      expect(received.complaints).toEqual([]);
      const { secret, ack } = finalizeKey(r1[i]!.state, round1, received);
      d.secret = secret;
      await post(d, 'acks', ack).expect(201);
    }

    // The page seals its share, shows the sheet and acknowledges: the key is ready.
    await page.getByText('✓ 密钥仪式已完成').waitFor({ timeout: 60_000 });
    const pub = await http().get(`/api/public/sessions/${live.sessionId}/ceremony`).expect(200);
    // The projector shows the key's short fingerprint as soon as the ceremony is ready (its
    // socket's ceremony:progress), for the tellers to read aloud against their devices.
    await fingerprint.getByText(pub.body.shortFingerprint as string).waitFor({ timeout: 30_000 });
    expect(await fingerprint.innerText()).toContain('3 名监票人中任意 2 人解密');
    await screenshot(projector.page, 'projector-ceremony-fingerprint', false);
    await projector.close();
    expect(pub.body.status).toBe('ready');
    expect(await page.getByTestId('fingerprint').innerText()).toBe(pub.body.shortFingerprint);
    // The key is the one the page's round 2 (sent before the reload) was made under.
    expect(verifyCeremonyTranscript(pub.body.transcript as CeremonyTranscript).fingerprint).toBe(
      before.fingerprint,
    );
    // Over: the round state is dropped from the tablet.
    expect(
      await page.evaluate(
        (k) => localStorage.getItem(k),
        `congress.teller-round.${tellers[0]!.userId}.${ceremony}`,
      ),
    ).toBeNull();
    await page.getByText('从不以明文离开本机').waitFor();
    await page.getByRole('button', { name: '打印恢复单' }).waitFor();
    sheetText = await page.getByTestId('recovery-lines').innerText();
    expect(sheetText.split('\n')).toHaveLength(5);
    await screenshot(page, 'tablet-teller-ready-sheet');

    // The sheet is teller 1's share of this key; the tablet keeps it only sealed.
    const key = verifyCeremonyTranscript(pub.body.transcript as CeremonyTranscript);
    const share = tellerSecretFromRecoverySheet(key, sheetText);
    tellers[0]!.secret = share;
    expect(share.index).toBe(1);
    const kept = await page.evaluate(
      (k) => localStorage.getItem(k),
      `congress.teller-share.${tellers[0]!.userId}.${ceremony}`,
    );
    expect(JSON.parse(kept!)).toMatchObject({ version: 2, index: 1, fingerprint: key.fingerprint });
    expect(kept!.toLowerCase()).not.toContain(share.secret.toLowerCase());
  }, 180_000);

  /** A secret poll under the tellers' key: 3 for, 1 against. */
  async function voted(title: string): Promise<string> {
    if (sockets.length === 0)
      for (const d of live.roster.delegates) {
        const s = w.api.socket(live.tokens.get(d.id)!);
        await new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())));
        sockets.push(s);
      }
    const poll = await http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title] })
      .expect(201);
    const pollId = poll.body.id as string;
    for (const [i, s] of sockets.entries())
      await castSecret(s, live.sessionId, pollId, [marks(3, i < 3 ? 0 : 1)]);
    return pollId;
  }

  const close = async (pollId: string) =>
    http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);

  /** The same, then closed. */
  async function votedAndClosed(title: string): Promise<string> {
    const pollId = await voted(title);
    await close(pollId);
    return pollId;
  }

  const resultOf = async (pollId: string) =>
    (await http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff))).body.find(
      (p: { id: string }) => p.id === pollId,
    ).result;

  it('follows the board while the poll is open; at the close it compares sums, no re-verification', async () => {
    // The page stays open on /t/teller (where the ceremony ended) while the delegates vote.
    const pollId = await voted('无记名事项三');
    const followed = page.locator(`[data-following="${pollId}"]`);
    await followed.getByText('「无记名事项三」：已逐张核验 4 张').waitFor({ timeout: 60_000 });
    await screenshot(page, 'tablet-teller-following');

    // The close reaches the page by decryption:requested, with what it verified during the poll.
    await close(pollId);
    const card = page.locator(`[data-poll="${pollId}"]`);
    await card.getByText('本机在表决进行中已逐张核验 4 张选票').waitFor({ timeout: BY_EVENT });
    // No longer listed as open.
    expect(await followed.count()).toBe(0);
    await screenshot(page, 'tablet-teller-close-followed');
    // The page fetches the prepared close without the 4 ballots it verified.
    const inputs: string[] = [];
    const seen = (r: { url(): string }) => {
      if (r.url().includes('/decryption/input')) inputs.push(new URL(r.url()).search);
    };
    page.on('request', seen);
    await card.getByLabel('份额口令').fill(PASSPHRASE);
    await card.getByRole('button', { name: '解密并提交' }).tap();
    await card.getByText('✓ 已提交').waitFor({ timeout: 120_000 });
    page.off('request', seen);
    expect(inputs).toEqual(['?followed=4']);
    // Every ballot was verified before the close: the close only compared the sums.
    await card.getByText('结束时只比对了合计（结束时补验 0 张），计入 4 张选票').waitFor();
    expect(await card.getByText('本机复核了').count()).toBe(0);
    await screenshot(page, 'tablet-teller-submitted-followed');
    expect((await answerClose(w.api, pollId, tellers[1]!)).status).toBe(201);
    expect(await resultOf(pollId)).toMatchObject({ keyMode: 'tellers', counts: [[3, 1, 0]] });
  }, 240_000);

  it('answers a close with the passphrase; with one more teller the result is decided', async () => {
    const pollId = await votedAndClosed('无记名事项一');
    await page.goto(w.url('/t'));
    await page.getByRole('button', { name: '监票人：解密表决结果（1 项待解密）' }).waitFor();
    await screenshot(page, 'tablet-home-teller');
    await page.getByRole('button', { name: '监票人：解密表决结果（1 项待解密）' }).tap();
    const card = page.locator(`[data-poll="${pollId}"]`);
    await card.getByText('无记名事项一').waitFor();
    await card.getByLabel('份额口令').fill('not the passphrase');
    await card.getByRole('button', { name: '解密并提交' }).tap();
    await card.getByText('口令不正确').waitFor({ timeout: 60_000 });
    await screenshot(page, 'tablet-teller-wrong-passphrase');
    expect(sent.filter((r) => r.url.includes(`/polls/${pollId}/partials`))).toEqual([]);

    await card.getByLabel('份额口令').fill(PASSPHRASE);
    await card.getByRole('button', { name: '解密并提交' }).tap();
    await card.getByText('✓ 已提交').waitFor({ timeout: 120_000 });
    await card.getByText('本机复核了 4 张计入的选票').waitFor();
    await card.getByText('1 号 代表1：已提交').waitFor();
    await card.getByText('2 号 代表2：未提交').waitFor();
    await screenshot(page, 'tablet-teller-submitted');

    expect((await answerClose(w.api, pollId, tellers[1]!)).status).toBe(201);
    expect(await resultOf(pollId)).toMatchObject({ keyMode: 'tellers', counts: [[3, 1, 0]] });
    await card.getByText('结果已产生').waitFor({ timeout: 30_000 });
    await screenshot(page, 'tablet-teller-decided');
  }, 240_000);

  it('restores the share from the typed recovery sheet when the tablet lost it', async () => {
    await page.evaluate(
      (k) => localStorage.removeItem(k),
      `congress.teller-share.${tellers[0]!.userId}.${ceremony}`,
    );
    const pollId = await votedAndClosed('无记名事项二');
    await page.goto(w.url('/t/teller'));
    const card = page.locator(`[data-poll="${pollId}"]`);
    await card.getByText('本机没有这次密钥仪式的份额').waitFor({ timeout: 30_000 });
    // A typo in line 2 (its check character changed) is named by its line.
    const lines = sheetText.split('\n');
    const typo = [
      lines[0],
      lines[1]!.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
      ...lines.slice(2),
    ];
    await card.getByLabel('恢复单').fill(typo.join('\n'));
    await card.getByLabel('新口令').fill(NEW_PASSPHRASE);
    await card.getByLabel('再输一次').fill(NEW_PASSPHRASE);
    await card.getByRole('button', { name: '恢复份额并解密' }).tap();
    await card.getByText('恢复单第 2 行有输入错误').waitFor({ timeout: 30_000 });
    await card.getByLabel('恢复单').fill(sheetText.toLowerCase());
    await card.getByLabel('新口令').fill(NEW_PASSPHRASE);
    await card.getByLabel('再输一次').fill(NEW_PASSPHRASE);
    await card.getByRole('button', { name: '恢复份额并解密' }).tap();
    await card.getByText('✓ 已提交').waitFor({ timeout: 120_000 });
    await page.getByText('本机已保存您加密后的份额').waitFor();
    await screenshot(page, 'tablet-teller-restored');
    expect((await answerClose(w.api, pollId, tellers[2]!)).status).toBe(201);
    expect(await resultOf(pollId)).toMatchObject({ keyMode: 'tellers', counts: [[3, 1, 0]] });
    const record = await http().get(`/api/public/polls/${pollId}/record`).expect(200);
    expect(record.body.decryptions.map((d: { trustee: number }) => d.trustee)).toEqual([1, 3]);
  }, 240_000);

  it('never sent the share in the clear: not in a request, not in a socket frame', () => {
    const share = tellers[0]!.secret!;
    const qr = sheetText.replace(/\s/g, '');
    const sentTexts = [
      ...sent.map((r) => `${r.url} ${r.body}`),
      ...frames.filter((f) => f.direction === 'sent').map((f) => f.payload),
    ];
    // The page did talk to the api: its rounds, its acknowledgement and two partials.
    expect(sent.filter((r) => /\/ceremonies\/.*\/(round1|round2|acks)$/.test(r.url))).toHaveLength(
      3,
    );
    expect(sent.filter((r) => r.url.endsWith('/partials'))).toHaveLength(3);
    for (const text of sentTexts) {
      expect(text.toLowerCase()).not.toContain(share.secret.toLowerCase());
      expect(text.toUpperCase()).not.toContain(qr.toUpperCase());
    }
    expect(tab.problems).toEqual([]);
  });
});
