import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  G,
  L,
  ZERO,
  mulG,
  pointFromHex,
  pointToHex,
  scalarFromBytes,
  scalarFromHex,
  scalarToBytes,
  scalarToHex,
} from './group.js';
import { BallotError } from './errors.js';

/** RFC 9496 Appendix A.1: encodings of 0·B … 15·B. */
const RFC9496_MULTIPLES = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76',
  '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919',
  '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259',
  'da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57',
  'e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e',
  'f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403',
  '44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d',
  '903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c',
  '02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031',
  '20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f',
  'bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42',
  'e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460',
  'aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f',
  '46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e',
  'e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e',
];

/** Some of RFC 9496 Appendix A.2's invalid encodings (non-canonical, negative, not square). */
const BAD_ENCODINGS = [
  '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371',
];

describe('ristretto255 encodings (RFC 9496)', () => {
  it('multiples of the generator match Appendix A.1', () => {
    RFC9496_MULTIPLES.forEach((hex, i) => {
      expect(pointToHex(mulG(BigInt(i)))).toBe(hex);
      expect(pointFromHex(hex, 'p').equals(i === 0 ? ZERO : G.multiply(BigInt(i)))).toBe(true);
    });
  });
  it('invalid encodings are BAD_ENCODING', () => {
    for (const hex of BAD_ENCODINGS)
      expect(() => pointFromHex(hex, 'p', { question: 1 })).toThrow(BallotError);
    try {
      pointFromHex(BAD_ENCODINGS[0], 'alpha', { question: 2, entry: 1 });
    } catch (e) {
      expect((e as BallotError).code).toBe('BAD_ENCODING');
      expect((e as BallotError).detail).toEqual({ question: 2, entry: 1, check: 'alpha' });
    }
  });

  it('a point just encoded or decoded is handed out again, and only for its exact encoding', () => {
    const p = mulG(123456789n);
    const hex = pointToHex(p);
    // Remembered from the encoding: the same point, no decoding.
    expect(pointFromHex(hex, 'p')).toBe(p);
    // Another spelling of a remembered encoding is still checked, and refused.
    expect(() => pointFromHex(hex.toUpperCase(), 'p')).toThrow(BallotError);
    // Many points later the first is decoded again, to an equal point.
    for (let i = 1n; i <= 300n; i++) pointToHex(mulG(i));
    const again = pointFromHex(hex, 'p');
    expect(again).not.toBe(p);
    expect(again.equals(p)).toBe(true);
  });
});

describe('scalars', () => {
  it('32 bytes little-endian, canonical (< l) only', () => {
    expect(scalarToHex(1n)).toBe('01' + '00'.repeat(31));
    expect(() => scalarFromBytes(scalarToBytes(L - 1n), 's')).not.toThrow();
    expect(() => scalarFromHex(toHexLE(L), 's')).toThrow(/canonical/);
    expect(() => scalarFromHex('ff'.repeat(32), 's')).toThrow(BallotError);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: L - 1n }), (s) =>
        expect(scalarFromHex(scalarToHex(s), 's')).toBe(s),
      ),
    );
  });
});

function toHexLE(n: bigint): string {
  let s = '';
  for (let i = 0; i < 32; i++)
    s += Number((n >> BigInt(8 * i)) & 0xffn)
      .toString(16)
      .padStart(2, '0');
  return s;
}
