/**
 * npm run bench:build -- --articles N [--photos-per-article K] [--photo-pool P] [--seed S]
 *                        [--work DIR] [--no-rebuild] [--no-search] [--keep] [--json FILE]
 *                        [--queries 30] [--max-rss-gb 16]
 *
 * Generates a reproducible synthetic archive outside content/, builds it cold with the
 * project's real build, then cold again with only the encoded photos kept, then rebuilds it
 * unchanged and after editing one article with the caches a CI job keeps (Astro's
 * cacheDir), and measures the search bundle in Chromium, after the cold build and again
 * after an edit of the newest month (whose delta every first search loads).
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, type SyntheticOptions } from '../src/lib/synthetic/generate.ts';
import { outputStats, pagefindStats } from './bench-lib/output-stats.ts';
import { measurePageWeight } from './bench-lib/page-weight.ts';
import { runBuild, type BuildResult } from './bench-lib/run-build.ts';
import { benchQueries, benchSearch, quantile, type SearchBench } from './bench-lib/search-bench.ts';
import { trashFolder } from './bench-lib/trash.ts';
import { writeArchive } from './bench-lib/write-archive.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    'photos-per-article': { type: 'string', default: String(DEFAULT_OPTIONS.photosPerArticle) },
    'photo-pool': { type: 'string', default: String(DEFAULT_OPTIONS.photoPool) },
    seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
    work: { type: 'string' },
    'no-rebuild': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    queries: { type: 'string', default: '30' },
    'max-rss-gb': { type: 'string', default: '16' },
  },
});

const options: SyntheticOptions = {
  ...DEFAULT_OPTIONS,
  articles: Number(values.articles),
  photosPerArticle: Number(values['photos-per-article']),
  photoPool: Number(values['photo-pool']),
  seed: Number(values.seed),
};
const projectRoot = join(import.meta.dirname, '..');
const workDir = values.work ?? `/tmp/bench-build-${options.articles}-${options.photosPerArticle}`;
const trash = trashFolder(`${workDir}.trash`);
const { discard } = trash;
const paths = {
  projectRoot,
  workDir,
  contentDir: join(workDir, 'content'),
  outDir: join(workDir, 'out'),
  cacheDir: join(workDir, 'cache'),
  maxRssBytes: Number(values['max-rss-gb']) * 2 ** 30,
};
const N = options.articles;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perArticle = (ms: number) => `${(ms / N).toFixed(2)}`;
const say = (line = '') => {
  console.log(line);
  appendFileSync(join(workDir, 'report.md'), line + '\n');
};

function phaseTable(title: string, build: BuildResult) {
  say(`\n### ${title}\n`);
  say('| phase | wall | ms/article | peak RSS (process tree) |');
  say('| --- | ---: | ---: | ---: |');
  for (const p of build.phases) {
    const ms = p.endMs - p.startMs;
    say(`| ${p.name} | ${sec(ms)} | ${perArticle(ms)} | ${mb(p.peakRssBytes)} |`);
  }
  const total = build.wallMs;
  const peak = build.peakRssBytes;
  say(`| **total** | **${sec(total)}** | **${perArticle(total)}** | **${mb(peak)}** |`);
  const images = build.phases.find((p) => p.name === 'image processing');
  if (images) {
    const withoutImages = total - (images.endMs - images.startMs);
    say(
      `\nWithout image processing: ${sec(withoutImages)}, ${perArticle(withoutImages)} ms/article.`,
    );
  }
  const encodes = Object.entries(build.encodeMsByFormat)
    .map(([format, e]) => `${format} ${e.count} × ${(e.ms / e.count).toFixed(0)} ms`)
    .join(', ');
  say(`Search index: ${build.searchIndexLines.join(' ')}`);
  say(
    `\nPages built: ${build.pagesBuilt}; images encoded: ${build.imagesEncoded}${encodes ? ` (${encodes}; per-image times as Astro logs them, 2 in parallel)` : ''}, reused from cache: ${build.imagesReused}; log: ${build.logFile}`,
  );
  if (build.contentStoreCleared) {
    say('Note: Astro cleared its content store in this run (the Astro config changed meanwhile).');
  }
  return { totalMs: total, peakRssBytes: peak };
}

/**
 * Changes one article's body the way an editor's correction would: the middle one of the
 * list, or one of the newest month (the shard every first search loads).
 */
