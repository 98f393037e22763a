import { networkInterfaces } from 'node:os';

/**
 * The addresses this server can be reached at, for people and printed sheets: the configured
 * PUBLIC_URL when there is one; else, when listening on every interface, the machine's own
 * IPv4 addresses on the local network (what a hall's tablets use), then localhost.
 * Never derived from a request's Host header (a client chooses that).
 */
export function reachableUrls(opts: { publicUrl?: string; host: string; port: number }): string[] {
  if (opts.publicUrl) return [opts.publicUrl.replace(/\/+$/, '')];
  const hostUrl = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${opts.port}`;
  const anyHost = opts.host === '0.0.0.0' || opts.host === '::';
  if (!anyHost) return [hostUrl(opts.host === '127.0.0.1' ? 'localhost' : opts.host)];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => hostUrl(a!.address));
  return [...lan, hostUrl('localhost')];
}
