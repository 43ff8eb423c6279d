import { describe, expect, it } from 'vitest';
import {
  bucketEntries,
  buildDirectory,
  bundleKeys,
  bundleStats,
  chunkOf,
  idf,
  termBucket,
  TF_CEILING,
  wordBuckets,
} from '../../src/lib/search/directory.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import {
  bundleBounds,
  nextBundle,
  planBuckets,
  rankIsFinal,
  unmatchedWords,
  type TermEntries,
} from '../../src/lib/search/relevance.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('buckets', () => {
  it('puts a word under its first syllables, open and with their finals, up to three', () => {
    expect(wordBuckets('정부청사')).toEqual(['저', '정', '정부', '정부처', '정부청'].map(nfd));
    expect(wordBuckets('정북')).toEqual(['저', '정', '정부', '정북'].map(nfd));
    expect(wordBuckets('정')).toEqual(['저', '정'].map(nfd));
    expect(wordBuckets('KIC')).toEqual(['k', 'ki', 'kic']);
    expect(wordBuckets('ㅈㄱㅊ')).toEqual(['ㅈ', 'ㅈㄱ', 'ㅈㄱㅊ']);
  });

  it('gives a term the bucket of every word it is a prefix of, as Pagefind compares', () => {
    // Pagefind compares decomposed jamo: 정부 reaches 정북, 저 reaches 정.
    const words = [
      '정부',
      '정부가',
      '정북',
      '정',
      '저녁',
      '반도체',
      '친환경전기차',
      '도심양봉',
      '도시',
    ];
    const terms = ['정부', '정', '저', '반도', '반도\u110e', '정\u1107', '도심', '도시', '도심양'];
    for (const term of terms) {
      const bucket = termBucket(term)!;
      for (const word of words) {
        if (nfd(word).startsWith(nfd(term)))
          expect(wordBuckets(word), `${term} ${word}`).toContain(bucket);
      }
    }
    expect(termBucket('정부')).toBe(nfd('정부'));
    expect(termBucket('정')).toBe(nfd('정'));
    expect(termBucket('저')).toBe(nfd('저'));
    // 도심 does not reach 도시; three syllables are as deep as buckets go.
    expect(wordBuckets('도시')).not.toContain(termBucket('도심'));
    expect(termBucket('갯벌복원사업')).toBe(nfd('갯벌복'));
    // A lone consonant reaches words of many buckets.
    expect(termBucket('\u110c')).toBeUndefined();
  });
});

describe('bundle stats and the directory', () => {
  // Pages 0..3 of 100 words; 정부 on 0 (once) and 1 (4 times); 정부가 on 1; 반도체 on 2.
  const lengths = [100, 100, 100, 100];
  const words = [
    { word: nfd('정부'), pages: [0, 1], counts: [1, 4] },
    { word: nfd('정부가'), pages: [1], counts: [1] },
    { word: nfd('반도체'), pages: [2], counts: [1] },
  ];
  const stats = bundleStats(lengths, words);

  it('counts the pages of a bucket and its best page’s idf sum', () => {
    const [pages, top] = stats.buckets[nfd('정부')];
    expect(pages).toBe(2);
    // Page 1 has both words: the sum of their idf.
    expect(top).toBeCloseTo(idf(4, 2) + idf(4, 1), 2);
    expect(top).toBeGreaterThanOrEqual(idf(4, 2) + idf(4, 1));
    expect(stats.buckets[nfd('반도체')][0]).toBe(1);
  });

  it('estimates a bucket’s best page with BM25’s term frequency, under the bound', () => {
    const [, top, estimate] = stats.buckets[nfd('정부')];
    // Page 1: 정부 4 times and 정부가 once, pages of average length (k1 = 1.4), each word's
    // count times Pagefind's bonus for its length against the term's (the bucket 정부):
    // 0.889 for 정부 itself, 0.368 for 정부가, 6 bytes (two jamo) longer.
    const tf = (count: number) => (2.4 * count) / (1.4 + count);
    const bonus = (d: number) => Math.exp(Math.exp(-(d ** 2) / 8) - 1);
    expect(bonus(1)).toBeCloseTo(0.889, 3);
    expect(estimate).toBeCloseTo(idf(4, 2) * tf(4 * bonus(1)) + idf(4, 1) * tf(bonus(7)), 2);
    expect(estimate).toBeLessThan(TF_CEILING * top);
    // More of a word on a page of the same length scores more.
    const once = bundleStats(lengths, [{ word: nfd('서울'), pages: [0], counts: [1] }]);
    const often = bundleStats(lengths, [{ word: nfd('서울'), pages: [0], counts: [6] }]);
    expect(often.buckets[nfd('서울')][2]).toBeGreaterThan(once.buckets[nfd('서울')][2]);
  });

  it('scales each bundle onto the archive’s idf and bounds its scores', () => {
    const busy = bundleStats(lengths, words);
    const quiet = bundleStats(new Array(100).fill(100), [
      { word: nfd('반도체'), pages: [5], counts: [2] },
    ]);
    const chunks: Record<string, number[]>[] = [];
    const count = buildDirectory(
      2,
      (n) => [busy, quiet][n],
      (file, chunk) => (chunks[file] = chunk),
    );
    // Every file is written, once.
    expect(chunks.length).toBe(count);
    expect(Object.keys(chunks).length).toBe(count);
    // Merged in several passes (a group of files each), the files are the same.
    const grouped: Record<string, number[]>[] = [];
    buildDirectory(
      2,
      (n) => [busy, quiet][n],
      (file, chunk) => (grouped[file] = chunk),
      100,
    );
    expect(grouped).toEqual(chunks);
    const bucket = nfd('반도체');
    const entries = bucketEntries(chunks[chunkOf(bucket, chunks.length)], bucket);
    const archive = idf(104, 2);
    expect(entries.get(0)!.scale).toBeCloseTo(archive / idf(4, 1), 2);
    expect(entries.get(1)!.scale).toBeCloseTo(archive / idf(100, 1), 2);
    // The bound: Pagefind's term frequency part never reaches TF_CEILING.
    expect(entries.get(1)!.bound).toBeGreaterThanOrEqual(
      TF_CEILING * idf(100, 1) * entries.get(1)!.scale,
    );
    // Every bucket is in the file its hash names.
    for (const [n, chunk] of chunks.entries()) {
      for (const key of Object.keys(chunk)) expect(chunkOf(key, chunks.length)).toBe(n);
    }
  });

  it('numbers bundles in shard order, each shard’s delta after it', () => {
    const shard = (key: string, delta?: boolean) => ({
      key,
      from: key,
      to: key,
      articles: 1,
      ...(delta && { delta: { key: `${key}-delta`, articles: 1 } }),
    });
    expect(bundleKeys([shard('2025-10', true), shard('2025-09')])).toEqual([
      '2025-10',
      '2025-10-delta',
      '2025-09',
    ]);
  });
});

