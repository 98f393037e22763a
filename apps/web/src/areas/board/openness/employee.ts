import type { components } from '../../../api/schema.js';
import { apiOf, unwrap } from '@web/shared/api.js';
import { publicApi } from '@web/shared/public-api.js';
import { sessionOf } from '@web/shared/session.js';

/**
 * 厂务公开 on the board: without log-in the company's items (public routes, no token); with an
 * employee's log-in (emp-<工号>) the items of their unit and of the units above it. The
 * employee's token is the board's own session, never the desk's or a tablet's.
 */
export const employeeSession = sessionOf('board');
const employeeApi = apiOf('board');

export type BoardItem = components['schemas']['BoardItemResponse'];
export type DueLine = components['schemas']['DueUnpublishedResponse'];
export type Satisfaction = components['schemas']['SatisfactionResponse'];
export type Rating = NonNullable<components['schemas']['OpinionDto']['rating']>;

/** Logged in and past the first password: the employee's board, else the public one. */
export const asEmployee = () =>
  employeeSession.loggedIn.value && !employeeSession.user.value?.mustChangePassword;

export const listItems = (): Promise<BoardItem[]> =>
  asEmployee()
    ? unwrap(employeeApi.GET('/api/openness/board'))
    : unwrap(publicApi.GET('/api/public/openness/items'));

/** 往期公开: items whose period has ended, off the current list but still readable. */
export const listArchive = (): Promise<BoardItem[]> =>
  asEmployee()
    ? unwrap(employeeApi.GET('/api/openness/board/archive'))
    : unwrap(publicApi.GET('/api/public/openness/archive'));

export const listDue = (): Promise<DueLine[]> =>
  asEmployee()
    ? unwrap(employeeApi.GET('/api/openness/board/due'))
    : unwrap(publicApi.GET('/api/public/openness/due'));

/** Each year's 满意度测评 of 厂务公开 work (public to everyone, logged in or not). */
export const listSatisfaction = (): Promise<Satisfaction[]> =>
  unwrap(publicApi.GET('/api/public/openness/satisfaction'));

export const getItem = (id: string): Promise<BoardItem> =>
  asEmployee()
    ? unwrap(employeeApi.GET('/api/openness/board/items/{id}', { params: { path: { id } } }))
    : unwrap(publicApi.GET('/api/public/openness/items/{id}', { params: { path: { id } } }));

export const sendOpinion = (id: string, body: components['schemas']['OpinionDto']) =>
  unwrap(
    employeeApi.POST('/api/openness/board/items/{id}/opinions', {
      params: { path: { id } },
      body,
    }),
  );

/** A file of an item: the public route is a plain link; the employee's needs the token. */
export async function download(fileId: string, filename: string) {
  const url = asEmployee()
    ? `/api/openness/board/attachments/${fileId}`
    : `/api/public/openness/attachments/${fileId}`;
  const token = employeeSession.token();
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error('附件下载失败，请稍后重试');
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: filename });
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export async function logIn(username: string, password: string) {
  const res = await unwrap(publicApi.POST('/api/auth/login', { body: { username, password } }));
  if (res.user.role !== 'employee') {
    // The token of another kind of account is not kept on a phone's board. Ending it on the
    // server is a courtesy: it was never stored here, so if this call fails (offline, a slow
    // network) nothing can use it and it expires by itself; the person needs to read only why
    // the log-in was refused, below.
    await unwrap(
      apiOf('board').POST('/api/auth/logout', {
        headers: { Authorization: `Bearer ${res.accessToken}` },
      }),
    ).catch(() => undefined);
    throw new Error('这里只能用职工账号（emp-工号）登录');
  }
  employeeSession.signIn({ token: res.accessToken, expiresAt: res.expiresAt, user: res.user });
  return res.user;
}

export async function changePassword(currentPassword: string, newPassword: string) {
  const user = await unwrap(
    employeeApi.POST('/api/auth/password', { body: { currentPassword, newPassword } }),
  );
  employeeSession.updateUser(user);
}

export async function logOut() {
  // The phone forgets the token whatever the server answers: logging out must work offline or
  // with a token already expired or revoked (a 401). A token the server did not end is then
  // stored nowhere and expires by itself, so there is nothing for the employee to do about it.
  await unwrap(employeeApi.POST('/api/auth/logout')).catch(() => undefined);
  employeeSession.signOut();
}

export const RATINGS: { value: Rating; label: string }[] = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];
