/**
 * The index builder (src/lib/search/pagefind-index.ts) against Pagefind's own service, which
 * it replaces: for the same records, the same pages, words, locations, variants, filters,
 * sorts and page ids, compared as decoded values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndexParts, compareCodePoints } from '../../src/lib/search/pagefind-index.ts';
import {
  buildSearchRecord,
  SEARCH_LANGUAGE,
  type SearchRecord,
} from '../../src/lib/search/record.ts';
import { pagefindParts } from '../helpers/pagefind-parts.ts';
import { ROOT } from '../helpers/site.ts';

afterAll(() => pagefind.close());

function ours(records: SearchRecord[]) {
  const parts = buildIndexParts(records);
  return {
    meta: parts.meta,
    words: parts.words.map((w) => decode(w.encoded)),
    filters: Object.fromEntries(
      [...parts.filters].map(([name, payload]) => [name, decode(payload)]),
    ),
    // The lead (what the shipped fragment keeps, fragment.ts) is ours alone.
    fragments: parts.fragments.map(({ id, fragment }) => ({ id, fragment })),
  };
}

const record = (url: string, content: string, extra: Partial<SearchRecord> = {}): SearchRecord => ({
  url,
  content,
  language: SEARCH_LANGUAGE,
  meta: { title: url },
  filters: {},
  sort: {},
  ...extra,
});

describe('the index builder', () => {
  it('indexes the search fixtures as Pagefind does', async () => {
    const articles = JSON.parse(readFileSync(join(ROOT, 'fixtures/search/articles.json'), 'utf8'));
    const records = articles.map((a: Record<string, never>) =>
      buildSearchRecord({
        id: a.id,
        url: `/articles/${a.id}/`,
        headline: a.headline,
        subheadlines: a.subheadlines,
        paragraphs: a.paragraphs,
        captions: a.captions,
        sectionName: a.section,
        published: a.published,
        publishedDate: (a.published as string).slice(0, 10),
        reporters: a.reporters,
        thumbnail: `/photos/${a.id}.jpg`,
      }),
    );
    expect(records.length).toBeGreaterThan(20);
    const expected = await pagefindParts(records);
    expect(expected.words.length).toBeGreaterThan(1000);
    expect(ours(records)).toEqual(expected);
  });

  it('splits odd words, markers and meta fields as Pagefind does', async () => {
    const records = [
      record(
        '/odd/',
        [
          'iPhone15를 XMLHttpRequest G7 정상회의 café Ünïcödé ΣΊΣΥΦΟΣ',
          '“로봇혁신센터”를 (주)새벽전자 3.5% 45,000㎡ kic중국센터 美·中 北',
          'foo_bar a-b-c x/y ©2025 ☆ 😀👍🏽 1️⃣ #해시 e-mail',
          'zero\u200bwidth \u200b 　전각　공백 tab\there ___PAGEFIND_WEIGHT___3 가중 강조',
          '___END_PAGEFIND_WEIGHT___ ___PAGEFIND_ANCHOR___h2:a:b 이후 ___PAGEFIND_AUTO_WEIGHT___2 자동',
        ].join('\n'),
        {
          meta: { title: 'Odd 제목 café', kt: '로봇 센터', k: 'ㅈㄱㅊ 중관촌 ___PAGEFIND_x 끝' },
          filters: { section: ['경제', '경제'], year: ['2025'], z: ['___PAGEFIND_y 값'] },
          sort: { date: '2025-01-02T09:00:00+09:00' },
        },
      ),
      record('/same/', '처음 글'),
      record('/empty/', '… — !!'),
      record('/numeric/', '숫자 정렬', {
        sort: { date: '12', n: '3' },
        meta: { title: 't', a: '앞 필드' },
      }),
      record('/same/', '나중 글이 같은 주소를 바꾼다', { filters: { section: ['사회'] } }),
      record('/n2/', '둘째', { sort: { n: '-1.5e1' } }),
    ];
    expect(ours(records)).toEqual(await pagefindParts(records));
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, as Rust compares strings', () => {
    const words = ['\u{1f600}', '\uffff', 'b', 'a', '가', 'ab', ''];
    expect([...words].sort(compareCodePoints)).toEqual([
      '',
      'a',
      'ab',
      'b',
      '가',
      '\uffff',
      '\u{1f600}',
    ]);
  });
});
