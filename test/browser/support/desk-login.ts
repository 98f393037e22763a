import type { Page } from 'playwright-core';
import { fillField } from './element-plus.js';

/** The password test/utils/actors.ts gives every account it makes (after the first change). */
export const ACCOUNT_PASSWORD = 'second-pass-123';

/**
 * Opens a desk page (the console, the door, the secretary's) while logged out: the app sends it
 * to the desk's log-in page with `next=`, the account logs in, and the page is the one asked for.
 */
export async function deskLogIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/console\/login\?next=/);
  await fillField(page, '用户名', username);
  await page.getByLabel('密码', { exact: true }).fill(ACCOUNT_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}
