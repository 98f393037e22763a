import { existsSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
} from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`, as .ci/run does); never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as CI runs it (as root, so no sandbox). Playwright gives every launch a
 * fresh, temporary user-data-dir of its own, so no profile, cache or service worker carries
 * over between runs.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Every context: Chinese, in Shanghai time, as the hall's devices are set. */
const common: BrowserContextOptions = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** A 10-inch Android tablet held upright: 800×1280 CSS pixels, touch, a mobile viewport. */
export function tabletContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...common,
    viewport: { width: 800, height: 1280 },
    deviceScaleFactor: 1.5,
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 13; Tablet) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
    ...options,
  });
}

/** A staff desktop at the console's smallest supported size, 1366×768. */
export function desktopContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...common, viewport: { width: 1366, height: 768 }, ...options });
}

/** The hall's projector, 1920×1080. */
export function projectorContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...common, viewport: { width: 1920, height: 1080 }, ...options });
}

/** A staff member's phone: 390×844 CSS pixels, touch, a mobile viewport. */
export function phoneContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...common,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
    ...options,
  });
}
