import type { RouteRecordRaw } from 'vue-router';

const planned = () => import('./BoardPlannedPage.vue');

const pages = [
  {
    path: '',
    title: '公开栏',
    holds: '厂务公开：已分发的会议议程、表决结果、提案及答复、选举记录。无需登录即可查看。',
  },
  { path: 'agenda', title: '会议议程', holds: '已分发的会议议程和会议文件。' },
  { path: 'results', title: '表决结果', holds: '各项表决和选举的结果，以及所依据的规则。' },
  {
    path: 'proposals',
    title: '提案与答复',
    holds: '已公开的提案、承办部门的答复和代表的满意度评价。',
  },
  {
    path: 'verify',
    title: '验证',
    holds:
      '在浏览器中复核一次无记名表决的公开记录（每张加密选票、证明和计票），并按回执短码找到自己的选票。',
  },
];

/** The public board (公开栏): no log-in, readable on a phone or a desktop. */
export const boardRoutes: RouteRecordRaw = {
  path: '/board',
  component: () => import('./BoardLayout.vue'),
  props: {
    menu: pages.map((p) => ({ to: p.path ? `/board/${p.path}` : '/board', title: p.title })),
  },
  children: pages.map((p) => ({
    path: p.path,
    component: planned,
    meta: { title: p.title, holds: p.holds },
  })),
};
