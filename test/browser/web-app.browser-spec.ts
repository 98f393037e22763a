import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page, Response } from 'playwright-core';
import { bearer, createRoster, userWithRole } from '../utils/actors.js';
import { recordSocketFrames } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { startWebApp, type WebApp } from './support/web-app.js';

/** A form field by its label. */
const field = (page: Page, label: string) =>
  page.getByRole('textbox', { name: label, exact: true });

/** The JavaScript files a page loads from now on. */
function scriptsOf(page: Page): Response[] {
  const scripts: Response[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r);
  });
  return scripts;
}

const pathOf = (r: Response) => new URL(r.url()).pathname;

describe('the web app, built and served by the api', () => {
  let w: WebApp;
  beforeAll(async () => {
    w = await startWebApp();
  }, 180_000);
  afterAll(() => w?.close());

  it('shows the landing page in Chinese, choosing a role', async () => {
    const { page, problems, close } = await w.open('desktop', '/');
    expect(await page.getByRole('heading', { name: '职工代表大会' }).isVisible()).toBe(true);
    for (const role of ['代表平板', '大屏', '工作人员控制台', '秘书', '公开栏'])
      expect(await page.getByRole('link', { name: new RegExp(role) }).count()).toBe(1);
    expect(await page.title()).toBe('选择入口 · 职代会');
    await screenshot(page, 'landing-desktop');
    await page.getByRole('link', { name: /公开栏/ }).click();
    await page.getByRole('heading', { name: '公开栏' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/board');
    await screenshot(page, 'board-desktop');
    expect(problems).toEqual([]);
    await close();
  });

  it('opens the log-in sheet’s link on a tablet with the username and code filled in', async () => {
    const staff = await userWithRole(w.api, 'staff');
    const roster = await createRoster(w.api, staff, 1);
    const issued = await w.api
      .http()
      .post(`/api/terms/${roster.termId}/login-codes`)
      .set(bearer(staff))
      .send({ delegateIds: [roster.delegates[0]!.id], format: 'json' })
      .expect(200);
    const entry = issued.body.entries[0] as { loginUrl: string; username: string; code: string };
    // The sheet carries PUBLIC_URL or the machine's own network address, never the request's
    // Host header (a forged Host must not reach a printed QR code); the api listens on all of them.
    const link = new URL(entry.loginUrl);
    expect([link.port, link.pathname]).toEqual([new URL(w.api.url).port, '/t/login']);

    const { page, problems, close } = await w.open('tablet');
    const scripts = scriptsOf(page);
    await page.goto(entry.loginUrl);
    await page.getByRole('heading', { name: /代表登录/ }).waitFor();
    expect(await field(page, '用户名').inputValue()).toBe(entry.username);
    expect(await field(page, '登录码').inputValue()).toBe(entry.code);
    await screenshot(page, 'tablet-login-from-sheet');

    // The tablet's first load carries Vant, and neither the console's Element Plus nor ECharts.
    expect(scripts.some((r) => /^\/assets\/vant-[\w-]+\.js$/.test(pathOf(r)))).toBe(true);
    expect(scripts.map(pathOf).filter((p) => /element-plus|echarts/.test(p))).toEqual([]);
    const sizes = await Promise.all(scripts.map((r) => r.request().sizes()));
    const wireBytes = sizes.reduce((sum, s) => sum + s.responseBodySize, 0);
    expect(wireBytes).toBeGreaterThan(0);
    expect(wireBytes).toBeLessThanOrEqual(250 * 1024);
    expect(problems).toEqual([]);
    await close();
  });

  it('fills in a code given as ?code=, and sends a tablet without a log-in to it', async () => {
    const { page, problems, close } = await w.open('tablet', '/t/login?code=ABCD-EFGH');
    expect(await field(page, '登录码').inputValue()).toBe('ABCD-EFGH');
    expect(await field(page, '用户名').inputValue()).toBe('');
    await screenshot(page, 'tablet-login');
    await page.getByRole('tab', { name: '用密码' }).tap();
    await field(page, '密码').waitFor();
    expect(await field(page, '登录码').count()).toBe(0);

    // The tablet's other pages need a delegate's log-in: they lead to it, and back after it.
    await page.goto(w.url('/t/vote'));
    await page.getByRole('heading', { name: /代表登录/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/t/vote');
    expect(problems).toEqual([]);
    await close();
  });

  it('loads the console’s Element Plus only on the console, in Chinese, behind its log-in', async () => {
    const { page, problems, close } = await w.open('desktop');
    const scripts = scriptsOf(page);
    await page.goto(w.url('/console/roster'));
    // Not logged in: the desk's log-in page (itself Element Plus), coming back here afterwards.
    await page.getByRole('heading', { name: '职代会 · 工作人员控制台' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console/roster');
    expect(scripts.some((r) => /^\/assets\/element-plus-[\w-]+\.js$/.test(pathOf(r)))).toBe(true);
    await screenshot(page, 'console-login-redirect');
    await page.goto(w.url('/secretary'));
    await page.getByRole('heading', { name: '职代会 · 秘书工作台' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('shows the projector page at 1920×1080, all on one screen, asking for its log-in first', async () => {
    const session = '7f1c3a52-0000-4000-8000-000000000000';
    const { page, problems, close } = await w.open('projector', `/screen/${session}`);
    // The live screen itself is tested in hall-and-board.browser-spec.ts.
    await page.getByRole('heading', { name: '大屏登录' }).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(1080);
    await screenshot(page, 'projector', false);
    expect(problems).toEqual([]);
    await close();
  });

  it('answers an unknown page in Chinese, and an unknown /api path with the JSON 404', async () => {
    const { page, close } = await w.open('desktop', '/no/such/page');
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    const api = await page.goto(w.url('/api/x'));
    expect(api!.status()).toBe(404);
    expect(api!.headers()['content-type']).toMatch(/^application\/json/);
    expect(await api!.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await close();
  });

  it('lets a page open the same-origin websocket, and records its frames', async () => {
    const { page, problems, close } = await w.open('tablet');
    const frames = recordSocketFrames(page);
    await page.goto(w.url('/t'));
    // socket.io's own transport, opened as the tablet's client will: the policy lets it through,
    // and the server's first frame (engine.io "open", no token needed for it) is recorded.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/socket.io/?EIO=4&transport=websocket`);
          ws.onmessage = () => (ws.close(), resolve());
          ws.onerror = () => reject(new Error('websocket refused'));
        }),
    );
    expect(frames.filter((f) => f.direction === 'received')[0]?.payload).toMatch(/^0\{"sid":/);
    expect(problems).toEqual([]);
    await close();
  });
});
