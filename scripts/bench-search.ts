/**
 * Relevance and cost benchmark of the site search (npm run bench:search).
 *
 * Builds two Pagefind indexes of the fixture corpus (fixtures/search/): Pagefind's default
 * (the readable text only) and the Korean-aware one (src/lib/search/record.ts), serves both on
 * 127.0.0.1 and runs every judged query in Debian's Chromium through the real Pagefind
 * browser runtime — for the Korean-aware side through src/lib/search/engine.ts, the module
 * the site's search UI uses. Prints recall@10, MRR and zero-result accuracy per query
 * class side by side, the bytes a first and a later query download, search latency and
 * index sizes. Exits non-zero when the Korean-aware search misses a target.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';
import { pagefindRuntime, writeRecordsBundle } from './pagefind-bundle.ts';
import { CHUNK_TARGET_BYTES } from '../src/lib/search/chunks.ts';
import { z } from 'zod';
import { buildSearchRecord, SEARCH_LANGUAGE } from '../src/lib/search/record.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures', 'search');
const OUT = join(ROOT, 'bench-out', 'search');
const MODES = ['default', 'korean'] as const;
type Mode = (typeof MODES)[number];
const TOP = 10;
const TARGETS = { recall: 0.95, mrr: 0.85, perClass: 0.9 };

const FixtureArticle = z.object({
  id: z.string(),
  section: z.string(),
  published: z.string(),
  reporters: z.array(z.string()),
  headline: z.string(),
  subheadlines: z.array(z.string()),
  paragraphs: z.array(z.string()),
  captions: z.array(z.string()),
});
type FixtureArticle = z.infer<typeof FixtureArticle>;
const Judgments = z.object({
  classes: z.record(z.string(), z.string()),
  queries: z.array(
    z.object({
      q: z.string(),
      class: z.string(),
      relevant: z.array(z.string()),
      /** Articles that must not be among the results (precision traps). */
      excluded: z.array(z.string()).optional(),
      /** Searched as the header box searches while the IME composes the last syllable. */
      composing: z.boolean().optional(),
      /** A date range (KST days), as the search page's 기간 filter. */
      from: z.string().optional(),
      to: z.string().optional(),
    }),
  ),
});
type Judged = z.infer<typeof Judgments>['queries'][number];

function loadFixtures() {
  const articles = z
    .array(FixtureArticle)
    .parse(JSON.parse(readFileSync(join(FIXTURES, 'articles.json'), 'utf8')));
  const judgments = Judgments.parse(
    JSON.parse(readFileSync(join(FIXTURES, 'queries.json'), 'utf8')),
  );
  const ids = new Set(articles.map((a) => a.id));
  for (const query of judgments.queries) {
    if (!judgments.classes[query.class]) throw new Error(`알 수 없는 분류: ${query.class}`);
    for (const id of [...query.relevant, ...(query.excluded ?? [])]) {
      if (!ids.has(id)) throw new Error(`없는 기사 ${id} (검색어 ${query.q})`);
    }
  }
  return { articles, judgments };
}

const urlOf = (id: string) => `/articles/${id}/`;

function koreanRecord(article: FixtureArticle) {
  return buildSearchRecord({
    id: article.id,
    url: urlOf(article.id),
    headline: article.headline,
    subheadlines: article.subheadlines,
    paragraphs: article.paragraphs,
    captions: article.captions,
    sectionName: article.section,
    published: article.published,
    publishedDate: article.published.slice(0, 10),
    reporters: article.reporters,
  });
}

const withoutLead = (article: FixtureArticle) => {
  const { lead, ...record } = koreanRecord(article);
  return record;
};

/** What a site gets from Pagefind without our work: the same text, title and byline. */
function defaultRecord(article: FixtureArticle) {
  const korean = withoutLead(article);
  return {
    ...korean,
    meta: {
      title: article.headline,
      byline: article.reporters.map((r) => `${r} 기자`).join(' '),
    },
  };
}

