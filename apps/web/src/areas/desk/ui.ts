/**
 * Element Plus's function-style helpers (imported by hand with their CSS, as the auto-import
 * only sees template tags), wrapped for the desk's common cases.
 */
import { ElMessage, ElMessageBox } from 'element-plus/es';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { ApiError, messageOf } from './desk.js';

/**
 * Success toasts go to the bottom right: several in a row (check-ins, a poll opened and closed)
 * stacked at the top and covered the page header — the session's status and 宣布闭会. Errors
 * stay at the top, where they are seen.
 */
export function toastOk(message: string) {
  ElMessage({ type: 'success', message, showClose: true, placement: 'bottom-right' });
}

export function toastError(e: unknown) {
  // A wrong role replaces the page with 无权限 and its reason (DeskLayout): no toast on top.
  if (e instanceof ApiError && e.code === 'AUTH_WRONG_ROLE') return;
  ElMessage({ type: 'error', message: messageOf(e), showClose: true, duration: 6000 });
}

/** Asks for a line of text (a reason, a note); null when the person cancels. */
export async function askText(
  title: string,
  label: string,
  options: { required?: boolean; initial?: string } = {},
): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(label, title, {
      confirmButtonText: '确定',
      cancelButtonText: '取消',
      inputValue: options.initial ?? '',
      inputValidator: (v) => (options.required === false || v.trim() ? true : '请填写'),
    });
    return value.trim();
  } catch {
    return null; // cancelled
  }
}

/** A yes/no question; true when confirmed. */
export async function confirm(title: string, message: string, ok = '确定'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: ok,
      cancelButtonText: '取消',
      type: 'warning',
    });
    return true;
  } catch {
    return false; // cancelled
  }
}

/** Runs an action, shows its error as a message; returns whether it succeeded. */
export async function attempt(action: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await action();
    if (done) toastOk(done);
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}

/** Saves a downloaded file (a Blob from the api) under its name. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
