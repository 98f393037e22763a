import { createRouter, createWebHistory } from 'vue-router';
import { boardRoutes } from './areas/board/routes.js';
import { consoleRoutes, doorRoute, secretaryRoutes } from './areas/desk/routes.js';
import { screenRoutes } from './areas/screen/routes.js';
import { tabletRoutes } from './areas/tablet/routes.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's Chinese title (also the document title). */
    title?: string;
    /** What a screen not yet built will hold, shown on its placeholder page. */
    holds?: string;
    /** The desk area a log-in page belongs to (/console or /secretary). */
    area?: string;
  }
}

/**
 * One route table; each area (tablet, projector, desk, board) is its own lazily loaded chunk, so
 * a tablet never downloads the console's Element Plus or the charts.
 */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/',
      component: () => import('./areas/landing/LandingPage.vue'),
      meta: { title: '选择入口' },
    },
    tabletRoutes,
    ...screenRoutes,
    ...consoleRoutes,
    ...secretaryRoutes,
    doorRoute,
    boardRoutes,
    {
      path: '/:unknown(.*)*',
      component: () => import('./areas/landing/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 职代会` : '职代会';
});
