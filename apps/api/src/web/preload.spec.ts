import { describe, expect, it } from '@jest/globals';
import { type Manifest, preloadLinks, withPreloads } from './preload.js';

const manifest: Manifest = {
  'index.html': { file: 'assets/index-1.js', imports: ['_vue-1.js'], css: ['assets/index-1.css'] },
  '_vue-1.js': { file: 'assets/vue-1.js' },
  '_vant-1.js': { file: 'assets/vant-1.js', imports: ['_vue-1.js'], css: ['assets/vant-1.css'] },
  '_live-1.js': { file: 'assets/live-1.js', imports: ['_vue-1.js', 'index.html'] },
  'src/areas/tablet/TabletLayout.vue': {
    file: 'assets/TabletLayout-1.js',
    imports: ['_vant-1.js', '_live-1.js', 'index.html'],
    css: ['assets/TabletLayout-1.css'],
  },
  'src/areas/tablet/LoginPage.vue': { file: 'assets/LoginPage-1.js', imports: ['_vant-1.js'] },
  'src/areas/desk/DeskLayout.vue': { file: 'assets/DeskLayout-1.js', imports: ['_ep-1.js'] },
  '_ep-1.js': { file: 'assets/ep-1.js' },
};

describe('preload hints for the tablet’s first screen', () => {
  const links = preloadLinks(manifest, [
    'src/areas/tablet/TabletLayout.vue',
    'src/areas/tablet/LoginPage.vue',
  ]);

  it('names each chunk of those screens and their static imports once, then their stylesheets as preloads', () => {
    expect(links.split('\n    ')).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/TabletLayout-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/vant-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/vue-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/live-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/LoginPage-1.js">',
      '<link rel="preload" as="style" crossorigin href="/assets/TabletLayout-1.css">',
      '<link rel="preload" as="style" crossorigin href="/assets/vant-1.css">',
    ]);
    // Never a blocking stylesheet in the head.
    expect(links).not.toContain('rel="stylesheet"');
  });

  it('leaves out the entry (already in the page) and other areas’ kits', () => {
    expect(links).not.toContain('index-1');
    expect(links).not.toContain('ep-1');
  });

  it('skips a source the build does not have, and adds the links to the head', () => {
    expect(preloadLinks(manifest, ['src/nowhere.vue'])).toBe('');
    expect(withPreloads('<head><title>x</title></head>', '<link>')).toBe(
      '<head><title>x</title>    <link>\n  </head>',
    );
  });
});
