/**
 * The engine against a small in-memory model of Pagefind's matching (prefix match on
 * decomposed words, and its quiet fallback to the longest indexed word the term starts with,
 * as pagefind_web's find_word_extensions does), over records built by buildSearchRecord.
 */
import { describe, expect, it } from 'vitest';
import {
  searchArticles,
  type FilterValue,
  type PagefindApi,
  type PagefindData,
  type PagefindResult,
} from '../../src/lib/search/engine.ts';
import { excerptParts, highlightText } from '../../src/lib/search/highlight.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import { buildSearchRecord, type SearchRecord } from '../../src/lib/search/record.ts';
import { planChunks } from '../../src/lib/search/chunks.ts';
import { resultFragment } from '../../src/lib/search/fragment.ts';

const ARTICLES = [
  [
    'a',
    '판교에 로봇혁신센터 문 열어',
    '로봇혁신센터가 18일 문을 열었다. 장민서 센터장이 설명했다.',
  ],
  ['b', '中 중관촌, 스타트업 초청', 'KIC중국센터가 교류를 주선했다. 서울 기업 20곳이 참가했다.'],
  ['c', '청년 창업 거리 1년', '대전 은행동 창업 거리의 점포 절반이 흑자를 냈다.'],
  ['d', '서울 인구 930만 명 아래로', '서울의 인구가 줄었다. 주 4일제 논의도 있었다.'],
  ['e', '남해 주민 협의 마무리', '해상풍력단지를 두고 어민과 협의했다. 해상 교통도 점검했다.'],
  ['f', '공공 소프트웨어 개발표준 개정', '행정기관이 소프트웨어 개발표준을 고쳤다.'],
  ['g', '구청 새 계획', '구청장이 정비 계획을 발표했다. 3000억 원 규모다.'],
  ['h', '항만 확충', '항만 세 곳을 키우는 데 1조 3000억 원을 쓴다.'],
] as const;

const records: SearchRecord[] = ARTICLES.map(([id, headline, body], i) =>
  buildSearchRecord({
    id,
    url: `/articles/${id}/`,
    headline,
    subheadlines: [],
    paragraphs: [body],
    sectionName: i % 2 ? '경제' : '사회',
    published: `2025-0${i + 1}-01T09:00:00+09:00`,
    publishedDate: `2025-0${i + 1}-01`,
    reporters: ['김하윤'],
  }),
);

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}_]/gu, '').normalize('NFD'))
    .filter(Boolean);

/**
 * Pagefind's matching, reduced to what the engine relies on, over an index cut into chunks
 * by planChunks: a search sees the words of the chunks loaded so far, and loads the one chunk
 * whose range holds the term (pagefind_web's request_indexes), as preload does.
 */
