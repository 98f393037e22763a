import type { RouteRecordRaw } from 'vue-router';

/** The hall's projector (大屏), 1920×1080: it follows one session by itself. */
export const screenRoutes: RouteRecordRaw[] = [
  {
    path: '/screen/:sessionId?',
    component: () => import('./ScreenPage.vue'),
    props: true,
    meta: { title: '大屏' },
  },
];
