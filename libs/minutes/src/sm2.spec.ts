// Known-answer tests for the SM2/SM3 library adopted (sm-crypto-v2), from the standards:
// - SM3, GB/T 32905-2016 Appendix A: "abc" and "abcd" × 16 (the library returns hex);
// - SM2 signature, GM/T 0003.5-2012 (= GB/T 32918.5) example on the recommended curve: private
//   key d, message "message digest", default user ID "1234567812345678", nonce k, and (r, s).
import { describe, expect, it } from '@jest/globals';
import { sm2, sm3 } from 'sm-crypto-v2';
import { scheme } from './algorithms.js';
import { fromHex, utf8 } from './bytes.js';

const D = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
const PUBLIC =
  '04' +
  '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
  'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
const K = '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21';
const R = 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3';
const S = 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';
const N = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
const message = utf8('message digest');

describe('SM3 (GB/T 32905-2016 Appendix A)', () => {
  it('hashes the standard examples', () => {
    expect(sm3(utf8('abc'))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(sm3(utf8('abcd'.repeat(16)))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('SM2 signature (GM/T 0003.5-2012 example, recommended curve)', () => {
  const sm = scheme('sm2-sm3');

  it('derives the example public key from the private key', () => {
    expect(sm.publicKey(fromHex(D, 32, 'd'))).toBe(PUBLIC);
  });

  it('verifies the published signature', () => {
    expect(sm.verify(message, R + S, PUBLIC)).toBe(true);
  });

  it('signs to exactly the published (r, s) with the published nonce k', () => {
    const kG = sm2.getPublicKeyFromPrivateKey(K); // 04 ‖ x1 ‖ y1 of k·G
    const sig = sm2.doSignature(message, D, {
      hash: true,
      userId: '1234567812345678',
      pointPool: [{ k: BigInt(`0x${K}`), x1: BigInt(`0x${kG.slice(2, 66)}`) } as never],
    });
    expect(sig).toBe(R + S);
  });

  it('refuses the signature with any change: message, r, s, key', () => {
    expect(sm.verify(utf8('message digesT'), R + S, PUBLIC)).toBe(false);
    const flip = (hex: string, i: number) =>
      hex.slice(0, i) + (parseInt(hex[i]!, 16) ^ 1).toString(16) + hex.slice(i + 1);
    for (const i of [0, 31, 63, 64, 100, 127])
      expect(sm.verify(message, flip(R + S, i), PUBLIC)).toBe(false);
    const other = sm.publicKey(fromHex('01'.repeat(32), 32, 'd'));
    expect(sm.verify(message, R + S, other)).toBe(false);
  });

  it('refuses r or s out of [1, n-1] (GB/T 32918.2 §7.1 B1–B2), and malformed keys', () => {
    expect(sm.verify(message, '0'.repeat(64) + S, PUBLIC)).toBe(false);
    expect(sm.verify(message, R + N, PUBLIC)).toBe(false);
    expect(sm.verify(message, R + '0'.repeat(64), PUBLIC)).toBe(false);
    expect(sm.validPublicKey(PUBLIC)).toBe(true);
    expect(sm.validPublicKey(PUBLIC.slice(0, -2) + '00')).toBe(false); // off the curve
    expect(sm.validPublicKey('02' + PUBLIC.slice(2, 66))).toBe(false); // compressed: not our format
  });
});
