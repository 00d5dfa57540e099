import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fromBase64Url, toBase64Url } from '#core/certificate/encoding.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('serializes the RFC 8785 §3.2.2 example exactly', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = String.raw`{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}`;
    const canonical = canonicalJson(JSON.parse(input));
    // Values in order of appearance (Object.keys would put the integer-like key "1" first on its own).
    const order = [...canonical.matchAll(/:"([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it.each([
    [{ b: 1, a: { d: [3, { z: 0, y: 'é' }], c: null } }, '{"a":{"c":null,"d":[3,{"y":"é","z":0}]},"b":1}'],
    [{ n: [-0, 1e21, 1e-7, 0.1, 100] }, '{"n":[0,1e+21,1e-7,0.1,100]}'],
    [{ telugu: 'రవి' }, '{"telugu":"రవి"}'],
    [{ control: '\u0001\u001f' }, String.raw`{"control":"\u0001\u001f"}`],
  ])('serializes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is a fixed point: parsing and canonicalizing again changes nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe('base64url', () => {
  it('round-trips bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it('accepts only the one unpadded spelling of each value', () => {
    expect(fromBase64Url('AQ')).toEqual(new Uint8Array([1]));
    expect(fromBase64Url('AR')).toBeUndefined(); // non-zero spare bits
    expect(fromBase64Url('AQ==')).toBeUndefined();
    expect(fromBase64Url('A+/Q')).toBeUndefined();
    expect(fromBase64Url('A Q')).toBeUndefined();
  });
});
