import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromBase32Lenient, fromHex, toBase32, toHex } from './encoding.js';
import { BallotError } from './errors.js';

describe('hex', () => {
  it('round-trips and is strict', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) =>
        expect(fromHex(toHex(b), b.length, 'x')).toEqual(b),
      ),
    );
    expect(() => fromHex('AB', 1, 'x')).toThrow(BallotError);
    expect(() => fromHex('abc', undefined, 'x')).toThrow(/lowercase hex/);
    expect(() => fromHex('abcd', 1, 'x')).toThrow(/1 bytes/);
    expect(() => fromHex(12, 1, 'x')).toThrow(BallotError);
  });
});

describe('base32', () => {
  it('round-trips RFC 4648 (no padding)', () => {
    expect(toBase32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) =>
        expect(fromBase32Lenient(toBase32(b))).toEqual(b),
      ),
    );
  });
  it('reads what people type: case, spaces, hyphens, 0/1/8 for O/I/B', () => {
    expect(fromBase32Lenient('mzxw-6ytb oi')).toEqual(new TextEncoder().encode('foobar'));
    expect(toHex(fromBase32Lenient('0I8A')!)).toBe(toHex(fromBase32Lenient('OIBA')!));
    expect(fromBase32Lenient('MZXW6YTB9')).toBeUndefined();
  });
});

describe('ByteWriter / ByteReader', () => {
  it('round-trips u8, u32, str, bytes, raw', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(), fc.string(), fc.uint8Array(), (a, b, s, raw) => {
        const bytes = new ByteWriter().u8(a).u32(b).str(s).bytes(raw).raw(raw).finish();
        const r = new ByteReader(bytes);
        expect(r.u8('a')).toBe(a);
        expect(r.u32('b')).toBe(b);
        const back = r.str('s');
        if (!/[\uD800-\uDFFF]/.test(s)) expect(back).toBe(s);
        expect(r.bytes('raw')).toEqual(raw);
        expect(r.raw(raw.length, 'raw')).toEqual(raw);
        r.end();
      }),
    );
  });
  it('u32 is big-endian; truncation and trailing bytes are BAD_ENCODING', () => {
    expect(toHex(new ByteWriter().u32(0x01020304).finish())).toBe('01020304');
    expect(() => new ByteReader(new Uint8Array(3)).u32('n')).toThrow(/truncated/);
    const r = new ByteReader(new Uint8Array(2));
    r.u8('x');
    expect(() => r.end()).toThrow(/trailing/);
    expect(() =>
      new ByteReader(new ByteWriter().bytes(Uint8Array.of(0xff)).finish()).str('s'),
    ).toThrow(/not UTF-8/);
  });
});
