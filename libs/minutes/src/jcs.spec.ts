// RFC 8785 (JSON Canonicalization Scheme): the examples of §3.2.2 and §3.2.3 and every number of
// Appendix B, plus the strictness this library adds for signed records.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { toHex, utf8 } from './bytes.js';
import { canonicalBytes, canonicalJson, hashJson, parseCanonical } from './jcs.js';

const double = (bits: string) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
};

describe('canonicalJson (RFC 8785)', () => {
  it('§3.2.2: the sample with numbers, escapes and literals', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    const out = canonicalJson(input);
    expect(out).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    // The RFC also gives the UTF-8 bytes of that output.
    expect(toHex(canonicalBytes(input))).toBe(
      '7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333' +
        '333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a' +
        '22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d',
    );
  });

  it('§3.2.3: members sorted by UTF-16 code units', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        '"1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
        '"\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B: number 0x%s → %s', (bits, text) => {
    expect(canonicalJson(double(bits))).toBe(text);
  });

  it.each([
    ['NaN (7fffffffffffffff)', double('7fffffffffffffff')],
    ['Infinity (7ff0000000000000)', double('7ff0000000000000')],
    ['a lone surrogate', '\ud800'],
    ['a Date (toJSON object)', new Date(0)],
    ['an undefined member', { a: undefined }],
    ['undefined in an array', [undefined]],
    ['a function', () => 1],
    ['a bigint', 1n],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(
      expect.objectContaining({ code: 'NOT_CANONICAL_JSON' }),
    );
  });

  it('refuses a cycle', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(expect.objectContaining({ code: 'NOT_CANONICAL_JSON' }));
  });

  it('hashes the canonical bytes with SHA-256', () => {
    expect(hashJson({ b: 1, a: '会议' })).toBe(hashJson(JSON.parse('{ "a" : "会议", "b" : 1.0 }')));
    expect(hashJson({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'); // SHA-256("{}")
  });

  it('property: canonical text is a fixed point and independent of member order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const shuffled = JSON.parse(
          JSON.stringify(v, (_, x: unknown) =>
            x && typeof x === 'object' && !Array.isArray(x)
              ? Object.fromEntries(Object.entries(x).reverse())
              : x,
          ),
        );
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });
});

describe('parseCanonical', () => {
  it('accepts canonical bytes and gives the value', () => {
    expect(parseCanonical(utf8('{"a":[1,"会"],"b":null}'), 'x')).toEqual({ a: [1, '会'], b: null });
  });

  it.each([
    ['whitespace', '{"a": 1}'],
    ['members out of order', '{"b":1,"a":2}'],
    ['a duplicate member', '{"a":1,"a":1}'],
    ['another spelling of a number', '{"a":1.0}'],
    ['an escaped letter', '{"a":"\\u0041"}'],
    ['not JSON', '{"a":'],
  ])('refuses %s', (_, text) => {
    expect(() => parseCanonical(utf8(text), 'x')).toThrow(
      expect.objectContaining({ code: 'NOT_CANONICAL_BYTES' }),
    );
  });

  it('refuses malformed UTF-8', () => {
    expect(() => parseCanonical(new Uint8Array([0x22, 0xff, 0x22]), 'x')).toThrow(
      expect.objectContaining({ code: 'BAD_ENCODING' }),
    );
  });
});
