import type { components } from '../../api/schema.js';
import { ApiError, deskApi, unwrap } from './desk.js';
import { askText, attempt, confirm } from './ui.js';

type Status = components['schemas']['SessionResponse']['status'];

/** The next step of a session's life, as the button that takes it (forward only). */
export const NEXT_STATUS: Partial<Record<Status, { to: Status; label: string }>> = {
  draft: { to: 'preparing', label: '开始筹备' },
  // preparing → circulated happens by circulating the agenda (议程与分发), not here.
  circulated: { to: 'in_session', label: '宣布开会' },
  in_session: { to: 'closed', label: '宣布闭会' },
  closed: { to: 'archived', label: '归档' },
};

/**
 * Moves a session on. When the server asks for a reason first (a date that looks wrong, e.g.
 * opening far from the session's day), the staff member reads its message and gives one.
 */
export async function moveSession(id: string, to: Status, label: string): Promise<boolean> {
  if (!(await confirm(label, `确定要「${label}」吗？此操作不能撤回。`, label))) return false;
  const send = (reason?: string) =>
    unwrap(
      deskApi.POST('/api/sessions/{id}/status', {
        params: { path: { id } },
        body: { to, ...(reason ? { reason } : {}) } as { to: Status },
      }),
    );
  try {
    await send();
    return true;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'CONGRESS_DATE_CONFIRMATION_REQUIRED')
      return attempt(() => Promise.reject(e));
    const findings =
      (e.details as { findings?: { message: string }[] } | undefined)?.findings ?? [];
    const why = findings.map((f) => f.message).join('；') || e.message;
    const reason = await askText(label, `${why}。请写明原因（记入会议状态记录）：`);
    if (reason === null) return false;
    return attempt(() => send(reason), '已记录');
  }
}
