/**
 * The browser side of search: loads Pagefind's runtime and the index shards from /pagefind/
 * (written by scripts/build-search-index.ts after the site build, so they are not part of the
 * Vite bundle) and turns hits into what a result shows. Headline and excerpt come from the
 * readable text; the index-only forms in meta never reach the page.
 */
import {
  RANKING,
  searchArticles,
  type Hit,
  type PagefindApi,
  type SortOrder,
} from '../../lib/search/engine.ts';
import { SPANS_FILE, type ChunkSpan } from '../../lib/search/chunks.ts';
import { DELTA_HIDDEN_FILE } from '../../lib/search/delta.ts';
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
}

interface SearchIndex {
  shards: Shard[];
  /** One Pagefind instance per bundle folder, created when it is first searched. */
  instance(key: string): Promise<ShardIndex>;
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
            ([pagefind, spans]: [PagefindApi, ChunkSpan[]]) => ({ pagefind, spans }),
          );
          instances.set(key, pending);
        }
        return pending;
      };
      return {
        shards: manifest.shards,
        instance,
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
  /** Hits so far: newer shards first, each shard's hits in the requested order. */
  hits: Hit[];
  /** The first month (YYYY-MM) of the oldest shard searched so far. */
  searchedFrom: string;
  /** Every shard that can match has been searched. */
  done: boolean;
  /** Searches older shards until `wanted` more hits are found or none is left. */
  more(wanted: number): Promise<SearchProgress>;
}

/**
 * Searches the newest shard first and older shards only until `wanted` hits are found: a
 * reader's first results cost one shard's download, whatever the size of the archive. A
 * year filter skips the shards that cannot hold that year.
 */
export async function runSearch(
  query: string,
  options: { filters?: SearchFilters; sort?: SortOrder; wanted?: number } = {},
): Promise<SearchProgress> {
  const index = await loadIndex();
  const filters = Object.fromEntries(
    Object.entries(options.filters ?? {}).filter(([, v]) => v),
  ) as Record<string, string>;
  const shards = filters.year ? shardsForYear(index.shards, filters.year) : index.shards;
  const queue = shards.flatMap(targetsOf);
  const hits: Hit[] = [];
  let plan = planQuery(query);
  let searchedFrom = queue[0]?.shard.from ?? '';

  const more = async (wanted: number): Promise<SearchProgress> => {
    const goal = hits.length + wanted;
    while (queue.length > 0 && hits.length < goal) {
      const target = queue.shift()!;
      const [{ pagefind, spans }, hidden] = await Promise.all([
        index.instance(target.key),
        target.hiddenBy ? index.hidden(target.hiddenBy) : undefined,
      ]).catch(() => Promise.reject(new Error(LOAD_ERROR)));
      const outcome = await searchArticles(pagefind, query, {
        filters,
        sort: options.sort,
        spans,
      });
      plan = outcome.plan;
      hits.push(...outcome.hits.filter((hit) => !hidden?.has(hit.id)));
      // A shard counts as searched once its own bundle is, not just its delta.
      if (!target.shard.delta || target.hiddenBy) searchedFrom = target.shard.from;
      // A query with no searchable word matches nothing in any shard.
      if (plan.words.length === 0) queue.length = 0;
    }
    return { plan, hits, searchedFrom, done: queue.length === 0, more };
  };
  return more(options.wanted ?? 10);
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
    excerpt: excerptParts(data.content, plan, excerptChars),
  };
}
