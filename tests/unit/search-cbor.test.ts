import { decode, encode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import { arrayHeader, CborWriter } from '../../src/lib/search/cbor.ts';

describe('CborWriter', () => {
  it('writes what a general encoder writes, in the shortest heads', () => {
    // Every head size: 0–23 in the first byte, then 1, 2 and 4 argument bytes.
    const ints = [
      0,
      1,
      23,
      24,
      255,
      256,
      65535,
      65536,
      2 ** 32 - 1,
      -1,
      -24,
      -25,
      -256,
      -257,
      -65537,
    ];
    const texts = ['', 'a', '센터', 'x'.repeat(23), 'x'.repeat(24), '가'.repeat(100), '😀'];
    const writer = new CborWriter();
    writer.array(ints.length + texts.length);
    for (const n of ints) writer.int(n);
    for (const s of texts) writer.text(s);
    const bytes = writer.take();
    expect(Buffer.from(bytes)).toEqual(Buffer.from(encode([...ints, ...texts])));
    expect(decode(bytes)).toEqual([...ints, ...texts]);
  });

  it('grows past its first buffer and starts again after take', () => {
    const writer = new CborWriter();
    const long = '한'.repeat(40_000);
    writer.text(long);
    expect(decode(writer.take())).toBe(long);
    writer.int(5);
    expect(Buffer.from(writer.take())).toEqual(Buffer.from(encode(5)));
  });

  it('writes array heads of every size', () => {
    for (const n of [0, 23, 24, 255, 256, 70_000]) {
      expect(Buffer.from(arrayHeader(n))).toEqual(
        Buffer.from(encode(new Array(n).fill(0))).subarray(0, arrayHeader(n).length),
      );
    }
  });
});
