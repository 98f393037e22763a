import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Where browser tests leave their screenshots (git-ignored), for a person to look at. */
export const SCREENSHOTS = new URL('../../../test-results/screenshots/', import.meta.url);

/** Saves the page as `test-results/screenshots/<name>.png` and returns the file's path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = new URL(`${name}.png`, SCREENSHOTS).pathname;
  await page.screenshot({ path, fullPage });
  return path;
}
