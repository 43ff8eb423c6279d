/**
 * The browser side of search: loads Pagefind's runtime and the index shards from /pagefind/
 * (written by scripts/build-search-index.ts after the site build, so they are not part of the
 * Vite bundle) and turns hits into what a result shows. Headline and excerpt come from the
 * readable text; the index-only forms in meta never reach the page.
 */
import {
  RANKING,
  searchArticles,
  type DateRange,
  type Hit,
  type PagefindApi,
  type SortOrder,
} from '../../lib/search/engine.ts';
import { SPANS_FILE, type ChunkSpan } from '../../lib/search/chunks.ts';
import {
  bucketEntries,
  bundleKeys,
  chunkOf,
  DIRECTORY_SUFFIX,
  termBucket,
  type DirectoryChunk,
} from '../../lib/search/directory.ts';
import {
  bundleBounds,
  planBuckets,
  MAX_RANKED_BUNDLES,
  nextBundle,
  unmatchedWords,
} from '../../lib/search/relevance.ts';
import { DELTA_HIDDEN_FILE } from '../../lib/search/delta.ts';
import { completions, nearestWords, WORDS_FILE } from '../../lib/search/suggest.ts';
import { excerptParts, highlightText, type TextPart } from '../../lib/search/highlight.ts';
import { planQuery, type QueryPlan } from '../../lib/search/query.ts';
import {
  SHARD_MANIFEST,
  shardsForYear,
  type Shard,
  type ShardManifest,
} from '../../lib/search/shards.ts';

export interface ResultView {
  url: string;
  title: TextPart[];
  section: string;
  /** KST calendar day, YYYY-MM-DD. */
  dateIso: string;
  dateText: string;
  thumbnail?: string;
  reporters: string[];
  excerpt: TextPart[];
}

export interface SearchFilters {
  section?: string;
  year?: string;
  reporter?: string;
}

interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindApi & {
    options(options: object): Promise<void>;
  };
}

interface ShardIndex {
  pagefind: PagefindApi;
  spans: ChunkSpan[];
  /** The shard's page ids for each value of the counted filters, read once (facets). */
  facets(): Promise<Facets>;
}

/** The filters whose result counts the search page shows beside their choices. */
export const COUNTED_FILTERS = ['section', 'year'] as const;
type Facets = Map<string, Map<string, ReadonlySet<string>>>;

/** Page ids by filter value, from the index's filters (no fragment is downloaded). */
async function readFacets(pagefind: PagefindApi): Promise<Facets> {
  const all = await pagefind.filters();
  const facets: Facets = new Map();
  for (const name of COUNTED_FILTERS) {
    const byValue = new Map<string, ReadonlySet<string>>();
    for (const value of Object.keys(all[name] ?? {})) {
      const found = await pagefind.search(null, { filters: { [name]: value } });
      byValue.set(value, new Set((found?.results ?? []).map((r) => r.id)));
    }
    facets.set(name, byValue);
  }
  return facets;
}

interface SearchIndex {
  shards: Shard[];
  /** A directory file (directory.ts), loaded once; undefined when the index has none. */
  directoryChunk?: (bucket: string) => Promise<DirectoryChunk>;
  /** One Pagefind instance per bundle folder, created when it is first searched. */
  instance(key: string): Promise<ShardIndex>;
  /** Whether a bundle's instance exists or will anyway (the newest shard's, which every
   * page loads for Pagefind's WebAssembly). */
  isOpen(key: string): boolean;
  /** The page ids a delta hides in its shard's bundle (delta.ts). */
  hidden(deltaKey: string): Promise<ReadonlySet<string>>;
}

/** A bundle to search: a shard's own, or its delta of changed articles (delta.ts). */
interface Target {
  key: string;
  shard: Shard;
  /** The delta whose hidden pages this bundle's results leave out. */
  hiddenBy?: string;
}