function editOneArticle(which: 'middle' | 'newest month'): string {
  const list = readFileSync(join(workDir, 'article-list.txt'), 'utf8').trim().split('\n');
  const pick = which === 'middle' ? list[Math.floor(list.length / 2)] : [...list].sort().at(-1)!;
  const file = join(paths.contentDir, pick);
  writeFileSync(
    file,
    readFileSync(file, 'utf8') + '\n(바로잡습니다) 기사 일부 표현을 고쳤습니다.\n',
  );
  return file;
}

async function main() {
  for (const dir of [workDir, trash.dir]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const results: Record<string, unknown> = { options, machine: machine() };
  say(
    `## bench:build — ${N.toLocaleString('en')} articles, ${options.photosPerArticle} photo(s) each (pool ${options.photoPool}), seed ${options.seed}`,
  );
  say(
    `\nMachine: ${machine()}. Command: \`npm run bench:build -- ${process.argv.slice(2).join(' ')}\``,
  );

  const genStart = performance.now();
  const { articles, files } = await writeArchive(paths.contentDir, options);
  writeFileSync(join(workDir, 'article-list.txt'), files.join('\n'));
  say(
    `\nGenerated ${articles} articles in ${sec(performance.now() - genStart)} (${paths.contentDir}).`,
  );

  const cold = await runBuild(paths, 'cold');
  results.cold = { ...cold, ...phaseTable('Cold build (empty caches)', cold) };

  const out = outputStats(paths.outDir);
  const pf = pagefindStats(paths.outDir);
  results.output = out;
  results.pagefind = pf;
  say(
    `\nOutput: ${mb(out.bytes)} in ${out.files.toLocaleString('en')} files (${out.htmlFiles.toLocaleString('en')} HTML; ${out.imageFiles} images, ${mb(out.imageBytes)}).`,
  );
  say(
    `Most article cards on one page: ${out.mostCards.cards} (${out.mostCards.path}); largest HTML page: ${kb(out.largestHtml.bytes)} (${out.largestHtml.path}).`,
  );
  const cache = outputStats(paths.cacheDir);
  const store = join(paths.cacheDir, 'data-store.json');
  results.cache = {
    bytes: cache.bytes,
    dataStoreBytes: existsSync(store) ? statSync(store).size : 0,
  };
  say(
    `CI cache (Astro cacheDir): ${mb(cache.bytes)} in ${cache.files.toLocaleString('en')} files; content data store ${existsSync(store) ? mb(statSync(store).size) : 'chunked'}.`,
  );
  if (pf) {
    say(
      `Search index /pagefind/: ${pf.shards.length} shards (${pf.shards.map((s) => `${s.key}: ${s.articles} articles${s.delta ? ` (${s.delta} in its delta)` : ''}, pf_meta ${kb(s.metaBytes)}`).join('; ')}); ${mb(pf.bytes)} in ${pf.files} files; ${pf.indexChunks} index chunks (largest ${kb(pf.largestChunkBytes)}); ${pf.fragments} fragments.`,
    );
  }

  const queries = benchQueries(Number(values.queries), options.seed);
  if (!values['no-search'] && pf) {
    const search = await benchSearch(paths.outDir, queries);
    results.search = search;
    say(`\n${searchSummary(search)}`);
    const whole = search.wholeArchive;
    say(
      `Whole archive for '${whole.query}' (every shard, after the query above): ${whole.results} results, ${kb(whole.bytes)} more, ${whole.ms.toFixed(0)} ms.`,
    );
    const firstArticle = readFileSync(join(workDir, 'article-list.txt'), 'utf8').split('\n')[0];
    const weight = await measurePageWeight(
      paths.outDir,
      `/articles/${firstArticle.replace(/^articles\//, '').replace(/\.md$/, '')}/`,
    );
    results.pageWeight = weight;
    say(
      `Article page ${weight.path}: ${kb(weight.nonImageBytes)} without photos (${Object.entries(
        weight.byType,
      )
        .map(([t, b]) => `${t} ${kb(b)}`)
        .join(
          ', ',
        )}); photos ${kb(weight.imageBytes)}; LCP ${weight.lcpMs.toFixed(0)} ms (mobile viewport, 4× CPU, 1.6 Mbps/150 ms).`,
    );
  }

  if (!values['no-rebuild']) {
    // The cold target leaves out first-time photo encoding: measured directly by a cold
    // build that finds only the encoded photos (<cacheDir>/assets) in the cache.
    discard(paths.outDir);
    trash.keepPhotosOnly(paths.cacheDir);
    const coldPhotosCached = await runBuild(paths, 'cold-photos-cached');
    results.coldPhotosCached = {
      ...coldPhotosCached,
      ...phaseTable(
        'Cold build, photos already encoded (only <cacheDir>/assets kept)',
        coldPhotosCached,
      ),
    };

    // A CI job restores the cacheDir but starts from an empty output folder.
    discard(paths.outDir);
    const warm = await runBuild(paths, 'warm-unchanged');
    results.warmUnchanged = {
      ...warm,
      ...phaseTable('Warm rebuild, nothing changed (cacheDir kept, output emptied)', warm),
    };

    const edited = editOneArticle('middle');
    discard(paths.outDir);
    const afterEdit = await runBuild(paths, 'warm-one-edit');
    results.warmOneEdit = {
      edited,
      ...afterEdit,
      ...phaseTable(
        `Warm rebuild after editing one article (${edited.replace(workDir, '')})`,
        afterEdit,
      ),
    };
    const coldTotal = (results.cold as { totalMs: number }).totalMs;
    const editTotal = (results.warmOneEdit as { totalMs: number }).totalMs;
    say(
      `\nWarm rebuild after one edit = ${((editTotal / coldTotal) * 100).toFixed(0)}% of the cold build; photos re-encoded: ${afterEdit.imagesEncoded}.`,
    );

    const editedNewest = editOneArticle('newest month');
    discard(paths.outDir);
    const afterNewestEdit = await runBuild(paths, 'warm-newest-edit');
    results.warmNewestEdit = {
      edited: editedNewest,
      ...afterNewestEdit,
      ...phaseTable(
        `Warm rebuild after editing one article of the newest month (${editedNewest.replace(workDir, '')})`,
        afterNewestEdit,
      ),
    };
    const newestTotal = (results.warmNewestEdit as { totalMs: number }).totalMs;
    say(
      `\nWarm rebuild after editing an article of the newest month = ${((newestTotal / coldTotal) * 100).toFixed(0)}% of the cold build.`,
    );
    if (!values['no-search']) {
      // The edit went into the newest shard's delta, which every first search now loads too.
      const search = await benchSearch(paths.outDir, queries);
      results.searchNewestDelta = search;
      say(`\nWith the newest shard's delta: ${searchSummary(search)}`);
    }
  }

  const jsonFile = values.json ?? join(workDir, 'results.json');
  writeFileSync(jsonFile, JSON.stringify(results, null, 2));
  say(`\nFigures: ${jsonFile}; report: ${join(workDir, 'report.md')}`);
  trash.empty();
  if (!values.keep) {
    for (const dir of [paths.contentDir, paths.outDir, paths.cacheDir]) {
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** One line on a search run in Chromium: bytes per query, latency, shards searched. */
function searchSummary(search: SearchBench): string {
  return `Search (${search.queries.length} queries, Chromium, the site's search client): first query downloads ${kb(search.firstQueryBytes)} (${Object.entries(
    search.firstQueryByKind,
  )
    .map(([k, b]) => `${k} ${kb(b)}`)
    .join(
      ', ',
    )}); later queries median ${kb(search.laterQueryBytesMedian)} (index alone ${kb(search.laterQueryIndexBytesMedian)}, the rest is 10 result fragments), max ${kb(search.laterQueryBytesMax)}; search call median ${search.searchMsMedian.toFixed(0)} ms, p95 ${search.searchMsP95.toFixed(0)} ms; with 10 result fragments median ${search.withFragmentsMsMedian.toFixed(0)} ms, p95 ${search.withFragmentsMsP95.toFixed(0)} ms; bundles opened for the first page: median ${quantile(
    search.queries.map((q) => q.bundlesOpened),
    0.5,
  )}, max ${Math.max(...search.queries.map((q) => q.bundlesOpened))}; agreement with searching every bundle ${search.agreementMean.toFixed(2)}.`;
}

function machine() {
  return `${cpus().length} × ${cpus()[0]?.model.trim()}, ${mb(totalmem())} RAM, Node ${process.version}`;
}

await main();