async function writeIndexes(articles: FixtureArticle[]) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'index.html'),
    '<!doctype html><html lang="ko"><title>bench</title><link rel="icon" href="data:,">',
  );
  writeFileSync(join(OUT, '404.html'), 'not found');
  const runtime = await pagefindRuntime();
  // Pagefind's own index of the readable text, as a site without our work would have it.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  for (const article of articles) {
    const added = await index.addCustomRecord(defaultRecord(article));
    if (added.errors.length) throw new Error(added.errors.join('\n'));
  }
  const written = await index.writeFiles({ outputPath: join(OUT, 'default', 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  // The site's bundles are built this way too (scripts/build-search-index.ts).
  writeRecordsBundle(
    articles.map(koreanRecord),
    runtime,
    join(OUT, 'korean', 'pagefind'),
    CHUNK_TARGET_BYTES,
  );
  await pagefind.close();
  // The browser side of the Korean-aware search, bundled the way Vite bundles the site's.
  await build({
    stdin: {
      contents: [
        "export { searchArticles, RANKING } from './src/lib/search/engine.ts';",
        "export { withHangulReading } from './src/lib/search/qwerty.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(OUT, 'ko-search.js'),
    logLevel: 'silent',
  });
}

function dirBytes(
  dir: string,
  filter: (path: string) => boolean,
): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!filter(relative(dir, path))) continue;
    bytes += statSync(path).size;
    files++;
  }
  return { bytes, files };
}

/** Bytes served under /mode/pagefind/, by what they are. */
function byKind(served: Map<string, number>, mode: Mode): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const [path, size] of served) {
    if (!path.startsWith(`/${mode}/`)) continue;
    const kind = path.endsWith('.js')
      ? '런타임 JS'
      : path.includes('wasm')
        ? 'WASM'
        : path.endsWith('.pf_meta') || path.endsWith('.json')
          ? '메타'
          : path.endsWith('.pf_index')
            ? '색인 청크'
            : path.endsWith('.pf_fragment')
              ? '조각'
              : '기타';
    kinds[kind] = (kinds[kind] ?? 0) + size;
  }
  return kinds;
}

/** A judged query's runs are keyed by everything the search is given. */
const runKey = (q: PageQuery) => JSON.stringify([q.q, q.composing, q.from, q.to]);

interface QueryRun {
  key: string;
  urls: string[];
  ms: number;
}

type PageQuery = Pick<Judged, 'q' | 'composing' | 'from' | 'to'>;

/**
 * Runs in the page: one search per query, top results' URLs, time to the ranked list. The
 * Korean side searches as the site does (src/scripts/search/client.ts): the Hangul reading
 * of a Latin-mode query when the query finds little, the IME state, the date range.
 */
