import type { RouteRecordRaw } from 'vue-router';
import type { Role } from './desk.js';

type Page = {
  path: string;
  title: string;
  /** Who sees it in the menu; the server still decides what each request may do. */
  roles: Role[];
  component?: () => Promise<unknown>;
  /** For a page not built yet: what it will hold. */
  holds?: string;
};

declare module 'vue-router' {
  interface RouteMeta {
    roles?: Role[];
  }
}

const layout = () => import('./DeskLayout.vue');
const planned = () => import('./DeskPlannedPage.vue');
const login = () => import('./LoginPage.vue');

/**
 * A desk area (Element Plus, desktop 1366×768 and up): a side menu over its pages, behind the
 * desk's log-in (`/console/login`, `/secretary/login`).
 */
function deskArea(base: string, title: string, pages: Page[]): RouteRecordRaw[] {
  return [
    { path: `${base}/login`, component: login, meta: { title: '登录', area: base } },
    {
      path: base,
      component: layout,
      beforeEnter: async (to) => (await import('./guard.js')).deskGuard(to, base),
      props: {
        title,
        base,
        menu: pages.map((p) => ({
          to: p.path ? `${base}/${p.path}` : base,
          title: p.title,
          roles: p.roles,
        })),
      },
      children: pages.map((p) => ({
        path: p.path,
        component: p.component ?? planned,
        meta: { title: p.title, holds: p.holds, roles: p.roles },
      })),
    },
  ];
}

const STAFF: Role[] = ['staff'];

export const consoleRoutes = deskArea('/console', '工作人员控制台', [
  {
    path: '',
    title: '概览',
    roles: ['staff', 'admin'],
    component: () => import('./console/OverviewPage.vue'),
  },
  {
    path: 'congress',
    title: '届次与会议',
    roles: STAFF,
    component: () => import('./console/CongressPage.vue'),
  },
  {
    path: 'roster',
    title: '代表名册',
    roles: STAFF,
    component: () => import('./console/RosterPage.vue'),
  },
  {
    path: 'import',
    title: '导入名册',
    roles: STAFF,
    component: () => import('./console/ImportPage.vue'),
  },
  {
    path: 'composition',
    title: '构成检查',
    roles: STAFF,
    component: () => import('./console/CompositionPage.vue'),
  },
  {
    path: 'login-codes',
    title: '平板登录码',
    roles: STAFF,
    component: () => import('./console/LoginCodesPage.vue'),
  },
  {
    path: 'agenda',
    title: '议程与分发',
    roles: STAFF,
    component: () => import('./console/AgendaPage.vue'),
  },
  {
    path: 'proposals',
    title: '提案工作',
    roles: STAFF,
    component: () => import('./console/ProposalsPage.vue'),
  },
  {
    path: 'assignments',
    title: '本部门承办',
    roles: ['department'],
    component: () => import('./console/AssignmentsPage.vue'),
  },
  {
    path: 'joint-meetings',
    title: '联席会议',
    roles: STAFF,
    component: () => import('./console/interim/JointMeetingsPage.vue'),
  },
  {
    path: 'inspection-tours',
    title: '代表巡视检查',
    roles: STAFF,
    component: () => import('./console/interim/ToursPage.vue'),
  },
  {
    path: 'assessment',
    title: '质量评估',
    roles: ['staff', 'supervisor', 'admin'],
    component: () => import('./console/assessment/AssessmentPage.vue'),
  },
  {
    path: 'inspection-findings',
    title: '巡视问题整改',
    roles: ['department'],
    component: () => import('./console/interim/FindingsPage.vue'),
  },
  {
    path: 'live',
    title: '会议现场',
    roles: STAFF,
    component: () => import('./console/LivePage.vue'),
  },
  {
    path: 'openness',
    title: '厂务公开',
    roles: ['staff', 'department', 'supervisor'],
    component: () => import('./console/openness/ItemsPage.vue'),
  },
  {
    path: 'openness-plan',
    title: '公开计划',
    roles: ['staff', 'department', 'supervisor'],
    component: () => import('./console/openness/PlanPage.vue'),
  },
  {
    path: 'openness-supervision',
    title: '监督检查',
    roles: ['supervisor', 'staff', 'department'],
    component: () => import('./console/openness/SupervisionPage.vue'),
  },
  {
    path: 'openness-setup',
    title: '单位与职工',
    roles: STAFF,
    component: () => import('./console/openness/SetupPage.vue'),
  },
  {
    path: 'accounts',
    title: '账号与部门',
    roles: ['admin', 'staff'],
    component: () => import('./console/AccountsPage.vue'),
  },
]);

/**
 * 入场扫码签到: a phone page of its own (no desk menu), behind the console's log-in; the server
 * lets only staff check a card in.
 */
export const doorRoute: RouteRecordRaw = {
  path: '/door',
  component: () => import('./door/DoorPage.vue'),
  beforeEnter: async (to) => (await import('./guard.js')).deskGuard(to, '/console'),
  meta: { title: '入场扫码签到', roles: STAFF },
};

const SECRETARY: Role[] = ['secretary', 'staff'];

export const secretaryRoutes = deskArea('/secretary', '秘书工作台', [
  {
    path: '',
    title: '会议概况',
    roles: SECRETARY,
    component: () => import('./secretary/RecordPage.vue'),
  },
  {
    path: 'minutes',
    title: '会议记录',
    roles: SECRETARY,
    component: () => import('./secretary/minutes/MinutesPage.vue'),
  },
  {
    path: 'attendance',
    title: '出席情况',
    roles: SECRETARY,
    component: () => import('./secretary/AttendancePage.vue'),
  },
  {
    path: 'results',
    title: '表决结果',
    roles: SECRETARY,
    component: () => import('./secretary/ResultsPage.vue'),
  },
  {
    path: 'proposals',
    title: '提案报告',
    roles: SECRETARY,
    component: () => import('./secretary/ProposalReportPage.vue'),
  },
]);
