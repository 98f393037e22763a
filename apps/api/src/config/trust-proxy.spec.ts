import { describe, expect, it } from '@jest/globals';
import { parseTrustProxy } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('reads a number of hops in front of the api', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
  });

  it('reads proxy addresses, subnets and the range names Express knows', () => {
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8, loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses "trust everyone", zero or too many hops, and what is not an address', () => {
    for (const bad of ['true', '*', '0', '11', 'proxy.local', '10.0.0.0/33', '1.2.3.4/8/1', ''])
      expect(parseTrustProxy(bad)).toBeUndefined();
  });
});
