import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router';
import { sessionOf } from '@web/shared/session.js';

/** The delegate's tablet: everything under /t, in Vant, on a 10-inch touch screen. */
export const tabletRoutes: RouteRecordRaw = {
  path: '/t',
  component: () => import('./TabletLayout.vue'),
  // Every page but the log-in needs a delegate's log-in on this device; an account the api asks
  // for a new password first (mustChangePassword) sees only the password page.
  beforeEnter: (to) => tabletGate(to.path, to.fullPath),
  children: [
    {
      // The link in the printed log-in sheet's QR code: /t/login?u=<username>&code=<code>.
      path: 'login',
      component: () => import('./LoginPage.vue'),
      meta: { title: '代表登录' },
    },
    { path: '', component: () => import('./HomePage.vue'), meta: { title: '会议首页' } },
    {
      path: 'password',
      component: () => import('./PasswordPage.vue'),
      meta: { title: '设置登录密码' },
    },
    {
      path: 'agenda',
      component: () => import('./agenda/AgendaPage.vue'),
      meta: { title: '会议议程' },
    },
    {
      path: 'agenda/documents/:id',
      component: () => import('./agenda/DocumentPage.vue'),
      meta: { title: '阅读文件' },
    },
    { path: 'vote', component: () => import('./vote/VotePage.vue'), meta: { title: '表决' } },
    {
      path: 'slips',
      component: () => import('./slips/SlipsPage.vue'),
      meta: { title: '投票凭证' },
    },
    {
      path: 'proposals',
      component: () => import('./proposals/ProposalsPage.vue'),
      meta: { title: '提案' },
    },
    {
      path: 'proposals/new',
      component: () => import('./proposals/NewProposalPage.vue'),
      meta: { title: '提出提案' },
    },
    {
      path: 'proposals/:id',
      component: () => import('./proposals/ProposalPage.vue'),
      meta: { title: '提案详情' },
    },
    {
      path: 'sign',
      component: () => import('./sign/SignPage.vue'),
      meta: { title: '签署会议记录' },
    },
    {
      path: 'teller',
      component: () => import('./teller/TellerPage.vue'),
      meta: { title: '监票人' },
    },
    { path: 'inbox', component: () => import('./InboxPage.vue'), meta: { title: '消息' } },
  ],
};

/** Where a tablet page may go: itself (true), the log-in, or the password page. */
export function tabletGate(path: string, fullPath: string): true | RouteLocationRaw {
  if (path === '/t/login') return true;
  const session = sessionOf('tablet');
  if (!session.loggedIn.value) return { path: '/t/login', query: { next: fullPath } };
  if (session.user.value?.mustChangePassword && path !== '/t/password') return '/t/password';
  return true;
}

/** The tab bar at the bottom of the tablet's pages (not on the log-in page). */
export const tabletTabs = [
  { to: '/t', icon: 'home-o', label: '首页' },
  { to: '/t/agenda', icon: 'description-o', label: '议程' },
  { to: '/t/vote', icon: 'passed', label: '表决' },
  { to: '/t/proposals', icon: 'edit', label: '提案' },
  { to: '/t/inbox', icon: 'bell', label: '消息' },
];
