import { isIP } from 'node:net';

/**
 * Which reverse proxies may tell the api the client's address (Express 'trust proxy'): a number
 * of proxy hops in front of the api, or the proxies' addresses and subnets. Never "trust every
 * hop": then any tablet could write its own X-Forwarded-For and walk past the per-address
 * log-in limit and into the audit log as someone else.
 */
export type TrustProxy = number | string[];

/** proxy-addr's names for address ranges (Express accepts them in 'trust proxy'). */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY` as written by the operator: `1` (hops, 1 to 10) or
 * `127.0.0.1, 10.0.0.0/8, loopback`. Undefined when it is neither.
 */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? hops : undefined;
  }
  const entries = value.split(',').map((e) => e.trim());
  return entries.every(isAddressOrSubnet) ? entries : undefined;
}
