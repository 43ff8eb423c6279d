/**
 * npm run build:search [-- --dist dist --cache node_modules/.astro/search-index]
 *                       [--shard-capacity 3000] [--chunk-bytes 16000] [--delta-limit 100]
 *
 * Builds the Korean-aware search index after `astro build` (npm run build runs both), as
 * its own process: Astro's memory is gone by then, so the two peaks do not add up. Reads the
 * built article pages (src/lib/search/article-page.ts), makes one Pagefind record per article
 * (record.ts) and writes one Pagefind bundle per shard of months (shards.ts) plus
 * /pagefind/shards.json for the browser.
 *
 * The index itself is built by src/lib/search/pagefind-index.ts, which writes what
 * Pagefind's service would for these records, on a worker thread (search-index-worker.ts)
 * while this one reads and tokenizes the next shard's pages. Pagefind's service took ~45 s
 * of one core at 10,000 articles, mostly compressing files at gzip's best level that the
 * bundle step then unpacked and cut again (index step alone, same machine: 55.9 → 35.9 s,
 * the same files but for the filters' compression).
 *
 * With the cache folder kept between builds (CI keeps node_modules/.astro), a page whose HTML
 * is unchanged is not parsed again, a shard whose records are unchanged is linked from the
 * cache instead of being indexed again, and a shard with a few changed articles keeps its
 * bundle and gets a small delta bundle of just those (src/lib/search/delta.ts): an edit
 * indexes one article, not its shard.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { readArticlePage } from '../src/lib/search/article-page.ts';
import { CHUNK_TARGET_BYTES } from '../src/lib/search/chunks.ts';
import {
  DELTA_HIDDEN_FILE,
  DELTA_LIMIT,
  planDelta,
  type ShardBase,
} from '../src/lib/search/delta.ts';
import {
  buildDirectory,
  bundleKeys,
  DIRECTORY_SUFFIX,
  STATS_FILE,
  type DirectoryManifest,
} from '../src/lib/search/directory.ts';
import { buildSearchRecord, type SearchRecord } from '../src/lib/search/record.ts';
import { countWords, suggestionWords, WORDS_FILE } from '../src/lib/search/suggest.ts';
import {
  SHARD_CAPACITY,
  SHARD_MANIFEST,
  monthOf,
  planShards,
  type ShardManifest,
} from '../src/lib/search/shards.ts';
import type { BundleJob, BundleReply } from './search-index-worker.ts';
import * as pagefind from 'pagefind';
import { pagefindRuntime, runtimeStandIn, type PagefindRuntime } from './pagefind-bundle.ts';

const ROOT = join(import.meta.dirname, '..');
const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');
const log = (line: string) => console.log(`[search-index] ${line}`);

/** Records sent to Pagefind at a time while a shard is read. */
const STREAM_BATCH = 250;

/** Everything that shapes a record or a bundle: the search code, the bundle rewriter and
 * Pagefind's version. */
function codeVersion(): string {
  const dir = join(ROOT, 'src/lib/search');
  const sources = [
    ...readdirSync(dir)
      .sort()
      .map((name) => join(dir, name)),
    join(ROOT, 'scripts/pagefind-bundle.ts'),
  ].map((file) => readFileSync(file, 'utf8'));
  const { version } = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8'),
  );
  return sha1([version, ...sources].join('\0'));
}

/**
 * Built article pages by month. An article's folder is its KST year and month (the checker
 * and the build enforce it), so shards can be planned before any page is read.
 */
function articlePagesByMonth(dist: string): Map<string, string[]> {
  const root = join(dist, 'articles');
  const byMonth = new Map<string, string[]>();
  if (!existsSync(root)) return byMonth;
  const pages = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('index.html'))
    .sort();
  for (const path of pages) {
    const [year, month] = path.split(sep);
    const key = `${year}-${month}`;
    const list = byMonth.get(key);
    if (list) list.push(join(root, path));
    else byMonth.set(key, [join(root, path)]);
  }
  return byMonth;
}

/** The KST day a record was published on (record.ts stores it as a filter). */
const recordDate = (record: SearchRecord) => record.filters.published[0];

/** The base bundle a shard's delta may be laid over (bases/<shard key>.json), if it is still
 * in the cache and was made by this code. */
function readBase(file: string, version: string, bundles: string): ShardBase | undefined {
  if (!existsSync(file)) return undefined;
  const saved: ShardBase & { version: string } = JSON.parse(readFileSync(file, 'utf8'));
  if (saved.version !== version || !existsSync(join(bundles, saved.bundle))) return undefined;
  return saved;
}

