import type { RouteRecordRaw } from 'vue-router';

const planned = () => import('./TabletPlannedPage.vue');

/** The delegate's tablet: everything under /t, in Vant, on a 10-inch touch screen. */
export const tabletRoutes: RouteRecordRaw = {
  path: '/t',
  component: () => import('./TabletLayout.vue'),
  children: [
    {
      // The link in the printed log-in sheet's QR code: /t/login?u=<username>&code=<code>.
      path: 'login',
      component: () => import('./LoginPage.vue'),
      meta: { title: '代表登录' },
    },
    {
      path: '',
      component: planned,
      meta: {
        title: '会议首页',
        holds: '本次会议的名称、时间和地点，您的签到（一键签到），以及正在进行的议程和表决。',
      },
    },
    {
      path: 'agenda',
      component: planned,
      meta: {
        title: '会议议程',
        holds: '会前分发的议程和文件：在页面中直接阅读 PDF，逐项确认签收。',
      },
    },
    {
      path: 'vote',
      component: planned,
      meta: {
        title: '表决',
        holds:
          '表决开始后在此逐题显示选项：每个选择点按一次，提交前核对汇总；选票在本机加密后提交，显示并保存回执短码，也可以先审计一张选票，验证加密内容与所选一致。',
      },
    },
    {
      path: 'proposals',
      component: planned,
      meta: {
        title: '提案',
        holds: '提出提案（可附文件）、附议、关注，阅读承办部门的答复并评价满意度。',
      },
    },
    {
      path: 'inbox',
      component: planned,
      meta: { title: '消息', holds: '会议通知、议程分发与签收提醒、提案的答复。' },
    },
  ],
};

/** The tab bar at the bottom of the tablet's pages (not on the log-in page). */
export const tabletTabs = [
  { to: '/t', icon: 'home-o', label: '首页' },
  { to: '/t/agenda', icon: 'description-o', label: '议程' },
  { to: '/t/vote', icon: 'passed', label: '表决' },
  { to: '/t/proposals', icon: 'edit', label: '提案' },
  { to: '/t/inbox', icon: 'bell', label: '消息' },
];
