import type { RouteLocationNormalized } from 'vue-router';
import { deskSession } from './desk.js';

/**
 * Before a desk page: not logged in (or the password still to change) → the area's log-in page,
 * coming back here afterwards. Which pages a role may use is the server's call (a refused request
 * shows "无权限" with its reason); the menu only hides what a role cannot use.
 */
export function deskGuard(to: RouteLocationNormalized, base: string) {
  const user = deskSession.user.value;
  if (!user || user.mustChangePassword)
    return { path: `${base}/login`, query: { next: to.fullPath } };
  // A department account has one page of the console: its own assignments.
  if (user.role === 'department' && base === '/console' && to.path.replace(/\/$/, '') === base)
    return { path: `${base}/assignments` };
  // The supervision group's work in the console is its checks.
  if (user.role === 'supervisor' && base === '/console' && to.path.replace(/\/$/, '') === base)
    return { path: `${base}/openness-supervision` };
  return true;
}
