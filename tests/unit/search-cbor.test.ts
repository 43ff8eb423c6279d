import { decode, encode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import { arrayHeader, arrayItems, leadingText, skipItem } from '../../src/lib/search/cbor.ts';

/** Values of every kind Pagefind's chunks could hold, encoded by a real CBOR library. */
const samples: unknown[] = [
  0,
  23,
  24,
  255,
  256,
  65_535,
  65_536,
  2 ** 32 + 5,
  -1,
  -1_000_000,
  1.5,
  Math.PI,
  true,
  false,
  null,
  '',
  '정부',
  'ㄱ'.repeat(30),
  '가'.repeat(100),
  new Uint8Array([1, 2, 3]),
  [],
  [1, [2, [3, '사']]],
  Array.from({ length: 300 }, (_, i) => i * 7),
  { a: 1, 로봇: [1, 2] },
  new Map<unknown, unknown>([[1, 'x']]),
];

describe('skipItem', () => {
  it.each(samples.map((value) => [value]))('ends exactly after %j', (value) => {
    const bytes = encode(value);
    expect(skipItem(bytes, 0)).toBe(bytes.length);
  });

  it('walks items laid end to end', () => {
    const parts = samples.map((value) => encode(value));
    const bytes = Buffer.concat(parts);
    let at = 0;
    for (const part of parts) {
      const end = skipItem(bytes, at);
      expect(end - at).toBe(part.length);
      at = end;
    }
    expect(at).toBe(bytes.length);
  });

  it('refuses indefinite lengths and truncated data', () => {
    // 0x9f: array of indefinite length … 0xff break.
    expect(() => skipItem(Uint8Array.of(0x9f, 0x01, 0xff), 0)).toThrow(/지원하지 않습니다/);
    const text = encode('로봇혁신센터');
    expect(() => skipItem(text.subarray(0, text.length - 1), 0)).toThrow(/밖으로/);
    expect(() => skipItem(Uint8Array.of(0x19, 0x01), 0)).toThrow(/끝났습니다/);
  });
});

describe('arrayItems and leadingText', () => {
  // The shape of a Pagefind 1.6 pf_index chunk: [[[word, [[page, [positions]]…], …]…]].
  const entries = [
    [
      '가격',
      [
        [0, [3, 90, 400]],
        [12, [7]],
      ],
      [],
    ],
    ['가격을', [[5, [1_000, 70_000]]], [1]],
    ['중관촌에서', [[300, [2]]], []],
  ];
  const chunk = encode([entries]);

  it('cuts a chunk into its entries, byte for byte', () => {
    const [list] = arrayItems(chunk, 0);
    const items = arrayItems(chunk, list.start);
    expect(items.map(({ start, end }) => decode(chunk.subarray(start, end)))).toEqual(entries);
    expect(items.map(({ start }) => leadingText(chunk, start))).toEqual([
      '가격',
      '가격을',
      '중관촌에서',
    ]);
  });

  it('re-assembles entries into a chunk the library decodes', () => {
    const [list] = arrayItems(chunk, 0);
    const items = arrayItems(chunk, list.start).slice(1);
    const rebuilt = Buffer.concat([
      arrayHeader(1),
      arrayHeader(items.length),
      ...items.map(({ start, end }) => chunk.subarray(start, end)),
    ]);
    expect(decode(rebuilt)).toEqual([entries.slice(1)]);
  });

  it('writes array heads as the library does, at every size class', () => {
    for (const n of [0, 23, 24, 255, 256, 65_535, 65_536]) {
      expect(Buffer.from(arrayHeader(n))).toEqual(
        Buffer.from(encode(new Array(n).fill(0)).subarray(0, arrayHeader(n).length)),
      );
    }
  });

  it('says what it found instead of an array or a word', () => {
    expect(() => arrayItems(encode('단어'), 0)).toThrow(/배열이 아닌 값/);
    expect(() => leadingText(encode([1, 2]), 0)).toThrow(/문자열이 없습니다/);
  });
});
