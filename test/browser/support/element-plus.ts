import type { Locator, Page } from 'playwright-core';

/**
 * Steps through Element Plus as a person does it: by the visible labels and titles (dialogs and
 * message boxes are `role=dialog` named by their title).
 */
export const dialog = (page: Page, title: string | RegExp): Locator =>
  page.getByRole('dialog', { name: title });

/** Types into the field of a form item by its label, and leaves it (a date picker takes Enter). */
export async function fillField(scope: Locator | Page, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

/**
 * Picks an option of a select and waits until the select shows it: a form sent before the choice
 * has landed would go with the previous one (a busy machine failed that way once).
 */
export async function chooseOption(page: Page, select: Locator, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await select.getByText(option, { exact: true }).waitFor();
}

/** Answers an ElMessageBox prompt (a reason, a name) and confirms it. */
export async function answerPrompt(page: Page, title: string | RegExp, text: string) {
  const box = dialog(page, title).filter({ has: page.locator('.el-message-box__input') });
  await box.locator('input, textarea').first().fill(text);
  await box.getByRole('button', { name: '确定' }).click();
  await box.waitFor({ state: 'hidden' });
}

/** Confirms an ElMessageBox question with its confirm button. */
export async function confirmBox(page: Page, title: string | RegExp, button: string) {
  // A prompt of the same title may follow at once: this box is the one with this button.
  const box = dialog(page, title).filter({ has: page.getByRole('button', { name: button }) });
  await box.getByRole('button', { name: button }).click();
  await box.waitFor({ state: 'hidden' });
}

/** Waits for a success or error toast (ElMessage) with this text. */
export const toast = (page: Page, text: string | RegExp) =>
  page.locator('.el-message').filter({ hasText: text }).first().waitFor();