/** A shard's delta first (its articles are newer versions), then the shard without them. */
const targetsOf = (shard: Shard): Target[] =>
  shard.delta
    ? [
        { key: shard.delta.key, shard },
        { key: shard.key, shard, hiddenBy: shard.delta.key },
      ]
    : [{ key: shard.key, shard }];

const fetchJson = (url: string) => fetch(url).then((r) => (r.ok ? r.json() : Promise.reject()));

/** A gzip'd JSON file; also when the server already unpacked it (Content-Encoding). */
async function fetchGzipJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text());
}

const BASE = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/`;
const LOAD_ERROR = '검색 색인을 불러오지 못했습니다. 잠시 뒤 다시 시도해 주세요.';
let loading: Promise<SearchIndex> | undefined;

/**
 * Reads the shard list (written by scripts/build-search-index.ts) and Pagefind's runtime
 * from the newest shard; rejects with a Korean message when the index is missing.
 */
function loadIndex(): Promise<SearchIndex> {
  loading ??= (async () => {
    try {
      const manifest: ShardManifest = await (await fetch(BASE + SHARD_MANIFEST)).json();
      const newest = manifest.shards[0];
      const pagefind: PagefindModule = await import(
        /* @vite-ignore */ `${BASE}${newest.key}/pagefind.js`
      );
      const instances = new Map<string, Promise<ShardIndex>>();
      const hiddenSets = new Map<string, Promise<ReadonlySet<string>>>();
      // Only the newest shard's bundle has Pagefind's WebAssembly (the others a stand-in,
      // scripts/build-search-index.ts): its instance, created first, loads the module every
      // instance of the page runs.
      const instance = (key: string): Promise<ShardIndex> => {
        let pending = instances.get(key);
        if (!pending) {
          const basePath = `${BASE}${key}/`;
          const runtime = key === newest.key ? undefined : instance(newest.key);
          const ready = Promise.resolve(runtime).then(async () => {
            const created = pagefind.createInstance({ basePath });
            // Resolves once the instance has loaded its index and the WebAssembly.
            await created.options({ ranking: RANKING });
            return created;
          });
          pending = Promise.all([ready, fetchJson(basePath + SPANS_FILE)]).then(
            ([pagefind, spans]: [PagefindApi, ChunkSpan[]]) => {
              let facets: Promise<Facets> | undefined;
              return { pagefind, spans, facets: () => (facets ??= readFacets(pagefind)) };
            },
          );
          instances.set(key, pending);
        }
        return pending;
      };
      const directory = manifest.directory;
      const directoryFiles = new Map<number, Promise<DirectoryChunk>>();
      const directoryChunk = (bucket: string) => {
        const n = chunkOf(bucket, directory!.chunks);
        let pending = directoryFiles.get(n);
        if (!pending) {
          pending = fetchGzipJson(`${BASE}${directory!.path}/${n}${DIRECTORY_SUFFIX}`);
          pending.catch(() => directoryFiles.delete(n));
          directoryFiles.set(n, pending);
        }
        return pending;
      };
      return {
        shards: manifest.shards,
        directoryChunk: directory && directoryChunk,
        instance,
        isOpen: (key) => key === newest.key || instances.has(key),
        hidden(deltaKey) {
          let pending = hiddenSets.get(deltaKey);
          if (!pending) {
            pending = fetchJson(`${BASE}${deltaKey}/${DELTA_HIDDEN_FILE}`).then(
              (ids: string[]) => new Set(ids),
            );
            hiddenSets.set(deltaKey, pending);
          }
          return pending;
        },
      };
    } catch {
      loading = undefined;
      throw new Error(LOAD_ERROR);
    }
  })();
  return loading;
}

export interface SearchProgress {
  plan: QueryPlan;
  /** Hits so far: on 정확도순 best first, otherwise newer (older) shards first, each shard's
   * hits in the requested order. */
  hits: Hit[];
  /** How many of `hits` are in their final place; the rest may still be outranked by
   * bundles not yet searched (정확도순). */
  ranked: number;
  /** Ranked across the whole archive (정확도순 with the directory), not shard by shard. */
  archiveWide: boolean;
  /** The first month (YYYY-MM) of the oldest shard searched so far. */
  searchedFrom: string;
  /** Every shard that can match has been searched. */
  done: boolean;
  /** Searches older shards until `wanted` more hits are found or none is left. */
  more(wanted: number): Promise<SearchProgress>;
  /** The Hangul a Latin-mode query was read as, when its results are shown (qwerty.ts). */
  reading?: string;
  /** How many of the hits so far have each section and year. */
  counts(): Promise<Record<string, Record<string, number>>>;
}

export interface SearchOptions {
  filters?: SearchFilters;
  dates?: DateRange;
  sort?: SortOrder;
  wanted?: number;
  /** The IME is composing the query's last syllable (the header box while typing). */
  composing?: boolean;
  /** Search the query as typed only, not its Hangul reading (the reader asked for it). */
  asTyped?: boolean;
  /** Most bundles one call opens on 정확도순 (MAX_RANKED_BUNDLES). */
  maxBundles?: number;
  /** false: 정확도순 newest shard first, as before the directory (for the benchmark). */
  archiveWide?: boolean;
}

/**
 * Searches the newest shard first and older shards only until `wanted` hits are found: a
 * reader's first results cost one shard's download, whatever the size of the archive. A
 * year filter skips the shards that cannot hold that year.
 */
export async function runSearch(
  query: string,
  options: SearchOptions = {},
): Promise<SearchProgress> {
  const search = (text: string) => searchShards(text, options);
  // The Latin-mode reading (and es-hangul's converter) only for a query with Latin letters.
  if (options.asTyped || !/[a-z]/i.test(query)) return search(query);
  const { withHangulReading } = await import('../../lib/search/qwerty.ts');
  const { outcome, reading } = await withHangulReading(query, search);
  return reading ? { ...outcome, reading } : outcome;
}

/** A shard's months [from, to] overlap the range's days. */
const overlaps = (shard: Shard, dates: DateRange) =>
  (!dates.from || shard.to >= dates.from.slice(0, 7)) &&
  (!dates.to || shard.from <= dates.to.slice(0, 7));

async function searchShards(query: string, options: SearchOptions): Promise<SearchProgress> {
  const index = await loadIndex();
  const filters = Object.fromEntries(
    Object.entries(options.filters ?? {}).filter(([, v]) => v),
  ) as Record<string, string>;
  const dates = options.dates ?? {};
  const byYear = filters.year ? shardsForYear(index.shards, filters.year) : index.shards;
  const shards = byYear.filter((shard) => overlaps(shard, dates));
  // 오래된순 reads the oldest shard first, as 최신순 and 정확도순 read the newest.
  if (options.sort === 'oldest') shards.reverse();
  if (options.sort !== 'newest' && options.sort !== 'oldest' && options.archiveWide !== false) {
    const ranked = await searchRanked(query, options, index, filters, dates, shards);
    if (ranked) return ranked;
  }
  const queue = shards.flatMap(targetsOf);
  const hits: Hit[] = [];
  /** Each bundle's hits, to count them against that bundle's facets. */
  const found: { index: ShardIndex; ids: string[] }[] = [];
  let plan = planQuery(query);
  let searchedFrom = queue[0]?.shard.from ?? '';

  const more = async (wanted: number): Promise<SearchProgress> => {
    const goal = hits.length + wanted;
    while (queue.length > 0 && hits.length < goal) {
      const target = queue.shift()!;
      const [shardIndex, hidden] = await Promise.all([
        index.instance(target.key),
        target.hiddenBy ? index.hidden(target.hiddenBy) : undefined,
      ]).catch(() => Promise.reject(new Error(LOAD_ERROR)));
      const { pagefind, spans } = shardIndex;
      const outcome = await searchArticles(pagefind, query, {
        filters,
        dates,
        sort: options.sort,
        spans,
        composing: options.composing,
      });
      plan = outcome.plan;
      const kept = outcome.hits.filter((hit) => !hidden?.has(hit.id));
      // A loop, not push(...kept): a shard can give thousands (spread arguments overflow).
      for (const hit of kept) hits.push(hit);
      found.push({ index: shardIndex, ids: kept.map((hit) => hit.id) });
      // A shard counts as searched once its own bundle is, not just its delta.
      if (!target.shard.delta || target.hiddenBy) searchedFrom = target.shard.from;
      // A query with no searchable word matches nothing in any shard.
      if (plan.words.length === 0) queue.length = 0;
    }
    const done = queue.length === 0;
    return {
      plan,
      hits,
      ranked: hits.length,
      archiveWide: false,
      searchedFrom,
      done,
      more,
      counts,
    };
  };
  const counts = () => countFound(found);
  return more(options.wanted ?? 10);
}

/** How many of the hits so far have each section and year. */
async function countFound(found: { index: ShardIndex; ids: string[] }[]) {
  const totals: Record<string, Record<string, number>> = {};
  for (const { index, ids } of found) {
    for (const [name, byValue] of await index.facets()) {
      totals[name] ??= {};
      for (const [value, pages] of byValue) {
        const n = ids.filter((id) => pages.has(id)).length;
        totals[name][value] = (totals[name][value] ?? 0) + n;
      }
    }
  }
  return totals;
}

/**
 * 정확도순 across the archive (relevance.ts): opens the bundles where every query word can
 * match, highest bound first, scores each on the archive's scale, and stops when the results
 * it has beat every bundle left. Undefined when the index has no directory or the query a
 * term no bucket holds (a lone consonant): the caller then searches newest first.
 */
async function searchRanked(
  query: string,
  options: SearchOptions,
  index: SearchIndex,
  filters: Record<string, string>,
  dates: DateRange,
  shards: Shard[],
): Promise<SearchProgress | undefined> {
  const plan = planQuery(query, { composing: options.composing });
  const directoryChunk = index.directoryChunk;
  if (!directoryChunk || plan.words.length === 0) return undefined;
  const entries = new Map<string, ReturnType<typeof bucketEntries>>();
  /** Looks the buckets up; false when a term has none or a file cannot be loaded. */
  const lookUp = async (buckets: string[] | undefined) => {
    if (!buckets) return false;
    const wanted = buckets.filter((b) => !entries.has(b));
    const chunks = await Promise.all(wanted.map((b) => directoryChunk(b))).catch(() => undefined);
    if (!chunks) return false;
    wanted.forEach((b, i) => entries.set(b, bucketEntries(chunks[i], b)));
    return true;
  };
  // Asked for every term of every bundle considered and searched: each term's bucket once.
  const buckets = new Map<string, string>();
  const entriesOf = (term: string) => {
    let bucket = buckets.get(term);
    if (bucket === undefined) buckets.set(term, (bucket = termBucket(term) ?? ''));
    return entries.get(bucket);
  };
  if (!(await lookUp(planBuckets(plan)))) return undefined;
  // A word that matches nowhere as typed: its fallbacks (닥갈 → 닭갈비) are looked up too.
  const unmatched = unmatchedWords(plan, entriesOf);
  if (unmatched.size > 0 && !(await lookUp(planBuckets(plan, unmatched)))) return undefined;
  const numbers = new Map(bundleKeys(index.shards).map((key, n) => [key, n]));
  const targets = new Map(
    shards.flatMap(targetsOf).map((target) => [numbers.get(target.key)!, target]),
  );
  const queue = bundleBounds(plan, entriesOf, targets.keys());
  const final: Hit[] = [];
  let pool: Hit[] = [];
  const found: { index: ShardIndex; ids: string[] }[] = [];

  const isOpen = (n: number) => index.isOpen(targets.get(n)!.key);
  const more = async (wanted: number): Promise<SearchProgress> => {
    // Without a cap (a test's or the benchmark's reference), the exact top results.
    const cap = options.maxBundles ?? MAX_RANKED_BUNDLES;
    let searched = 0;
    for (;;) {
      const next = nextBundle(queue, {
        scores: pool.map((hit) => hit.score),
        wanted,
        isOpen,
        searched,
        cap,
      });
      if (next < 0) break;
      // Taken out of the queue, which stays in bound order.
      const { bundle } = queue.splice(next, 1)[0];
      searched++;
      const target = targets.get(bundle)!;
      const [shardIndex, hidden] = await Promise.all([
        index.instance(target.key),
        target.hiddenBy ? index.hidden(target.hiddenBy) : undefined,
      ]).catch(() => Promise.reject(new Error(LOAD_ERROR)));
      const outcome = await searchArticles(shardIndex.pagefind, query, {
        filters,
        dates,
        spans: shardIndex.spans,
        composing: options.composing,
        scale: (term) => entriesOf(term)?.get(bundle)?.scale ?? 1,
      });
      const kept = outcome.hits.filter((hit) => !hidden?.has(hit.id));
      found.push({ index: shardIndex, ids: kept.map((hit) => hit.id) });
      pool = [...pool, ...kept].sort((a, b) => b.score - a.score);
    }
    // Shown results keep their places; past the cap the best of what was opened is shown.
    const done = queue.length === 0;
    // Not push(...): every match of a common word across the archive is ~100,000 hits.
    for (const hit of pool.splice(0, done ? pool.length : wanted)) final.push(hit);
    return {
      plan,
      hits: [...final, ...pool],
      ranked: final.length,
      archiveWide: true,
      searchedFrom: shards.at(-1)?.from ?? '',
      done: done && pool.length === 0,
      more,
      counts: () => countFound(found),
    };
  };
  return more(options.wanted ?? 10);
}

let words: Promise<string[]> | undefined;

/** The build-time word list (suggest.ts), loaded once; [] when it cannot be loaded. */
function wordList(): Promise<string[]> {
  words ??= fetchJson(BASE + WORDS_FILE).catch(() => {
    words = undefined;
    return [];
  });
  return words;
}

/** Words that start with the query's last word, to search instead (suggest.ts). */
export async function completeQuery(query: string): Promise<string[]> {
  const tokens = query.trim().split(/\s+/);
  const found = completions(tokens.at(-1) ?? '', await wordList());
  return found.map((word) => tokens.with(-1, word).join(' '));
}

/**
 * Queries to try instead of one that found nothing: each word that is no indexed word,
 * replaced by its nearest (suggest.ts).
 */
export async function suggestQueries(query: string): Promise<string[]> {
  const list = await wordList();
  const known = new Set(list);
  const tokens = query.trim().split(/\s+/);
  const suggestions = tokens.flatMap((token, i) =>
    /^[가-힣a-z]+$/i.test(token) && !known.has(token.toLowerCase())
      ? nearestWords(token, list).map((word) => tokens.with(i, word).join(' '))
      : [],
  );
  return [...new Set(suggestions)].slice(0, 3);
}

export async function toView(hit: Hit, plan: QueryPlan, excerptChars: number): Promise<ResultView> {
  const data = await hit.data();
  // The index stores the KST calendar day (YYYY-MM-DD, computed with src/lib/dates.ts at
  // build time); shown as 2025.11.02 like the site's other lists.
  const dateIso = data.filters.published?.[0] ?? '';
  return {
    url: data.url,
    title: highlightText(data.meta.title ?? '', plan),
    section: data.filters.section?.[0] ?? '',
    dateIso,
    dateText: dateIso.replaceAll('-', '.'),
    thumbnail: data.filters.thumb?.[0],
    reporters: data.filters.reporter ?? [],
    excerpt: excerptParts(data.content, plan, excerptChars),
  };
}
