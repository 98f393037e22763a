import type { RouteRecordRaw } from 'vue-router';

/** The hall's projector (大屏), 1920×1080: it follows one session by itself. */
export const screenRoutes: RouteRecordRaw[] = [
  // The presidium's screen (主席台): what the chair needs, not what the hall sees. Before the
  // projector's route, which would take "presidium" for a session id.
  {
    path: '/screen/presidium/:sessionId?',
    component: () => import('./PresidiumPage.vue'),
    props: true,
    meta: { title: '主席团屏幕' },
  },
  {
    path: '/screen/:sessionId?',
    component: () => import('./ScreenPage.vue'),
    props: true,
    meta: { title: '大屏' },
  },
];