async function runQueriesInPage(args: { mode: Mode; queries: PageQuery[]; top: number }) {
  const pf = await import(`/${args.mode}/pagefind/pagefind.js`);
  const engineUrl = '/ko-search.js';
  const engine = await import(engineUrl);
  // Result URLs as the site would have them (the bundle lives under /default/ or /korean/).
  await pf.options(
    args.mode === 'korean' ? { baseUrl: '/', ranking: engine.RANKING } : { baseUrl: '/' },
  );
  const spans =
    args.mode === 'korean' ? await (await fetch('/korean/pagefind/spans.json')).json() : [];
  const runs: QueryRun[] = [];
  for (const { q, composing, from, to } of args.queries) {
    const start = performance.now();
    let hits: { data: () => Promise<{ url: string }> }[];
    if (args.mode === 'korean') {
      const options = { spans, composing, dates: { from, to } };
      // (No named function in here: tsx would wrap it in a helper the page does not have.)
      hits = (
        await engine.withHangulReading(q, (text: string) =>
          engine.searchArticles(pf, text, options),
        )
      ).outcome.hits;
    } else {
      // Pagefind's default has no range filter: the days of the range, as { any }.
      const days = Object.keys((await pf.filters()).published ?? {}).filter(
        (d) => (!from || d >= from) && (!to || d <= to),
      );
      const filters = from || to ? { published: { any: days } } : {};
      hits = (await pf.search(q, { filters })).results;
    }
    const ms = performance.now() - start;
    const top = await Promise.all(hits.slice(0, args.top).map((h) => h.data()));
    runs.push({ key: JSON.stringify([q, composing, from, to]), urls: top.map((d) => d.url), ms });
  }
  return runs;
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}
function p95(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

interface Scores {
  recall: number;
  mrr: number;
  zero: number;
  n: number;
}

function score(queries: Judged[], runs: Map<string, QueryRun>, classFilter?: string): Scores {
  const selected = queries.filter((q) => !classFilter || q.class === classFilter);
  const judged = selected.filter((q) => q.relevant.length > 0);
  let recall = 0;
  let mrr = 0;
  let zero = 0;
  for (const query of selected) {
    const urls = runs.get(runKey(query))!.urls;
    // A trap's excluded articles must not be listed at all.
    const clean = !(query.excluded ?? []).some((id) => urls.includes(urlOf(id)));
    if ((urls.length === 0) === (query.relevant.length === 0) && clean) zero++;
    if (query.relevant.length === 0) continue;
    const relevant = new Set(query.relevant.map(urlOf));
    recall += urls.filter((u) => relevant.has(u)).length / relevant.size;
    const first = urls.findIndex((u) => relevant.has(u));
    mrr += first === -1 ? 0 : 1 / (first + 1);
  }
  return {
    recall: judged.length ? recall / judged.length : NaN,
    mrr: judged.length ? mrr / judged.length : NaN,
    zero: zero / selected.length,
    n: selected.length,
  };
}

const f2 = (n: number) => (Number.isNaN(n) ? '   – ' : n.toFixed(2).padStart(5));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Chunking at archive scale (Pagefind issue #1211 reported Korean indexes staying one
 * chunk): SCALE synthetic articles, fixture sentences plus made-up words so the vocabulary
 * keeps growing as a real archive's does. Reports how many index chunks each index has and
 * the largest one, which bounds what one query term downloads.
 */
const SCALE = 2000;
async function scaleChunks(articles: FixtureArticle[]) {
  const sentences = articles.flatMap((a) => a.paragraphs);
  const syllables =
    '가나다라마바사아자차카타파하강남동로명부산서울원전정주중진천한국민경제사회문화';
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const madeUp = () =>
    Array.from({ length: 2 + random(3) }, () => syllables[random(syllables.length)]).join('') +
    ['을', '를', '이', '에서', '은', ''][random(6)];
  // Pagefind's service takes its own record fields only: the lead is ours (fragment.ts).
  const records = Array.from({ length: SCALE }, (_, i) =>
    withoutLead({
      ...articles[i % articles.length],
      id: `s${i}`,
      headline: `${madeUp()} ${madeUp()} ${madeUp()}`,
      paragraphs: Array.from(
        { length: 6 },
        () =>
          `${sentences[random(sentences.length)]} ${Array.from({ length: 8 }, madeUp).join(' ')}`,
      ),
    }),
  );
  const stats: Record<string, { chunks: number; largest: number; meta: number }> = {};
  for (const mode of MODES) {
    const { index } = await pagefind.createIndex({});
    for (const record of records) {
      await index!.addCustomRecord(
        mode === 'korean' ? record : { ...record, meta: { title: record.meta.title } },
      );
    }
    const dir = join(OUT, `scale-${mode}`);
    await index!.writeFiles({ outputPath: dir });
    const chunkSizes = readdirSync(join(dir, 'index')).map(
      (f) => statSync(join(dir, 'index', f)).size,
    );
    stats[mode] = {
      chunks: chunkSizes.length,
      largest: Math.max(...chunkSizes),
      meta: dirBytes(dir, (p) => p.endsWith('.pf_meta')).bytes,
    };
  }
  await pagefind.close();
  return stats;
}

async function main() {
  const { articles, judgments } = loadFixtures();
  console.log(
    `코퍼스: 기사 ${articles.length}건, 판정된 검색어 ${judgments.queries.length}개 (${Object.keys(judgments.classes).length}개 분류)`,
  );
  await writeIndexes(articles);

  const server = await serveStatic(OUT);
  const browser = await launchChromium();
  const results = new Map<Mode, Map<string, QueryRun>>();
  const latency = new Map<Mode, number[]>();
  const bytes = new Map<Mode, { first: number; later: number }>();
  const firstParts = new Map<Mode, Record<string, number>>();
  const consoleErrors: string[] = [];
  try {
    for (const mode of MODES) {
      // A fresh context per mode: nothing cached from the other run.
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (e) => consoleErrors.push(`${mode}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${mode}: ${m.text()}`);
      });
      await page.goto(`${server.url}/`);
      const pagefindBytes = () =>
        [...server.served]
          .filter(([p]) => p.startsWith(`/${mode}/`))
          .reduce((s, [, b]) => s + b, 0);
      server.served.clear();
      await page.evaluate(runQueriesInPage, { mode, queries: [{ q: '중관촌' }], top: TOP });
      const first = pagefindBytes();
      firstParts.set(mode, byKind(server.served, mode));
      server.served.clear();
      await page.evaluate(runQueriesInPage, { mode, queries: [{ q: '반도체 수출' }], top: TOP });
      const later = pagefindBytes();
      bytes.set(mode, { first, later });

      const queries = judgments.queries.map(({ q, composing, from, to }) => ({
        q,
        composing,
        from,
        to,
      }));
      // First pass loads every index chunk; the timed second pass measures search alone.
      await page.evaluate(runQueriesInPage, { mode, queries, top: TOP });
      const runs = await page.evaluate(runQueriesInPage, { mode, queries, top: TOP });
      results.set(mode, new Map(runs.map((r) => [r.key, r])));
      latency.set(
        mode,
        runs.map((r) => r.ms),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const classes = Object.keys(judgments.classes);
  const header = `${'분류'.padEnd(10)} ${'n'.padStart(3)} | ${'기본 Pagefind'.padEnd(23)} | 한국어 인식 검색`;
  console.log(`\n${header}\n${' '.repeat(15)}| recall@10   MRR  zero | recall@10   MRR  zero`);
  const line = (label: string, cls?: string) => {
    const d = score(judgments.queries, results.get('default')!, cls);
    const k = score(judgments.queries, results.get('korean')!, cls);
    console.log(
      `${label.padEnd(10)} ${String(k.n).padStart(3)} |     ${f2(d.recall)} ${f2(d.mrr)} ${f2(d.zero)} |     ${f2(k.recall)} ${f2(k.mrr)} ${f2(k.zero)}`,
    );
    return k;
  };
  const perClass = classes.map((c) => ({ c, s: line(c, c) }));
  console.log('-'.repeat(header.length + 8));
  const overall = line('전체');

  const falseHits = judgments.queries
    .filter((q) => q.relevant.length === 0)
    .filter((q) => results.get('korean')!.get(runKey(q))!.urls.length > 0)
    .map((q) => q.q);

  console.log('\n첫 검색 다운로드 (런타임 + WASM + 색인 청크 + 상위 10개 조각):');
  for (const mode of MODES) {
    const b = bytes.get(mode)!;
    console.log(`  ${mode.padEnd(8)} 첫 검색 ${kb(b.first)}, 다음 검색 추가 ${kb(b.later)}`);
    const parts = Object.entries(firstParts.get(mode)!).map(([k, v]) => `${k} ${kb(v)}`);
    console.log(`           (${parts.join(', ')})`);
  }
  const engineBytes = statSync(join(OUT, 'ko-search.js')).size;
  console.log(`  + 한국어 검색 코드(토크나이저·질의·엔진) 번들 ${kb(engineBytes)}, 압축 전`);
  console.log('\n검색 지연 (색인 적재 후, 결과 목록까지):');
  for (const mode of MODES) {
    const ms = latency.get(mode)!;
    console.log(
      `  ${mode.padEnd(8)} 중앙값 ${median(ms).toFixed(1)} ms, p95 ${p95(ms).toFixed(1)} ms`,
    );
  }
  console.log('\n색인 크기 (pf_meta + 색인 청크 + 조각 + 필터; 런타임 제외):');
  const isIndexFile = (p: string) => /\.pf_(meta|index|fragment|filter)$/.test(p);
  const sizes = new Map(MODES.map((m) => [m, dirBytes(join(OUT, m, 'pagefind'), isIndexFile)]));
  const chunks = new Map(
    MODES.map((m) => [m, dirBytes(join(OUT, m, 'pagefind'), (p) => p.endsWith('.pf_index'))]),
  );
  for (const mode of MODES) {
    const s = sizes.get(mode)!;
    const c = chunks.get(mode)!;
    console.log(
      `  ${mode.padEnd(8)} ${kb(s.bytes)} (${s.files}개 파일, 색인 청크 ${c.files}개 ${kb(c.bytes)})`,
    );
  }
  const growth = sizes.get('korean')!.bytes / sizes.get('default')!.bytes - 1;
  console.log(`  증가율: +${(growth * 100).toFixed(0)}% (언어 코드 ${SEARCH_LANGUAGE})`);
  const scale = await scaleChunks(articles);
  console.log(`\n규모 시험 (합성 기사 ${SCALE}건): 색인 청크 수, 가장 큰 청크, pf_meta`);
  for (const mode of MODES) {
    const s = scale[mode];
    console.log(`  ${mode.padEnd(8)} ${s.chunks}개, 최대 ${kb(s.largest)}, pf_meta ${kb(s.meta)}`);
  }

  const failures: string[] = [];
  if (overall.recall < TARGETS.recall) failures.push(`전체 recall@10 ${overall.recall.toFixed(3)}`);
  if (overall.mrr < TARGETS.mrr) failures.push(`전체 MRR ${overall.mrr.toFixed(3)}`);
  for (const { c, s } of perClass) {
    const value = Number.isNaN(s.recall) ? s.zero : s.recall;
    if (value < TARGETS.perClass) failures.push(`${c} ${value.toFixed(3)}`);
  }
  if (falseHits.length) failures.push(`결과가 없어야 할 검색어에 결과: ${falseHits.join(', ')}`);
  const trapHits = judgments.queries
    .filter((q) => {
      const urls = results.get('korean')!.get(runKey(q))!.urls;
      return (q.excluded ?? []).some((id) => urls.includes(urlOf(id)));
    })
    .map((q) => q.q);
  if (trapHits.length) failures.push(`제외돼야 할 기사가 나온 검색어: ${trapHits.join(', ')}`);
  if (consoleErrors.length) failures.push(`브라우저 오류: ${consoleErrors.join(' / ')}`);
  const misses = judgments.queries.filter((q) => {
    const urls = results.get('korean')!.get(runKey(q))!.urls;
    return q.relevant.some((id) => !urls.includes(urlOf(id)));
  });
  if (misses.length) {
    console.log('\n한국어 인식 검색이 놓친 기사:');
    for (const q of misses) {
      console.log(
        `  ${q.q} [${q.class}] → ${results.get('korean')!.get(runKey(q))!.urls.join(' ') || '(없음)'}`,
      );
    }
  }
  if (failures.length) {
    console.error(`\n목표 미달: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('\n목표 달성: recall@10 ≥ 0.95, MRR ≥ 0.85, 분류별 ≥ 0.90, 무결과 검색어 오탐 0');
}

await main();