function modelPagefind(chunkTarget = Infinity) {
  const pages = records.map((r) => ({
    r,
    content: wordsOf(r.content),
    all: [...wordsOf(r.content), ...Object.values(r.meta).flatMap(wordsOf)],
  }));
  const keys = [...new Set(pages.flatMap((p) => p.all))].sort();
  const plan = planChunks(
    keys.map((word) => ({ word, bytes: pages.filter((p) => p.all.includes(word)).length })),
    chunkTarget,
  );
  const chunks = plan.ends.map((end, c) => keys.slice(c ? plan.ends[c - 1] : 0, end));
  const loaded = new Set<string[]>();
  const load = (term: string) => {
    const t = term.replace(/"/g, '').normalize('NFD');
    const chunk =
      chunks.find((words) => words[0] <= t && t <= words.at(-1)!) ??
      chunks.find((words) => words.some((w) => w.startsWith(t)));
    if (chunk) loaded.add(chunk);
  };
  /** A page passes a filter of one value, or of { any } of several (Pagefind 1.x). */
  const passes = (values: string[], filter: FilterValue | undefined) =>
    filter === undefined ||
    (typeof filter === 'object' && 'any' in filter
      ? filter.any.some((v) => values.includes(v))
      : [filter].flat().every((v) => values.includes(v)));
  const api: PagefindApi = {
    async preload(term) {
      load(term);
    },
    async filters() {
      const counts: Record<string, Record<string, number>> = {};
      for (const { r } of pages) {
        for (const [name, values] of Object.entries(r.filters)) {
          for (const value of values) {
            counts[name] ??= {};
            counts[name][value] = (counts[name][value] ?? 0) + 1;
          }
        }
      }
      return counts;
    },
    async search(term, options = {}) {
      const records2 = pages.filter((p) =>
        Object.entries(options.filters ?? {}).every(([name, filter]) =>
          passes(p.r.filters[name] ?? [], filter),
        ),
      );
      if (term === null) {
        const sorted = [...records2].sort((x, y) => y.r.sort.date.localeCompare(x.r.sort.date));
        return { results: sorted.map((p) => result(p.r, [])) };
      }
      load(term);
      const exact = /^".+"$/.test(term);
      const t = term.replace(/"/g, '').normalize('NFD');
      const visible = [...loaded].flat();
      let matchKeys = visible.filter((k) => (exact ? k === t : k.startsWith(t)));
      if (!exact && matchKeys.length === 0) {
        const longest = visible
          .filter((k) => t.startsWith(k))
          .sort((x, y) => y.length - x.length)[0];
        matchKeys = longest ? [longest] : [];
      }
      const results = records2
        .filter((p) => p.all.some((w) => matchKeys.includes(w)))
        .map((p) =>
          result(
            p.r,
            p.content.flatMap((w, i) => (matchKeys.includes(w) ? [i] : [])),
          ),
        );
      return { results };
    },
  };
  return { api, spans: plan.spans, chunks };
}

const fakePagefind = modelPagefind().api;

/** Fragments loaded so far, by article URL. */
const fragmentLoads: string[] = [];

/** A fragment as the site ships it (fragment.ts, applied by pagefind-bundle.ts). */
function result(r: SearchRecord, words: number[]): PagefindResult {
  const data: PagefindData = resultFragment({ ...r, word_count: 0, anchors: [] });
  return {
    id: r.url,
    score: 1 + words.length,
    words,
    data: async () => {
      fragmentLoads.push(r.url);
      return data;
    },
  };
}

const ids = async (q: string, options = {}) =>
  (await searchArticles(fakePagefind, q, options)).hits.map((h) => h.id);

describe('searchArticles', () => {
  it('finds particle variants, compound tails and hanja', async () => {
    expect(await ids('로봇혁신센터에서')).toEqual(['/articles/a/']);
    expect(await ids('혁신센터')).toEqual(['/articles/a/']);
    expect(await ids('중국')).toEqual(['/articles/b/']);
  });

  it('requires every word instead of dropping one that matches nothing', async () => {
    expect(await ids('서울 비트코인')).toEqual([]);
    expect((await ids('서울 인구')).sort()).toEqual(['/articles/d/']);
  });

  it("ignores Pagefind's fallback to a shorter indexed word", async () => {
    // 중앙 is nowhere; the model (like Pagefind) would answer with 주 from 주 4일제.
    expect((await fakePagefind.search('중앙'))!.results.length).toBeGreaterThan(0);
    expect(await ids('중앙')).toEqual([]);
  });

  it("keeps a real match whose articles are also the fallback word's, by word positions alone", async () => {
    // 해상풍 starts 해상풍력단지를 (position 0); Pagefind's fallback for it is 해상 (position 4).
    const probe = (await fakePagefind.search('해상풍\ue000'))!.results;
    expect(probe.map((r) => [r.id, r.words])).toEqual([['/articles/e/', [4]]]);
    fragmentLoads.length = 0;
    expect(await ids('해상풍')).toEqual(['/articles/e/']);
    expect(fragmentLoads).toEqual([]);
  });

  it('asks for the fallback probe only for a term that is not an indexed word itself', async () => {
    const asked: string[] = [];
    const counting: PagefindApi = {
      ...fakePagefind,
      search: (term, options) => {
        asked.push(String(term));
        return fakePagefind.search(term, options);
      },
    };
    const probes = () => asked.filter((term) => term.endsWith('\ue000'));
    expect((await searchArticles(counting, '서울')).hits.length).toBe(2);
    expect(probes()).toEqual([]);
    // 중앙 is no indexed word: only the probe tells its fallback answer apart.
    expect((await searchArticles(counting, '중앙')).hits).toEqual([]);
    expect(probes()).toContain('중앙\ue000');
  });

  it('joins a spaced compound only when its halves are consecutive', async () => {
    expect(await ids('창업거리')).toEqual(['/articles/c/']);
    expect(await ids('서울인구')).toEqual(['/articles/d/']);
    expect(await ids('기업인구')).toEqual([]);
  });

  it('applies filters and newest-first order', async () => {
    expect(await ids('창업', { filters: { section: '사회' } })).toEqual(['/articles/c/']);
    expect(await ids('창업', { filters: { section: '경제' } })).toEqual([]);
    expect(await ids('서울', { sort: 'newest' })).toEqual(['/articles/d/', '/articles/b/']);
  });
});

describe('precision, operators and dates', () => {
  it("keeps a verb's stem to word starts: 발표한 finds 발표했다, not 개발표준", async () => {
    expect(await ids('발표한')).toEqual(['/articles/g/']);
    // The stem is a compound part on its own (개발표준 → 표준) and still found there.
    expect(await ids('표준을')).toEqual(['/articles/f/']);
  });
  it('finds an amount only as that amount', async () => {
    expect(await ids('3000억')).toEqual(['/articles/g/']);
    expect(await ids('1조 3000억 원')).toEqual(['/articles/h/']);
    expect(await ids('3000만 원')).toEqual([]);
  });
  it('finds "구절" only with its words in that order', async () => {
    expect(await ids('"창업 거리"')).toEqual(['/articles/c/']);
    expect(await ids('"거리 창업"')).toEqual([]);
    // The last word may carry a particle (거리의); the others are whole words.
    expect(await ids('"은행동 창업 거리"')).toEqual(['/articles/c/']);
    expect(await ids('"은행 창업"')).toEqual([]);
    // In the headline (no word positions): checked in the fragment.
    expect(await ids('"새 계획"')).toEqual(['/articles/g/']);
  });
  it('leaves out articles with an excluded word, and finds either word of A | B', async () => {
    expect(await ids('서울 -인구')).toEqual(['/articles/b/']);
    expect((await ids('창업 | 중관촌')).sort()).toEqual(['/articles/b/', '/articles/c/']);
    expect((await ids('창업 OR 비트코인')).sort()).toEqual(['/articles/c/']);
  });
  it('keeps a date range (KST days, both ends included) and sorts oldest first', async () => {
    expect(await ids('서울', { dates: { from: '2025-04-01' } })).toEqual(['/articles/d/']);
    expect(await ids('서울', { dates: { to: '2025-02-01' } })).toEqual(['/articles/b/']);
    expect(await ids('서울', { dates: { from: '2025-02-02', to: '2025-03-31' } })).toEqual([]);
    expect(await ids('서울', { sort: 'oldest' })).toEqual(['/articles/b/', '/articles/d/']);
  });
});

describe('an index cut into small chunks', () => {
  // Chunks of ~2 pages' worth of words: most cuts fall inside some shared prefix.
  const chunked = () => modelPagefind(2);
  const prefixes = chunked()
    .spans.map(([prefix]) => prefix)
    .filter((p) => planQuery(p).words.length === 1);

  it('has cuts inside shared prefixes to test with', () => {
    expect(chunked().chunks.length).toBeGreaterThan(10);
    expect(prefixes.length).toBeGreaterThanOrEqual(2);
  });

  it("loses words past a cut without the spans (Pagefind's one chunk per term)", async () => {
    let lost = 0;
    for (const prefix of prefixes) {
      const whole = await ids(prefix);
      const cut = (await searchArticles(chunked().api, prefix)).hits.map((h) => h.id);
      if (cut.length < whole.length) lost++;
    }
    expect(lost).toBeGreaterThan(0);
  });

  it('finds with the spans what one whole index finds', async () => {
    for (const prefix of prefixes) {
      const { api, spans } = chunked();
      const found = (await searchArticles(api, prefix, { spans })).hits.map((h) => h.id);
      expect(found.sort(), prefix).toEqual((await ids(prefix)).sort());
    }
    for (const q of ['로봇혁신센터에서', '서울 인구', '창업거리', '중앙', '중국']) {
      const { api, spans } = chunked();
      const found = (await searchArticles(api, q, { spans })).hits.map((h) => h.id);
      expect(found.sort(), q).toEqual((await ids(q)).sort());
    }
  });
});

describe('excerpts', () => {
  const text = records[0].content;
  it('are made of the readable text only', () => {
    const parts = excerptParts(text, planQuery('혁신센터'), 30);
    const joined = parts.map((p) => p.text).join('');
    for (const piece of joined.replace(/…/g, '').split(' ').filter(Boolean)) {
      expect(text).toContain(piece);
    }
    expect(joined).not.toMatch(/ㄹㅂㅎ|봇혁신센터 /);
  });
  it('mark the words the query reached', () => {
    const marked = highlightText('中 중관촌, 스타트업 초청', planQuery('중국 스타트업'))
      .filter((p) => p.mark)
      .map((p) => p.text);
    expect(marked).toEqual(['中', '스타트업']);
  });
  it('mark only the part of a word the query reached', () => {
    const parts = (q: string) =>
      highlightText('판교 로봇혁신센터가 문을 열었다', planQuery(q)).map((p) =>
        p.mark ? `[${p.text}]` : p.text,
      );
    expect(parts('로봇').join('')).toBe('판교 [로봇]혁신센터가 문을 열었다');
    expect(parts('혁신센터').join('')).toBe('판교 로봇[혁신센터]가 문을 열었다');
    // A partial syllable marks the syllables it reaches (혁신세 → 혁신센).
    expect(parts('혁신세').join('')).toBe('판교 로봇[혁신센]터가 문을 열었다');
    // Reached through its initials only: the whole word.
    expect(parts('ㄹㅂㅎㅅ').join('')).toBe('판교 [로봇혁신센터가] 문을 열었다');
  });
});