/** A shard's records of the previous build, by page HTML hash (records/<shard key>.json). */
function readRecordCache(file: string, version: string): Map<string, SearchRecord> {
  if (!existsSync(file)) return new Map();
  const cached: { version: string; records: [string, SearchRecord][] } = JSON.parse(
    readFileSync(file, 'utf8'),
  );
  return new Map(cached.version === version ? cached.records : []);
}

async function buildSearchIndex({
  dist,
  cacheDir,
  shardCapacity,
  chunkBytes,
  deltaLimit,
}: {
  dist: string;
  cacheDir: string;
  shardCapacity: number;
  chunkBytes: number;
  deltaLimit: number;
}) {
  const started = performance.now();
  const version = codeVersion();
  const recordsDir = join(cacheDir, 'records');
  const bundles = join(cacheDir, 'bundles');
  const basesDir = join(cacheDir, 'bases');
  for (const dir of [recordsDir, bundles, basesDir]) mkdirSync(dir, { recursive: true });
  const pagesByMonth = articlePagesByMonth(dist);
  const shards = planShards(
    [...pagesByMonth].map(([month, pages]) => ({ month, articles: pages.length })),
    shardCapacity,
  );
  const out = join(dist, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const writer = bundleWriter(chunkBytes);
  // Output folder under /pagefind/ → bundle folder in the cache.
  const used = new Map<string, string>();
  let articles = 0;
  let parsed = 0;
  let indexed = 0;
  let deltas = 0;
  // Delta folder under /pagefind/ → the shard's page ids it hides (DELTA_HIDDEN_FILE).
  const hiddenPages = new Map<string, string[]>();
  /** Headline words, reporters and sections, for "이런 검색어는 어떠세요" (suggest.ts). */
  const wordCounts = new Map<string, number>();
  for (const shard of shards) {
    const cacheFile = join(recordsDir, `${shard.key}.json`);
    const cached = readRecordCache(cacheFile, version);
    const baseFile = join(basesDir, `${shard.key}.json`);
    const base = readBase(baseFile, version + chunkBytes, bundles);
    // Nothing of this shard is cached, so it is indexed whole: its records go to Pagefind
    // while the rest of its pages are read, instead of after them.
    const streamed = cached.size === 0 && !base;
    let unsent: SearchRecord[] = [];
    const records: [string, SearchRecord][] = [];
    const problems: string[] = [];
    let parsedHere = 0;
    const months = [...pagesByMonth.keys()].filter((m) => shard.from <= m && m <= shard.to);
    for (const file of months.flatMap((month) => pagesByMonth.get(month)!)) {
      // Hashed as bytes and decoded only when parsed: most pages are unchanged.
      const bytes = readFileSync(file);
      const hash = sha1(bytes);
      let record = cached.get(hash);
      if (!record) {
        const article = readArticlePage(bytes.toString('utf8'));
        if (article === undefined) continue;
        if (typeof article === 'string') {
          problems.push(article);
          continue;
        }
        record = buildSearchRecord(article);
        parsedHere++;
      }
      if (!months.includes(monthOf(recordDate(record)))) {
        problems.push(`${file}: 입력 날짜 ${recordDate(record)}가 폴더의 달과 다릅니다`);
      }
      records.push([hash, record]);
      if (streamed && unsent.push(record) === STREAM_BATCH) {
        writer.add(unsent);
        unsent = [];
        // Lets the workers' replies in.
        await yieldToEvents();
      }
    }
    if (problems.length) throw new Error(`검색 색인 오류:\n${problems.join('\n')}`);
    articles += records.length;
    const members = records.map(([, record]) => record);
    for (const record of members) countWords(record, wordCounts);
    // Pages are read in path order, so a shard's records (and its digest) are deterministic.
    const name = `${shard.key}-${sha1(version + chunkBytes + JSON.stringify(members))}`;
    // Not needed for a shard that is unchanged, most of them in a warm build; computed once
    // for a shard whose delta is planned and then found too large.
    let digests: Map<string, string> | undefined;
    const digestsOf = () =>
      (digests ??= new Map(members.map((record) => [record.url, sha1(JSON.stringify(record))])));
    /** Indexes the shard whole; its page ids are kept as the base of later deltas. */
    const indexWhole = async (sent: SearchRecord[]) => {
      used.set(shard.key, name);
      writer.add(sent);
      await writer.close(join(bundles, name), (pages) =>
        writeFileSync(
          baseFile,
          JSON.stringify({
            version: version + chunkBytes,
            bundle: name,
            digests: Object.fromEntries(digestsOf()),
            pages,
          } satisfies ShardBase & { version: string }),
        ),
      );
      indexed++;
    };
    if (streamed) await indexWhole(unsent);
    else if (existsSync(join(bundles, name))) {
      // Unchanged since it was indexed whole (or changed back): nothing to plan.
      used.set(shard.key, name);
    } else {
      const delta = base && planDelta(base, digestsOf(), deltaLimit);
      if (!delta) await indexWhole(members);
      else {
        const changed = new Set(delta.changed);
        const changedRecords = members.filter((record) => changed.has(record.url));
        const deltaName = `${shard.key}-delta-${sha1(base.bundle + JSON.stringify(changedRecords))}`;
        shard.delta = { key: `${shard.key}-delta`, articles: changedRecords.length };
        hiddenPages.set(shard.delta.key, delta.hidden);
        used.set(shard.key, base.bundle);
        used.set(shard.delta.key, deltaName);
        if (!existsSync(join(bundles, deltaName))) {
          writer.add(changedRecords);
          await writer.close(join(bundles, deltaName));
          deltas++;
        }
      }
    }
    // Rewritten only when a record changed or a page went away.
    if (parsedHere > 0 || cached.size !== records.length) {
      writeFileSync(cacheFile, JSON.stringify({ version, records }));
    }
    parsed += parsedHere;
  }
  await writer.done();
  // Only the newest shard's own bundle carries Pagefind's WebAssembly into the output: the
  // browser creates its instance first, and every other instance of the page runs that
  // module (pagefind-bundle.ts), so each other bundle's 54 KB would be downloaded unused.
  for (const [key, name] of used) {
    linkTree(join(bundles, name), join(out, key), key !== shards[0].key);
  }
  for (const [key, hidden] of hiddenPages) {
    writeFileSync(join(out, key, DELTA_HIDDEN_FILE), JSON.stringify(hidden));
  }
  const directory = writeDirectory(
    bundleKeys(shards).map((key) => join(bundles, used.get(key)!)),
    out,
  );
  const manifest: ShardManifest = { version: 1, shards, directory };
  writeFileSync(join(out, SHARD_MANIFEST), JSON.stringify(manifest));
  writeFileSync(join(out, WORDS_FILE), JSON.stringify(suggestionWords(wordCounts)));

  // Keep only what this build used: the cache stays the size of one archive.
  const names = new Set(used.values());
  for (const name of readdirSync(bundles)) {
    if (!names.has(name)) rmSync(join(bundles, name), { recursive: true, force: true });
  }
  for (const dir of [recordsDir, basesDir]) {
    for (const name of readdirSync(dir)) {
      if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name));
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `기사 ${articles}건 (새로 읽음 ${parsed}), 묶음 ${shards.length}개 (새로 색인 ${indexed}, 변경분 색인 ${deltas}) → ${out} (${seconds}초)`,
  );
}

