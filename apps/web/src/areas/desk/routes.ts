import type { RouteRecordRaw } from 'vue-router';

type Page = { path: string; title: string; holds: string };

const layout = () => import('./DeskLayout.vue');
const planned = () => import('./DeskPlannedPage.vue');

/** A desk area (Element Plus, desktop 1366×768 and up): a side menu over its pages. */
function deskArea(base: string, title: string, pages: Page[]): RouteRecordRaw {
  return {
    path: base,
    component: layout,
    props: {
      title,
      menu: pages.map((p) => ({ to: p.path ? `${base}/${p.path}` : base, title: p.title })),
    },
    children: pages.map((p) => ({
      path: p.path,
      component: planned,
      meta: { title: p.title, holds: p.holds },
    })),
  };
}

export const consoleRoutes = deskArea('/console', '工作人员控制台', [
  {
    path: '',
    title: '概览',
    holds: '今天的会议与待办：未签收议程的代表、逾期未答复的提案、即将开始的表决。',
  },
  {
    path: 'congress',
    title: '届次与会议',
    holds: '职代会届次、每次会议的时间地点与状态（筹备、分发、开会、闭会、归档）。',
  },
  {
    path: 'roster',
    title: '代表名册',
    holds:
      '导入名册（XLSX，或 UTF-8、GBK 编码的 CSV），预检报告按行列列出每个问题；代表团、部门、构成检查及图表；打印平板登录码；罢免、离任与补选的记录。',
  },
  {
    path: 'agenda',
    title: '议程与分发',
    holds:
      '议题及表决方式（表决、差额选举、民主评议）、会议文件；会前七天分发的倒计时、逐人签收情况、提醒和纸质签收。',
  },
  {
    path: 'proposals',
    title: '提案工作',
    holds:
      '提案受理、审查立案（立案、合并、转为意见建议、不予立案）、交办、答复与满意度、统计与导出、公开。',
  },
  {
    path: 'live',
    title: '会议现场',
    holds: '分代表团的签到、法定人数、开启与结束表决、投票进度、表决结果及复议记录；打开大屏。',
  },
  {
    path: 'accounts',
    title: '账号与角色',
    holds: '用户、角色与承办部门账号；首次登录须修改密码。',
  },
]);

export const secretaryRoutes = deskArea('/secretary', '秘书工作台', [
  {
    path: '',
    title: '会议记录',
    holds: '本次会议记录的只读视图；会议纪要的编写与签署将随纪要功能提供。',
  },
  { path: 'attendance', title: '出席情况', holds: '应到、实到、缺席及缺席原因，按代表团列出。' },
  { path: 'results', title: '表决结果', holds: '每项表决的结果、依据的规则和复议记录。' },
  { path: 'proposals', title: '提案报告', holds: '本次会议的提案及其办理情况。' },
]);
