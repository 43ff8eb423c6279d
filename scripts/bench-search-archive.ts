/**
 * npm run bench:search-archive -- --articles 50000 [--per-day 100] [--queries 30] [--work DIR]
 *                                 [--reuse] [--reuse-index]
 *
 * Search over a whole generated archive, without building the site: writes one page per
 * generated article in the contract the article template follows (what
 * src/lib/search/article-page.ts reads), runs the real indexer (scripts/build-search-index.ts:
 * shards, bundles, the archive-wide directory) and then, in Chromium through the site's search
 * client, measures what a reader downloads and waits for on 정확도순, how many bundles a
 * first page opens, and how often it equals the exact top 10.
 *
 * A judged cross-year set is planted into the archive before anything is indexed (its
 * judgments are fixed here, not read from the results): for each made-up topic, three strong
 * articles (the topic in the headline and three times in the body) in the archive's older
 * years and twenty weak ones (the topic once) in its newest month. The relevant articles are
 * the strong ones. It is searched 정확도순 across the archive and, for comparison, newest
 * shard first (what 정확도순 did before the directory).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  DEFAULT_OPTIONS,
  generateArchive,
  makeReporters,
  reporterCount,
} from '../src/lib/synthetic/generate.ts';
import { SECTIONS } from '../src/lib/synthetic/words.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { bundleSearchClient, SEARCH_CLIENT_URL } from '../tests/helpers/search-index.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { peakBetween, sampleTreeRss } from './bench-lib/process-tree.ts';
import { benchQueries, benchSearch, quantile } from './bench-lib/search-bench.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '50000' },
    /** Articles a day: fewer spread the archive over more years. */
    'per-day': { type: 'string', default: String(DEFAULT_OPTIONS.perDay) },
    queries: { type: 'string', default: '30' },
    work: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    'reuse-index': { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
const ROOT = join(import.meta.dirname, '..');
const work = values.work ?? `/tmp/bench-search-archive-${N}`;
const out = join(work, 'out');
const cache = join(work, 'cache');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Made-up topics no generated sentence has: the judged set's queries. */
const TOPICS = [
  '갯벌복원사업',
  '폐광재생',
  '수소트램',
  '도심양봉',
  '빈집정비',
  '공공산후조리원',
  '고택체험',
  '탄소포인트제',
  '해녀학교',
  '노면전차',
];
const STRONG = 3;
const WEAK = 20;

interface Planted {
  topic: string;
  strong: string[];
}

/** Which generated article (by number) gets which topic, strong or weak. */
function plantPlan(total: number) {
  const plan = new Map<number, { topic: string; strong: boolean }>();
  TOPICS.forEach((topic, t) => {
    for (let k = 0; k < STRONG; k++) {
      // Spread over the oldest 70% of the archive, a different place for every topic.
      const at = Math.floor(((k + (t + 1) / (TOPICS.length + 1)) / STRONG) * 0.7 * total);
      plan.set(at, { topic, strong: true });
    }
    for (let k = 0; k < WEAK; k++)
      plan.set(total - 1 - (t * WEAK + k) * 7, { topic, strong: false });
  });
  return plan;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The article page contract (src/lib/search/article-page.ts reads it). */
function articlePage(a: {
  id: string;
  headline: string;
  subheadlines: string[];
  paragraphs: string[];
  published: string;
  section: string;
  reporters: string[];
}) {
  return [
    '<!doctype html><html lang="ko"><body>',
    `<article data-article-id="${a.id}" data-published="${a.published}" data-section-name="${a.section}" data-reporters="${escapeHtml(a.reporters.join(','))}">`,
    `<h1 data-article-headline>${escapeHtml(a.headline)}</h1>`,
    ...a.subheadlines.map((s) => `<h2 data-article-subheadline>${escapeHtml(s)}</h2>`),
    `<div data-article-body>${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`,
    '</article></body></html>',
  ].join('');
}

function writePages(): Planted[] {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const options = {
    ...DEFAULT_OPTIONS,
    articles: N,
    photosPerArticle: 0,
    perDay: Number(values['per-day']),
  };
  const reporters = new Map(
    makeReporters(reporterCount(N), options.seed).map((r) => [r.id, r.name]),
  );
  const sections = new Map<string, string>(SECTIONS.map((s) => [s.id, s.name]));
  const plan = plantPlan(N);
  const planted = new Map(TOPICS.map((topic) => [topic, [] as string[]]));
  let n = 0;
  for (const file of generateArchive(options)) {
    if (!file.path.startsWith('articles/')) continue;
    const [, front, body] = file.content.split(/^---$/m);
    const meta = parseYaml(front) as {
      headline: string;
      subheadlines?: string[];
      section: string;
      publishedAt: string;
      reporters: string[];
    };
    const id = file.path.slice('articles/'.length, -'.md'.length);
    let headline = meta.headline;
    const paragraphs = body.trim().split(/\n\n+/);
    const plant = plan.get(n);
    if (plant?.strong) {
      headline = `${plant.topic} ${headline}`;
      paragraphs[0] = `${plant.topic}이 주목받고 있다. ${paragraphs[0]}`;
      paragraphs.push(`${plant.topic}의 성과를 두고 ${plant.topic} 관계자들은 기대를 나타냈다.`);
      planted.get(plant.topic)!.push(`/articles/${id}/`);
    } else if (plant) {
      paragraphs.push(`한편 ${plant.topic} 이야기도 나왔다.`);
    }
    const dir = join(out, 'articles', id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      articlePage({
        id,
        headline,
        subheadlines: meta.subheadlines ?? [],
        paragraphs,
        published: meta.publishedAt,
        section: sections.get(meta.section) ?? meta.section,
        reporters: meta.reporters.map((r) => reporters.get(r) ?? r),
      }),
    );
    n++;
  }
  writeFileSync(join(work, 'planted.json'), JSON.stringify(Object.fromEntries(planted)));

  return [...planted].map(([topic, strong]) => ({ topic, strong }));
}

/** Runs the real indexer; its wall time and peak memory. */
async function index(): Promise<{ seconds: number; peakGb: number; log: string }> {
  const started = performance.now();
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/build-search-index.ts'), '--dist', out, '--cache', cache],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const rss = sampleTreeRss(child.pid!, started);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const samples = rss.stop();
  if (code !== 0) throw new Error(`indexer failed (${code})`);
  const ms = performance.now() - started;
  return { seconds: ms / 1000, peakGb: peakBetween(samples, 0, ms) / 2 ** 30, log: log.trim() };
}

function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) {
      files++;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** Recall@10 and reciprocal rank of the planted strong articles, both ways of ranking. */
async function judge(planted: Planted[]) {
  await bundleSearchClient(out);
  const server = await serveStatic(out);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/404.html`);
    const rows: { mode: string; recall: number; mrr: number }[] = [];
    for (const archiveWide of [true, false]) {
      let recall = 0;
      let rr = 0;
      let queries = 0;
      for (const { topic, strong } of planted) {
        for (const q of [topic, `${topic}에서`]) {
          const urls: string[] = await page.evaluate(
            async ({ clientUrl, q, archiveWide }) => {
              const client = await import(/* @vite-ignore */ clientUrl);
              const progress = await client.runSearch(q, { wanted: 10, archiveWide });
              const data = await Promise.all(
                progress.hits
                  .slice(0, 10)
                  .map((h: { data: () => Promise<{ url: string }> }) => h.data()),
              );
              return data.map((d: { url: string }) => d.url);
            },
            { clientUrl: SEARCH_CLIENT_URL, q, archiveWide },
          );
          const relevant = new Set(strong);
          recall += urls.filter((u) => relevant.has(u)).length / strong.length;
          const first = urls.findIndex((u) => relevant.has(u));
          rr += first < 0 ? 0 : 1 / (first + 1);
          queries++;
        }
      }
      rows.push({
        mode: archiveWide ? '정확도순, whole archive' : 'newest shard first (before)',
        recall: recall / queries,
        mrr: rr / queries,
      });
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

// --reuse keeps the pages written before (and the indexer's cache); the index is built again
// unless --reuse-index keeps it too.
if (!values.reuse || !existsSync(join(work, 'planted.json'))) {
  const t0 = performance.now();
  writePages();
  console.log(`${N} article pages written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
if (!values['reuse-index'] || !existsSync(join(out, 'pagefind'))) {
  const indexed = await index();
  console.log(indexed.log);
  console.log(
    `Indexer: ${indexed.seconds.toFixed(1)} s wall, peak ${indexed.peakGb.toFixed(2)} GB (process tree)`,
  );
}
// The page the measurements start from: nothing on it loads Pagefind.
writeFileSync(join(out, '404.html'), '<!doctype html><html lang="ko"><title>404</title></html>');
const pagefindDir = join(out, 'pagefind');
const manifest = JSON.parse(readFileSync(join(pagefindDir, 'shards.json'), 'utf8'));
const directory = folderBytes(join(pagefindDir, manifest.directory.path));
console.log(
  `Shards: ${manifest.shards.length}; shards.json ${kb(statSync(join(pagefindDir, 'shards.json')).size)}; directory ${directory.files} files, ${(directory.bytes / 2 ** 20).toFixed(1)} MB (${kb(directory.bytes / directory.files)} a file)`,
);

const planted: Planted[] = Object.entries(
  JSON.parse(readFileSync(join(work, 'planted.json'), 'utf8')) as Record<string, string[]>,
).map(([topic, strong]) => ({ topic, strong }));

/** Two kinds of query, each in a fresh browser: the generator's vocabulary (every word is
 * in every shard: the worst case for a directory) and the planted topics (in a few). */
const kinds = [
  {
    name: "generator's vocabulary",
    queries: benchQueries(Number(values.queries), DEFAULT_OPTIONS.seed),
  },
  { name: 'planted topics', queries: planted.flatMap(({ topic }) => [topic, `${topic}에서`]) },
];
console.log(`\n정확도순 (${N} articles):`);
console.log(
  '| queries | first query (gzip) | later, median (gzip; index only) | later max | search p95 | + fragments p95 | bundles opened median / max | top 10 = exact |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { name, queries } of kinds) {
  const search = await benchSearch(out, queries);
  const opened = search.queries.map((q) => q.bundlesOpened);
  console.log(
    `| ${name} (${queries.length}) | ${kb(search.firstQueryBytes)} (${kb(search.firstQueryGzipBytes)}) | ${kb(search.laterQueryBytesMedian)} (${kb(search.laterQueryGzipBytesMedian)}; ${kb(search.laterQueryIndexBytesMedian)}) | ${kb(search.laterQueryBytesMax)} | ${search.searchMsP95.toFixed(0)} ms | ${search.withFragmentsMsP95.toFixed(0)} ms | ${quantile(opened, 0.5)} / ${Math.max(...opened)} | ${search.agreementMean.toFixed(2)} |`,
  );
}

const judged = await judge(planted);
console.log(
  `\nJudged cross-year set: ${planted.length} topics × 2 forms, ${STRONG} strong articles each in older years, ${WEAK} weak ones in the newest month:`,
);
console.log('| ranking | recall@10 | MRR |');
console.log('| --- | ---: | ---: |');
for (const row of judged) {
  console.log(`| ${row.mode} | ${row.recall.toFixed(2)} | ${row.mrr.toFixed(2)} |`);
}