describe('bundle bounds', () => {
  const table = (rows: Record<string, [number, number][]>) => {
    const byBucket = new Map<string, TermEntries>(
      Object.entries(rows).map(([term, list]) => [
        termBucket(term)!,
        new Map(list.map(([bundle, bound]) => [bundle, { scale: 1, bound, estimate: bound / 2 }])),
      ]),
    );
    return (term: string) => byBucket.get(termBucket(term) ?? '');
  };

  it('opens only bundles where every word can match, highest bound first', () => {
    const plan = planQuery('반도체 정부');
    const entries = table({
      반도체: [
        [0, 1],
        [1, 5],
        [2, 3],
      ],
      정부: [
        [0, 2],
        [2, 2],
      ],
    });
    const ranked = bundleBounds(plan, entries, [0, 1, 2]);
    // Bundle 1 has no 정부.
    expect(ranked.map((r) => r.bundle)).toEqual([2, 0]);
    expect(ranked[0].bound).toBeCloseTo(5);
  });

  it('needs one bucket a word, and a word’s fallbacks only where it matches nowhere', () => {
    // 창업거리: its splits (창업 거리) open no bundle.
    expect(planBuckets(planQuery('창업거리'))).toEqual([termBucket('창업거리')]);
    const plan = planQuery('닥갈');
    const main = planBuckets(plan)!;
    expect(main).toEqual([termBucket('닥갈')]);
    const none = table({});
    expect(unmatchedWords(plan, none)).toEqual(new Set([0]));
    expect(planBuckets(plan, new Set([0]))).toContain(termBucket('닭갈'));
    expect(unmatchedWords(plan, table({ 닥갈: [[0, 1]] }))).toEqual(new Set());
  });

  it('chooses the next bundle: exactly by bound, or by estimate within a cap', () => {
    const queue = [
      { bundle: 0, bound: 10, estimate: 4 },
      { bundle: 1, bound: 9, estimate: 6 },
      { bundle: 2, bound: 8, estimate: 5.5 },
    ];
    const closed = () => false;
    const base = { scores: [] as number[], wanted: 2, isOpen: closed, searched: 0 };
    // Exact: the highest bound, until the wanted-th score beats every bound left.
    expect(nextBundle(queue, { ...base, cap: Infinity })).toBe(0);
    expect(nextBundle(queue, { ...base, scores: [12, 10], cap: Infinity })).toBe(-1);
    // Capped: the best estimate, an open bundle preferred when close.
    expect(nextBundle(queue, { ...base, cap: 3 })).toBe(1);
    expect(nextBundle(queue, { ...base, cap: 3, isOpen: (b) => b === 2 })).toBe(2);
    // With a page of results, a download only for an estimate 1.5 times the wanted-th
    // score; an open bundle for any estimate above it.
    expect(nextBundle(queue, { ...base, scores: [7, 3.9], cap: 3 })).toBe(1);
    expect(nextBundle(queue, { ...base, scores: [7, 5.8], cap: 3 })).toBe(-1);
    expect(nextBundle(queue, { ...base, scores: [7, 5.8], cap: 3, isOpen: (b) => b === 1 })).toBe(
      1,
    );
    // Past the cap, only a page short of results goes on, in open bundles.
    expect(nextBundle(queue, { ...base, scores: [7], searched: 3, cap: 3 })).toBe(-1);
    expect(
      nextBundle(queue, { ...base, scores: [7], searched: 3, cap: 3, isOpen: (b) => b === 0 }),
    ).toBe(0);
  });

  it('stops once the wanted-th score beats the best bundle left', () => {
    expect(rankIsFinal([9, 8, 7], 3, 7)).toBe(true);
    expect(rankIsFinal([9, 8, 7], 3, 7.5)).toBe(false);
    expect(rankIsFinal([9, 8], 3, 1)).toBe(false);
  });
});