/**
 * Writes the archive-wide directory (directory.ts) from each bundle's stats, in bundle
 * number order, as gzip files under /pagefind/directory/<digest>/: a new build's directory
 * gets a new folder, so a browser never mixes a new shards.json with old directory files.
 */
function writeDirectory(bundleDirs: string[], out: string): DirectoryManifest {
  const aside = join(out, 'directory', `.partial-${process.pid}`);
  mkdirSync(aside, { recursive: true });
  const digests: string[] = [];
  const chunks = buildDirectory(
    bundleDirs.length,
    (n) => JSON.parse(readFileSync(join(bundleDirs[n], STATS_FILE), 'utf8')),
    (file, chunk) => {
      const packed = gzipSync(JSON.stringify(chunk));
      digests[file] = sha1(packed);
      writeFileSync(join(aside, `${file}${DIRECTORY_SUFFIX}`), packed);
    },
  );
  const path = `directory/${sha1(digests.join('')).slice(0, 12)}`;
  renameSync(aside, join(out, path));
  return { path, chunks };
}

/**
 * Puts a cached bundle into the output as hard links: copying the 11,000 files of a
 * 10,000-article index took 5.9 s of a 9.9 s unchanged rebuild. Nothing writes to a bundle
 * once it is cached (pagefind-bundle.ts finishes it first), and the output folder is
 * deleted, not edited, by the next build. Copies where links cannot be made (another disk).
 * A bundle that `borrowsRuntime` gets a stand-in for its WebAssembly instead.
 */
