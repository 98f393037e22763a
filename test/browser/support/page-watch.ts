import type { Page } from 'playwright-core';

export interface SocketFrame {
  direction: 'sent' | 'received';
  url: string;
  /** Text frames as sent; binary frames as latin1, so a byte search still finds plain text. */
  payload: string;
}

/**
 * Every websocket frame the page sends or receives (socket.io's included), from now on: what a
 * secrecy check reads to show that no plaintext choice ever leaves the tablet.
 */
export function recordSocketFrames(page: Page): SocketFrame[] {
  const frames: SocketFrame[] = [];
  page.on('websocket', (ws) => {
    const add = (direction: SocketFrame['direction']) => (f: { payload: string | Buffer }) =>
      frames.push({
        direction,
        url: ws.url(),
        payload: typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'),
      });
    ws.on('framesent', add('sent'));
    ws.on('framereceived', add('received'));
  });
  return frames;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * What went wrong in the page, from now on: console errors (a refused Content-Security-Policy
 * shows up here), uncaught exceptions, failed requests (not those the browser cancelled), and any request leaving this machine (a
 * hall's network may have no internet, and a tablet calls no third party). A test usually ends
 * with `expect(problems).toEqual([])`.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^(http|ws)s?:$/.test(url.protocol) && !LOOPBACK.has(url.hostname))
      problems.push(`outside request: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    // ERR_ABORTED is the browser cancelling on purpose: a test navigating on while the icon or a
    // chunk is still loading, or the app's own AbortController. The server never produces it.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${reason}`);
  });
  return problems;
}
