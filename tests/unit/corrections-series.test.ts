/** Corrections and series in the article schema, and their ordering (corrections.ts, series.ts). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCorrections } from '../../src/lib/corrections.ts';
import { makeArticleSchema } from '../../src/lib/schema.ts';
import { partNumber, seriesParts, seriesPosition } from '../../src/lib/series.ts';

const schema = makeArticleSchema({
  photoSrc: z.string(),
  sectionIds: new Set(['society']),
  reporterIds: new Set(['lee-doyun']),
  seriesIds: new Set(['youth-housing']),
  latestAllowed: new Date('2030-01-01T00:00:00Z'),
});
const base = {
  headline: '공공자전거 요금 조정',
  section: 'society',
  publishedAt: '2025-11-05T14:30:00+09:00',
  reporters: ['lee-doyun'],
};
const correction = (at: string, kind = '정정') => ({ at, kind, text: '요금을 바로잡습니다.' });
const messages = (input: object) =>
  schema
    .safeParse({ ...base, ...input })
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('corrections in the schema', () => {
  it('accepts corrections when updatedAt is at or after the last one', () => {
    const parsed = schema.parse({
      ...base,
      updatedAt: '2025-11-07T10:00:00+09:00',
      corrections: [
        correction('2025-11-06T09:00:00+09:00'),
        correction('2025-11-07T10:00:00+09:00', '반론'),
      ],
    });
    expect(parsed.corrections.map((c) => [c.kind, c.at.toISOString()])).toEqual([
      ['정정', '2025-11-06T00:00:00.000Z'],
      ['반론', '2025-11-07T01:00:00.000Z'],
    ]);
  });
  it('requires updatedAt, no earlier than the last correction', () => {
    expect(messages({ corrections: [correction('2025-11-06T09:00:00+09:00')] })).toEqual([
      'updatedAt: 정정이 있으면 수정 시각(updatedAt)을 마지막 정정 시각(한국 시간 2025.11.06 09:00) 이후로 쓰세요',
    ]);
    expect(
      messages({
        updatedAt: '2025-11-06T08:59:00+09:00',
        corrections: [correction('2025-11-06T09:00:00+09:00')],
      }),
    ).toHaveLength(1);
  });
  it('refuses an unknown kind, an empty text, an unquoted or earlier time and unknown keys', () => {
    expect(
      messages({
        updatedAt: '2025-11-08T00:00:00+09:00',
        corrections: [
          { at: '2025-11-06T09:00:00+09:00', kind: '사과', text: '' },
          { at: new Date(), kind: '정정', text: '가' },
          { ...correction('2025-11-01T09:00:00+09:00'), by: '편집국' },
        ],
      }),
    ).toEqual([
      'corrections.0.kind: 정정 종류(kind)는 정정, 반론, 추가 가운데 하나입니다',
      'corrections.0.text: 정정 내용(text)을 쓰세요',
      'corrections.1.at: 날짜는 따옴표로 감싼 문자열로 쓰세요 (예: "2025-11-01T09:30:00+09:00")',
      'corrections.2: Unrecognized key: "by"',
    ]);
    expect(
      messages({
        updatedAt: '2025-11-08T00:00:00+09:00',
        corrections: [correction('2025-11-01T09:00:00+09:00')],
      }),
    ).toEqual(['corrections.0.at: 정정 시각(at)이 입력 시각(publishedAt)보다 앞섭니다']);
  });
});

describe('series in the schema', () => {
  it('takes a known id and an optional part number from 1', () => {
    expect(schema.parse({ ...base, series: { id: 'youth-housing', part: 2 } }).series).toEqual({
      id: 'youth-housing',
      part: 2,
    });
    expect(schema.parse({ ...base, series: { id: 'youth-housing' } }).series).toEqual({
      id: 'youth-housing',
    });
    expect(messages({ series: { id: 'nope', part: 0 } })).toEqual([
      "series.id: 알 수 없는 연재 'nope': content/series.yaml에 먼저 추가하세요 (있는 값: youth-housing)",
      'series.part: 연재 회차(part)는 1 이상입니다',
    ]);
  });
});

describe('ordering', () => {
  const at = (day: number) => new Date(`2025-11-${String(day).padStart(2, '0')}T00:00:00+09:00`);
  it('lists corrections of every article newest first', () => {
    const a = {
      id: 'a',
      url: '/a/',
      headline: 'A',
      corrections: [{ at: at(2), kind: '정정' as const, text: '1' }],
    };
    const b = {
      id: 'b',
      url: '/b/',
      headline: 'B',
      corrections: [
        { at: at(1), kind: '정정' as const, text: '2' },
        { at: at(3), kind: '반론' as const, text: '3' },
      ],
    };
    expect(allCorrections([a, b]).map((c) => [c.article.id, c.text])).toEqual([
      ['b', '3'],
      ['a', '1'],
      ['b', '2'],
    ]);
  });
  it('orders parts by number, then unnumbered ones by publication, and finds neighbours', () => {
    const parts = seriesParts(
      [
        { id: 'late', publishedAt: at(9), series: { id: 's' } },
        { id: 'two', publishedAt: at(1), series: { id: 's', part: 2 } },
        { id: 'other', publishedAt: at(1), series: { id: 't', part: 1 } },
        { id: 'one', publishedAt: at(5), series: { id: 's', part: 1 } },
        { id: 'plain', publishedAt: at(2) },
      ],
      's',
    );
    expect(parts.map((p) => p.id)).toEqual(['one', 'two', 'late']);
    expect(partNumber(parts, 2)).toBe(3);
    const middle = seriesPosition(parts, 'two')!;
    expect([
      middle.part,
      middle.total,
      middle.previous?.article.id,
      middle.next?.article.id,
    ]).toEqual([2, 3, 'one', 'late']);
    expect(seriesPosition(parts, 'one')!.previous).toBeUndefined();
    expect(seriesPosition(parts, 'plain')).toBeUndefined();
  });
});