function linkTree(from: string, to: string, borrowsRuntime: boolean) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    // Pagefind's WebAssembly sits at the top of a bundle, not in its chunk folders.
    if (entry.isDirectory()) {
      linkTree(source, target, false);
      continue;
    }
    // The directory's numbers are merged into its own files, not published per bundle.
    if (entry.name === STATS_FILE) continue;
    const standIn = borrowsRuntime ? runtimeStandIn(entry.name) : undefined;
    if (standIn) writeFileSync(target, standIn);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Index workers: each builds a shard, so both cores index while this thread reads (10,000
 * articles, index step alone, three runs alternating: 37.5 / 41.4 / 46.6 s with one worker,
 * 32.2 / 33.2 / 34.3 s with two; peak 1.1–1.3 → 1.6–1.8 GB). */
const INDEX_WORKERS = 2;

/** One index worker (search-index-worker.ts): it takes its bundles' records in order and
 * replies to each `close` in order. */
function indexWorker(chunkBytes: number, runtime: Promise<PagefindRuntime>) {
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), {
    workerData: { chunkBytes },
  });
  const waiting: ((reply: BundleReply) => void)[] = [];
  // Once the worker has died, or has no runtime to write bundles with, every bundle still
  // asked for gets the error instead of a wait.
  let failure: BundleReply | undefined;
  const fail = (error: Error) => {
    failure = { problems: [error.message] };
    for (const reply of waiting.splice(0)) reply(failure);
  };
  runtime.then(
    (files) => worker.postMessage({ type: 'runtime', runtime: files } satisfies BundleJob),
    fail,
  );
  worker.on('message', (reply: BundleReply) => waiting.shift()!(reply));
  worker.on('error', fail);
  return {
    add(records: SearchRecord[]) {
      worker.postMessage({ type: 'records', records } satisfies BundleJob);
    },
    close(dir: string): Promise<BundleReply> {
      worker.postMessage({ type: 'close', dir } satisfies BundleJob);
      return new Promise((resolve) => (failure ? resolve(failure) : waiting.push(resolve)));
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * Sends each bundle's records to an index worker, taking turns, and has it indexed,
 * finished and written there while this thread reads the next shard's pages. `close`
 * returns once no more than one bundle per worker waits to be written, so the next shard's
 * records are ready when a worker is.
 */
function bundleWriter(chunkBytes: number) {
  // Started with the first bundle: an unchanged build indexes nothing and needs neither
  // (unchanged 10,000-article build, index step alone, 3 runs alternating:
  // 3.11 / 3.50 / 3.05 s → 3.17 / 2.94 / 2.57 s, user CPU 2.6–2.8 → 1.9–2.2 s).
  let started:
    { runtime: Promise<PagefindRuntime>; workers: ReturnType<typeof indexWorker>[] } | undefined;
  const start = () => {
    if (started) return started;
    // Pagefind's runtime files, from Pagefind itself, once for every bundle.
    const runtime = pagefindRuntime().finally(() => pagefind.close());
    const workers = Array.from({ length: INDEX_WORKERS }, () => indexWorker(chunkBytes, runtime));
    return (started = { runtime, workers });
  };
  let turn = 0;
  const problems: string[] = [];
  const pending: Promise<void>[] = [];
  return {
    add(records: SearchRecord[]) {
      if (records.length > 0) start().workers[turn].add(records);
    },
    /** Ends the bundle being added to and has it written to `dir`; `onWritten` gets its
     * page ids once it is written without errors. */
    async close(dir: string, onWritten?: (pages: Record<string, string>) => void) {
      const { workers } = start();
      const written = workers[turn].close(dir).then((reply) => {
        problems.push(...reply.problems);
        if (reply.pages) onWritten?.(reply.pages);
      });
      pending.push(written);
      turn = (turn + 1) % workers.length;
      if (pending.length > workers.length) await pending.shift();
    },
    async done() {
      await Promise.all(pending);
      // A runtime that failed is reported by every bundle's reply.
      if (started) {
        await started.runtime.catch(() => {});
        await Promise.all(started.workers.map((w) => w.terminate()));
      }
      if (problems.length) throw new Error(`검색 색인 오류:\n${problems.join('\n')}`);
    },
  };
}

{
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: join(ROOT, 'dist') },
      cache: { type: 'string', default: join(ROOT, 'node_modules/.astro/search-index') },
      'shard-capacity': { type: 'string', default: String(SHARD_CAPACITY) },
      'chunk-bytes': { type: 'string', default: String(CHUNK_TARGET_BYTES) },
      'delta-limit': { type: 'string', default: String(DELTA_LIMIT) },
    },
  });
  log('시작');
  await buildSearchIndex({
    dist: values.dist!,
    cacheDir: values.cache!,
    shardCapacity: Number(values['shard-capacity']),
    chunkBytes: Number(values['chunk-bytes']),
    deltaLimit: Number(values['delta-limit']),
  });
}
