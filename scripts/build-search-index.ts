/**
 * npm run build:search [-- --dist dist --cache node_modules/.astro/search-index]
 *                       [--shard-capacity 5000]
 *
 * Builds the Korean-aware search index after `astro build` (npm run build runs both), as
 * its own process: Astro's memory is gone by then, so the two peaks do not add up. Reads the
 * built article pages (src/lib/search/article-page.ts), makes one Pagefind record per article
 * (record.ts) and writes one Pagefind bundle per shard of months (shards.ts) plus
 * /pagefind/shards.json for the browser.
 *
 * With the cache folder kept between builds (CI keeps node_modules/.astro), a page whose HTML
 * is unchanged is not parsed again, and a shard whose records are unchanged is copied from
 * the cache instead of being indexed again: an edit re-indexes one shard, not the archive.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { readArticlePage } from '../src/lib/search/article-page.ts';
import { buildSearchRecord, type SearchRecord } from '../src/lib/search/record.ts';
import {
  SHARD_CAPACITY,
  SHARD_MANIFEST,
  countMonths,
  monthOf,
  planShards,
  shardFor,
  type ShardManifest,
} from '../src/lib/search/shards.ts';
import type { BundleJob } from './search-index-worker.ts';

const ROOT = join(import.meta.dirname, '..');
const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');
const log = (line: string) => console.log(`[search-index] ${line}`);

/** Everything that shapes a record or a bundle: the search code and Pagefind's version. */
function codeVersion(): string {
  const dir = join(ROOT, 'src/lib/search');
  const sources = readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
  const { version } = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8'),
  );
  return sha1([version, ...sources].join('\0'));
}

function articlePages(dist: string): string[] {
  const root = join(dist, 'articles');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('index.html'))
    .sort()
    .map((path) => join(root, path));
}

/** The KST day a record was published on (record.ts stores it as a filter). */
const recordDate = (record: SearchRecord) => record.filters.published[0];

interface RecordCache {
  /** Page HTML hash → record, from the previous build. */
  records: Map<string, SearchRecord>;
  file: string;
}

function readRecordCache(cacheDir: string, version: string): RecordCache {
  const file = join(cacheDir, `records-${version}.json`);
  const records = new Map<string, SearchRecord>();
  if (existsSync(file)) {
    for (const [hash, record] of JSON.parse(readFileSync(file, 'utf8'))) records.set(hash, record);
  }
  return { records, file };
}

async function buildSearchIndex({
  dist,
  cacheDir,
  shardCapacity,
}: {
  dist: string;
  cacheDir: string;
  shardCapacity: number;
}) {
  const started = performance.now();
  const version = codeVersion();
  mkdirSync(cacheDir, { recursive: true });
  const cache = readRecordCache(cacheDir, version);
  const problems: string[] = [];
  const records: { hash: string; record: SearchRecord }[] = [];
  let parsed = 0;
  for (const file of articlePages(dist)) {
    const html = readFileSync(file, 'utf8');
    const hash = sha1(html);
    let record = cache.records.get(hash);
    if (!record) {
      const article = readArticlePage(html);
      if (article === undefined) continue;
      if (typeof article === 'string') {
        problems.push(article);
        continue;
      }
      record = buildSearchRecord(article);
      parsed++;
    }
    records.push({ hash, record });
  }
  if (problems.length) throw new Error(`검색 색인 오류:\n${problems.join('\n')}`);

  const out = join(dist, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const months = countMonths(records.map((r) => recordDate(r.record)));
  const shards = planShards(months, shardCapacity);
  const membersOf = new Map(shards.map((shard) => [shard.key, [] as SearchRecord[]]));
  const shardOfMonth = new Map(months.map(({ month }) => [month, shardFor(shards, month)!.key]));
  for (const { record } of records) {
    membersOf.get(shardOfMonth.get(monthOf(recordDate(record)))!)!.push(record);
  }
  const bundles = join(cacheDir, 'bundles');
  const used = new Map<string, string>();
  const missing: { members: SearchRecord[]; cached: string }[] = [];
  for (const shard of shards) {
    // Pages are read in path order, so a shard's records (and its digest) are deterministic.
    const members = membersOf.get(shard.key)!;
    const name = `${shard.key}-${sha1(version + JSON.stringify(members))}`;
    used.set(shard.key, name);
    if (!existsSync(join(bundles, name))) missing.push({ members, cached: join(bundles, name) });
  }
  await writeBundles(
    missing.map(({ members, cached }) => ({ records: members, outputPath: cached })),
  );
  for (const [key, name] of used) cpSync(join(bundles, name), join(out, key), { recursive: true });
  const manifest: ShardManifest = { version: 1, shards };
  writeFileSync(join(out, SHARD_MANIFEST), JSON.stringify(manifest));

  // Keep only what this build used: the cache stays the size of one archive.
  if (existsSync(bundles)) {
    for (const name of readdirSync(bundles)) {
      if (![...used.values()].includes(name))
        rmSync(join(bundles, name), { recursive: true, force: true });
    }
  }
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('records-')) rmSync(join(cacheDir, name));
  }
  writeFileSync(cache.file, JSON.stringify(records.map((r) => [r.hash, r.record])));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `기사 ${records.length}건 (새로 읽음 ${parsed}), 묶음 ${shards.length}개 (새로 색인 ${missing.length}) → ${out} (${seconds}초)`,
  );
}

/**
 * Pagefind indexes on one core: two worker threads, each with its own Pagefind service, write
 * two shards at a time (two shards of SHARD_CAPACITY articles stay well within the memory of
 * a 2-core build machine).
 */
async function writeBundles(jobs: BundleJob[], threads = 2) {
  const queue = [...jobs];
  const problems: string[] = [];
  const runWorker = async () => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url));
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        worker.postMessage(job);
        problems.push(...(await once(worker, 'message'))[0]);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, runWorker));
  if (problems.length) throw new Error(`검색 색인 오류:\n${problems.join('\n')}`);
}

{
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: join(ROOT, 'dist') },
      cache: { type: 'string', default: join(ROOT, 'node_modules/.astro/search-index') },
      'shard-capacity': { type: 'string', default: String(SHARD_CAPACITY) },
    },
  });
  log('시작');
  await buildSearchIndex({
    dist: values.dist!,
    cacheDir: values.cache!,
    shardCapacity: Number(values['shard-capacity']),
  });
}
