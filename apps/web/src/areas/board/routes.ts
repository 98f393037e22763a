import type { RouteRecordRaw } from 'vue-router';

const pages = [
  { path: '', title: '公开栏', component: () => import('./BoardHome.vue') },
  { path: 'agenda', title: '会议议程', component: () => import('./AgendaPage.vue') },
  { path: 'results', title: '表决结果', component: () => import('./ResultsPage.vue') },
  { path: 'proposals', title: '提案与答复', component: () => import('./ProposalsPage.vue') },
  { path: 'verify', title: '验证', component: () => import('./VerifyPage.vue') },
  { path: 'audit', title: '选票审计', component: () => import('./AuditPage.vue') },
  { path: 'openness', title: '厂务公开', component: () => import('./openness/OpennessPage.vue') },
];

/** Pages reached from others, not in the menu. */
const inner = [
  {
    path: 'openness/login',
    title: '职工登录',
    component: () => import('./openness/EmployeeLoginPage.vue'),
  },
  {
    path: 'openness/:id',
    title: '厂务公开',
    component: () => import('./openness/OpennessItemPage.vue'),
  },
];

/** The public board (公开栏): no log-in, readable on a phone or a desktop. */
export const boardRoutes: RouteRecordRaw = {
  path: '/board',
  component: () => import('./BoardLayout.vue'),
  props: {
    menu: pages.map((p) => ({ to: p.path ? `/board/${p.path}` : '/board', title: p.title })),
  },
  children: [...pages, ...inner].map((p) => ({
    path: p.path,
    component: p.component,
    meta: { title: p.title },
  })),
};
