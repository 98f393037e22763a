import { reactive } from 'vue';
import type { components } from '../../api/schema.js';
import { ApiError, apiOf, onUnauthorized, unwrap } from '@web/shared/api.js';
import { sessionOf } from '@web/shared/session.js';

/**
 * The desk's log-in (staff console and secretary's desk share one: a secretary who is also shown
 * the console's read-only pages does not log in twice), its api client, and the "无权限" state a
 * refused request leaves for the layout to show.
 */
export const deskSession = sessionOf('desk');
export const deskApi = apiOf('desk');

export type Role = components['schemas']['UserResponse']['role'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  staff: '大会工作人员',
  secretary: '秘书',
  delegate: '职工代表',
  attendee: '列席代表',
  department: '承办部门',
  employee: '职工',
  supervisor: '厂务公开监督检查小组',
};

/** Why the server refused the page (a 403), shown in place of the page until it changes. */
export const refusal = reactive<{ current: { message: string; why: string } | null }>({
  current: null,
});

/** The roles a 403 names: the server says which roles the route needs and which one we hold. */
function whyRefused(details: unknown): string {
  const d = details as { required?: Role[]; actual?: Role } | undefined;
  if (!d?.required || !d.actual) return '';
  const needed = d.required.map((r) => ROLE_LABELS[r] ?? r).join('或');
  return `此操作需要「${needed}」账号，当前登录的是「${ROLE_LABELS[d.actual] ?? d.actual}」账号。`;
}

deskApi.use({
  async onResponse({ response }) {
    if (response.status !== 403) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
    if (body?.code === 'AUTH_WRONG_ROLE')
      refusal.current = { message: body.message ?? '无权限', why: whyRefused(body.details) };
    return response;
  },
});

let unauthorized: () => void = () => undefined;
onUnauthorized('desk', () => unauthorized());
/** Where to go when the server no longer accepts the token (set by the router). */
export function whenLoggedOut(fn: () => void) {
  unauthorized = fn;
}

export async function logIn(username: string, password: string) {
  const res = await unwrap(deskApi.POST('/api/auth/login', { body: { username, password } }));
  refusal.current = null;
  deskSession.signIn({ token: res.accessToken, expiresAt: res.expiresAt, user: res.user });
  return res.user;
}

export async function changePassword(currentPassword: string, newPassword: string) {
  const user = await unwrap(
    deskApi.POST('/api/auth/password', { body: { currentPassword, newPassword } }),
  );
  deskSession.updateUser(user);
  return user;
}

export async function logOut() {
  // The token dies on the server; if the server cannot be reached we still forget it here.
  await unwrap(deskApi.POST('/api/auth/logout')).catch((e: unknown) =>
    console.warn('退出登录时无法通知服务器', e),
  );
  refusal.current = null;
  deskSession.signOut();
}

/** The message of any error, for an ElMessage or an alert. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

export { ApiError, unwrap };
