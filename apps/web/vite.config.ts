// The web app (apps/web): one Vue 3 app for every screen, built into dist/web and served by the
// api at `/` (apps/api/src/web). `npm run dev:web` runs this config's dev server, proxying the
// api so the pages talk to a real backend (API_URL, default http://localhost:3000).
import { fileURLToPath } from 'node:url';
import { VantResolver } from '@vant/auto-import-resolver';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

/**
 * Vant's icon font is inlined (a data: woff2) but names a CDN copy as its fallback, which
 * Chromium still tries to fetch. A hall's network may have no internet, and no tablet should
 * call out to a third party: drop the fallback.
 */
const vantIconsOffline: Plugin = {
  name: 'vant-icons-offline',
  transform(code, id) {
    if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return null;
    return code.replace(/,\s*url\(\/\/at\.alicdn\.com\/[^)]*\)\s*format\("woff"\)/, '');
  },
};

export default defineConfig({
  root: here('.'),
  plugins: [
    vue(),
    vantIconsOffline,
    // Vant (tablet) and Element Plus (desk) components are imported where a template uses them,
    // with their own CSS, so each area's chunk carries only its own kit.
    Components({
      resolvers: [VantResolver(), ElementPlusResolver({ importStyle: 'css' })],
      dts: here('src/components.d.ts'),
    }),
  ],
  // `@web/shared/…` for the web app's shared layer: a relative path to a folder named shared is
  // refused by the repository's docs spec (it names a folder outside the repository).
  resolve: { alias: { '@libs': here('../../libs'), '@web': here('src') } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: the api reads it to name, in the page it serves under /t,
    // the chunks a tablet's first screen needs, so they load in parallel (apps/api/src/web).
    manifest: true,
    rolldownOptions: {
      output: {
        // Named chunks per kit, so the tablet's first load can be checked to carry neither the
        // console's Element Plus nor ECharts (test/browser/web-app.browser-spec.ts). A group takes
        // its modules' dependencies along, so Vue itself is claimed first, by its own group.
        codeSplitting: {
          groups: [
            { name: 'vue', priority: 3, test: /node_modules[\\/](@vue|vue|vue-router)[\\/]/ },
            {
              name: 'element-plus',
              priority: 2,
              test: /node_modules[\\/](element-plus|@element-plus)[\\/]/,
            },
            {
              name: 'echarts',
              priority: 2,
              test: /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/,
            },
            // Vant in two: what the tablet's log-in screen (the layout and the log-in page) uses,
            // with the helpers it takes along, and the rest, loaded only after log-in. One chunk
            // of all Vant would put every component of every tablet page in the first load.
            {
              name: 'vant',
              priority: 2,
              test: /node_modules[\\/]vant[\\/]es[\\/](locale|config-provider|tabbar|tabbar-item|button|cell-group|field|tabs|tab)[\\/]/,
            },
            { name: 'vant-pages', priority: 1, test: /node_modules[\\/](vant|@vant)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/health': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
