import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { type ApiProcess, freePort, startApiProcess } from '../../utils/api-process.js';
import { createTestDatabase, dropTestDatabase } from '../../utils/test-app.js';
import { databaseUrl } from '../../setup/test-database.js';
import { desktopContext, launchChromium, projectorContext, tabletContext } from './chromium.js';
import { watchProblems } from './page-watch.js';

export type Device = 'tablet' | 'desktop' | 'projector';

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** See {@link watchProblems}: console errors, page errors, failed and outside requests. */
  problems: string[];
  close(): Promise<void>;
}

export interface WebApp {
  /** The built api (serving the built web app at `/`) as a child process on its own database. */
  api: ApiProcess;
  /** `api.url` + path. */
  url(path: string): string;
  browser: Browser;
  /** A new tablet (800×1280, touch): each call is another device with its own storage. */
  tablet(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new staff desktop (1366×768). */
  desktop(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new projector (1920×1080). */
  projector(options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * A page on a new device, watched for problems from the start, at `path` if given. Add the
   * other recorders (recordSocketFrames, a response listener) before `page.goto` if needed.
   */
  open(device: Device, path?: string, options?: BrowserContextOptions): Promise<OpenPage>;
  close(): Promise<void>;
}

/**
 * For one browser test file: a fresh database, the built api on it (`npm run build` first; npm
 * test does it) and a headless Chromium. Staff steps go through `api.http()` and the helpers of
 * test/utils/actors.ts; people's steps go through pages of the contexts made here.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const database = await createTestDatabase();
  const [started, launched] = await Promise.allSettled([
    freePort().then((port) => startApiProcess(databaseUrl(database), port, env)),
    launchChromium(),
  ]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    // Leave no browser or api process behind on a shared machine.
    if (launched.status === 'fulfilled') await launched.value.close();
    if (started.status === 'fulfilled') await started.value.kill('SIGTERM');
    await dropTestDatabase(database);
    throw started.status === 'rejected'
      ? started.reason
      : (launched as PromiseRejectedResult).reason;
  }
  const api = started.value;
  const browser = launched.value;
  const contexts = { tablet: tabletContext, desktop: desktopContext, projector: projectorContext };
  const url = (path: string) => new URL(path, api.url).toString();
  return {
    api,
    url,
    browser,
    tablet: (options) => tabletContext(browser, options),
    desktop: (options) => desktopContext(browser, options),
    projector: (options) => projectorContext(browser, options),
    async open(device, path, options) {
      const context = await contexts[device](browser, options);
      const page = await context.newPage();
      const problems = watchProblems(page);
      if (path) await page.goto(url(path));
      return { page, context, problems, close: () => context.close() };
    },
    async close() {
      await browser.close();
      await api.kill('SIGTERM');
      await dropTestDatabase(database);
    },
  };
}
