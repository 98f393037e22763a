import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './utils/test-app.js';

// How the api serves the built web app, on a small stand-in build (the real one, built by
// `npm run build`, is driven in a browser by test/browser/).
describe('the web app served by the api', () => {
  let t: TestApp;
  let webDir: string;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'congress-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><head><title>职代会</title></head><div id="app">',
    );
    mkdirSync(join(webDir, '.vite'));
    writeFileSync(
      join(webDir, '.vite', 'manifest.json'),
      JSON.stringify({
        'src/areas/tablet/TabletLayout.vue': {
          file: 'assets/TabletLayout-X1.js',
          imports: ['_vant-X2.js'],
        },
        '_vant-X2.js': { file: 'assets/vant-X2.js', css: ['assets/vant-X2.css'] },
      }),
    );
    writeFileSync(join(webDir, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp({ webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / and every page path with index.html, revalidated on each load', async () => {
    for (const path of ['/', '/t/login?u=e1001&code=ABCD-EFGH', '/screen/42', '/console/roster']) {
      const res = await t.http().get(path).expect(200);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain('<div id="app">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('names the tablet’s first-screen chunks in its pages for preloading, and only there', async () => {
    const tablet = (await t.http().get('/t/login?u=e1001&code=ABCD-EFGH').expect(200)).text;
    expect(tablet).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/TabletLayout-X1.js">',
    );
    expect(tablet).toContain('<link rel="modulepreload" crossorigin href="/assets/vant-X2.js">');
    expect(tablet).toContain('<link rel="stylesheet" crossorigin href="/assets/vant-X2.css">');
    expect(tablet).toContain('<div id="app">');
    const consolePage = (await t.http().get('/console/roster').expect(200)).text;
    expect(consolePage).not.toContain('modulepreload');
    // The manifest itself is not served.
    expect((await t.http().get('/.vite/manifest.json')).status).toBe(404);
  });

  it('serves hashed assets as immutable and compressed, other files revalidated', async () => {
    const js = await t.http().get('/assets/index-AbC123.js').set('accept-encoding', 'gzip');
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.text).toBe(script);
    const icon = await t.http().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file and unknown api paths with the JSON 404 body, not the page', async () => {
    for (const path of ['/assets/gone-123.js', '/favicon.ico', '/api/x', '/api']) {
      const res = await t.http().get(path);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
      expect(res.body).toMatchObject({ statusCode: 404, code: expect.any(String) });
    }
    expect((await t.http().get('/health').expect(200)).body).toEqual({ status: 'ok' });
    expect((await t.http().post('/t/login').send({})).status).toBe(404);
  });

  it('sends a content security policy that keeps scripts and connections same-origin', async () => {
    const csp = (await t.http().get('/t/login').expect(200)).headers['content-security-policy'];
    const directives = Object.fromEntries(
      csp.split(';').map((d: string) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'object-src': "'none'",
      'font-src': "'self' data:",
    });
    expect(directives).not.toHaveProperty('upgrade-insecure-requests');
  });
});

describe('the api without a web build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ webDir: join(tmpdir(), 'congress-web-never-built') });
  });
  afterAll(() => t.close());

  it('still starts, and its pages say in Chinese how to build the web app', async () => {
    const res = await t.http().get('/t/login');
    expect(res.status).toBe(503);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('网页界面尚未构建');
    expect(res.text).toContain('npm run build');
    expect((await t.http().get('/api/docs-json')).status).toBe(200);
  });
});
