import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type INestApplication, NotFoundException } from '@nestjs/common';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';
import { toErrorBody } from '../common/errors/error-body.js';
import { type Manifest, preloadLinks, TABLET_FIRST_SCREEN, withPreloads } from './preload.js';

/** Paths the api answers itself; everything else GET is the web app. */
const API_PATHS = /^\/(api|health|socket\.io)(\/|$)/;
/** A path naming a file (`/assets/x.js`, `/favicon.ico`) rather than a page of the app. */
const FILE_PATH = /\.[A-Za-z0-9]+$/;
/** The tablet's pages, whose first load matters most (a slow hall Wi-Fi, a cheap tablet). */
const TABLET_PATH = /^\/t(\/|$)/;

/**
 * Where `npm run build` puts the web app: `dist/web` under the folder holding package.json (the
 * repository, or /app in the Docker image), found from this file whether it runs from `dist/`
 * or from the TypeScript sources (tests).
 */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

/**
 * Serves the built web app (apps/web) on the api's own port: its files, and `index.html` for
 * every other page path so that the app's router can answer deep links such as the log-in
 * sheet's `/t/login?u=…&code=…`. Vite's hashed files under `assets/` never change, so browsers
 * keep them for a year; `index.html` and the other files are revalidated on every load.
 * A missing file is the usual JSON 404. Without a build, pages answer 503 with a message saying
 * how to make one; the api still works.
 */
export function serveWebApp(app: INestApplication, webDir: string): void {
  const index = join(webDir, 'index.html');
  const built = existsSync(index);
  const assets = join(webDir, 'assets') + sep;
  const files = serveStatic(webDir, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader(
        'Cache-Control',
        path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  const compress = compression();
  const tabletPage = built ? tabletIndex(webDir, index) : null;

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    // Not a file of the build: a page of the app, unless it looks like a missing file.
    const page = () => {
      if (FILE_PATH.test(req.path)) res.status(404).json(toErrorBody(new NotFoundException()));
      else if (!built) notBuilt(res);
      else if (tabletPage && TABLET_PATH.test(req.path))
        res.setHeader('Cache-Control', 'no-cache').type('html').send(tabletPage);
      else res.setHeader('Cache-Control', 'no-cache').sendFile(index, (err) => err && next(err));
    };
    if (!built) return page();
    compress(req, res, () => files(req, res, page));
  });
}

/**
 * index.html with the tablet's first-screen chunks named for preloading (preload.ts), read once
 * at start; null when the build has no manifest (then the plain page is served).
 */
function tabletIndex(webDir: string, index: string): string | null {
  const manifestFile = join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  return withPreloads(readFileSync(index, 'utf8'), preloadLinks(manifest, TABLET_FIRST_SCREEN));
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(
      '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网页界面尚未构建</title>' +
        '<h1>网页界面尚未构建</h1>' +
        '<p>服务已启动，但还没有网页界面的构建结果（dist/web）。请在项目目录运行 ' +
        '<code>npm run build</code>（<code>npm start</code> 会先自动构建），然后重新启动服务。</p>' +
        '<p>接口仍可使用，说明见 <a href="/api/docs">/api/docs</a>。</p></html>',
    );
}
