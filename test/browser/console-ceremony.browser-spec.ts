// The console's 会议现场 starts the session's key ceremony: staff name the tellers (the roster's
// 监票人 chosen to begin with) and the threshold, follow the rounds live, abandon a ceremony that
// cannot finish and start again; the tellers' devices then make the key and the page shows its
// short fingerprint. Before this page, staff needed the api by hand to start one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, userWithRole } from '../utils/actors.js';
import { liveSession, type LiveSession } from '../utils/live-session.js';
import { completeCeremony, delegatesAsTellers } from '../utils/tellers.js';
import { confirmBox, toast } from './support/element-plus.js';
import { deskLogIn } from './support/desk-login.js';
import { screenshot } from './support/screenshots.js';
import { type OpenPage, startWebApp, type WebApp } from './support/web-app.js';

describe('the console starts, abandons and restarts the tellers’ key ceremony', () => {
  let w: WebApp;
  let staff: string;
  let live: LiveSession;
  let desk: OpenPage;

  beforeAll(async () => {
    w = await startWebApp();
    staff = await userWithRole(w.api, 'staff');
    live = await liveSession(w.api, staff, 5, 5, [{ kind: 'approve', title: '工作报告决议' }]);
    // The presidium named 代表2, 代表3 and 代表4 tellers (监票人) in the roster.
    for (const d of live.roster.delegates.slice(1, 4))
      await w.api
        .http()
        .patch(`/api/delegates/${d.id}`)
        .set(bearer(staff))
        .send({ teller: true })
        .expect(200);
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
    await w?.close();
  });

  const ceremonies = async () =>
    (await w.api.http().get(`/api/sessions/${live.sessionId}/ceremonies`).set(bearer(staff)))
      .body as {
      id: string;
      ceremonyId: string;
      threshold: number;
      status: string;
      members: { index: number; userId: string; name: string }[];
    }[];

  it('names the roster’s tellers and starts; abandons; starts again', async () => {
    desk = await w.open('desktop');
    await deskLogIn(desk.page, w.url('/console/live'), 'staff');
    await desk.page.getByText('本次会议尚未生成监票人密钥').waitFor();

    await desk.page.getByRole('button', { name: '指定监票人并开始密钥仪式' }).click();
    const dialog = desk.page.getByRole('dialog', { name: '指定监票人' });
    // The roster's three 监票人 are chosen to begin with; any 2 of 3 decrypt.
    for (const name of ['代表2', '代表3', '代表4'])
      await dialog
        .locator('.el-select')
        .getByText(new RegExp(`^${name}（`))
        .waitFor();
    await dialog.getByText('3 人中任意 2 人即可解密').waitFor();
    await screenshot(desk.page, 'console-ceremony-tellers');
    await dialog.getByRole('button', { name: '开始密钥仪式' }).click();
    await toast(desk.page, '密钥仪式已开始');
    await desk.page.getByText('密钥仪式进行中').waitFor();
    await desk.page.getByText(/已收到第一轮 0\/3/).waitFor();

    const [first] = await ceremonies();
    expect(first).toMatchObject({ status: 'collecting', threshold: 2 });
    expect(first!.members.map((m) => m.name)).toEqual(['代表2', '代表3', '代表4']);

    // A teller's tablet is lost mid-way: staff abandon and start again.
    await desk.page.getByRole('button', { name: '中止仪式' }).click();
    await confirmBox(desk.page, '中止密钥仪式', '中止仪式');
    await desk.page.getByText('密钥仪式失败，须重新进行').waitFor();
    await desk.page.getByText('工作人员中止了本次密钥仪式').waitFor();
    await desk.page.getByRole('button', { name: '指定监票人并开始密钥仪式' }).click();
    await dialog.getByRole('button', { name: '开始密钥仪式' }).click();
    await desk.page.getByText(/已收到第一轮 0\/3/).waitFor();
  });

  it('follows the tellers’ rounds live and shows the key’s short fingerprint', async () => {
    const [current] = await ceremonies();
    expect(current!.status).toBe('collecting');
    // Each named teller's own tablet log-in, numbered as the ceremony numbers them.
    const seats = await delegatesAsTellers(
      w.api,
      live.roster.delegates.map((d) => live.tokens.get(d.id)!),
    );
    const devices = current!.members.map((m) => ({
      ...seats.find((s) => s.userId === m.userId)!,
      index: m.index,
    }));
    const { shortFingerprint } = await completeCeremony(w.api, current!, devices);
    await desk.page.getByText('监票人密钥已生成').waitFor();
    await desk.page.getByText(shortFingerprint).waitFor();
    await screenshot(desk.page, 'console-ceremony-ready');
    // The new poll now defaults to the tellers' key.
    expect(await desk.page.getByRole('radio', { name: '监票人密钥' }).isChecked()).toBe(true);
    expect(desk.problems).toEqual([]);
  });
});
