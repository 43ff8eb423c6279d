/**
 * Changes to a shard without indexing the whole shard again. Pagefind indexes about 300
 * Korean articles a second on this project's build machine, so re-indexing a 3,000-article
 * shard for one corrected article cost ~12 s of a ~60 s rebuild. Instead, like the small
 * segment of recent changes a search engine keeps beside its large ones, the changed and
 * added articles of a shard are indexed on their own into a delta bundle, and the shard's
 * bundle (its base) stays as it is, with the pages the delta replaces, or that were removed,
 * listed as hidden. The browser searches a shard's delta first, then its base without the
 * hidden pages (src/scripts/search/client.ts).
 *
 * Past `limit` changes, or when articles were only removed, the shard is indexed again as
 * a whole and the delta folds into a new base. This holds for the newest shard too, where
 * new articles arrive (~100 a day) and most corrections are made: every reader's first
 * search loads it, so its delta costs that search one more Pagefind instance, but not a
 * second WebAssembly download (only the newest shard's bundle has one,
 * scripts/build-search-index.ts).
 * The trade-off until the shard is indexed again: a changed or new article is listed ahead
 * of its shard's other results, since Pagefind's scores from a bundle of a few articles do
 * not compare with those from a bundle of thousands.
 */

/** What the indexer keeps about a shard's base bundle between builds. */
export interface ShardBase {
  /** The base bundle's folder in the indexer's cache. */
  bundle: string;
  /** A digest of each article's search record when the base was indexed, by URL. */
  digests: Record<string, string>;
  /** Each article's Pagefind page id in the base (what a search result's id is), by URL. */
  pages: Record<string, string>;
}

export interface DeltaPlan {
  /** URLs of the articles to index into the delta: new, or changed since the base. */
  changed: string[];
  /** Base page ids the browser must skip: old versions of changed articles, and removed ones. */
  hidden: string[];
}

/** In a delta's folder: the JSON list of its shard's page ids the browser must skip. */
export const DELTA_HIDDEN_FILE = 'hidden.json';

/** Most changed articles a delta holds before its shard is indexed again as a whole. */
export const DELTA_LIMIT = 100;

/**
 * The delta for a shard whose articles now have `current` record digests (by URL), or
 * undefined when the shard should be indexed again as a whole.
 */
export function planDelta(
  base: ShardBase,
  current: ReadonlyMap<string, string>,
  limit = DELTA_LIMIT,
): DeltaPlan | undefined {
  const changed = [...current.keys()].filter((url) => base.digests[url] !== current.get(url));
  const removed = Object.keys(base.digests).filter((url) => !current.has(url));
  if (changed.length === 0 || changed.length + removed.length > limit) return undefined;
  const replaced = [...changed, ...removed].filter((url) => url in base.pages);
  return { changed, hidden: replaced.map((url) => base.pages[url]) };
}
