/**
 * The search index is split into shards of consecutive months, each its own Pagefind bundle
 * under /pagefind/<first month>/. Pagefind holds a whole index in memory while it writes it
 * (about 0.3 GB per 1,000 Korean articles measured here) and a reader's first query downloads
 * the page list of the whole index (about 10 bytes per article), so one index for a
 * 100,000-article archive fits neither a 2-core build machine nor a phone. Shards bound both:
 * the build writes one shard at a time and rebuilds only shards whose articles changed, and
 * the browser searches the newest shard first and older ones only when asked.
 *
 * Boundaries are chosen from the oldest month on, so a new article only ever touches the
 * newest shard and older shards keep their keys and their cached bundles.
 */

/** Articles of one KST calendar month. */
export interface MonthCount {
  /** YYYY-MM */
  month: string;
  articles: number;
}

export interface Shard {
  /** The first month, YYYY-MM: the shard's folder under /pagefind/. */
  key: string;
  /** Inclusive month range, YYYY-MM. */
  from: string;
  to: string;
  articles: number;
  /** Articles changed since the shard's bundle was written, indexed on their own (delta.ts). */
  delta?: ShardDelta;
}

export interface ShardDelta {
  /** The delta bundle's folder under /pagefind/; its DELTA_HIDDEN_FILE lists the page ids
   * of the shard's bundle that the delta replaces or that were removed. In the delta's
   * folder, not here: shards.json is part of every first search. */
  key: string;
  articles: number;
}

/** What the browser reads from /pagefind/shards.json: shards newest first. */
export interface ShardManifest {
  version: 1;
  shards: Shard[];
  /** The archive-wide directory 정확도순 ranks with (directory.ts). */
  directory?: DirectoryManifest;
}

import type { DirectoryManifest } from './directory.ts';

export const SHARD_MANIFEST = 'shards.json';

/**
 * Most articles in one shard. At about 100 articles a day a month has ~3,000, so a shard is
 * a month (one longer than this still makes a shard of its own): its page list is ~43 KB.
 * Pagefind holds a shard's whole index while writing it, so this bounds the indexer's peak:
 * for 10,000 news-length articles 2.94–3.11 GB with 5,000, 2.41–2.56 GB with 3,000 (two
 * runs each, side by side).
 */
export const SHARD_CAPACITY = 3000;

/** YYYY-MM of a KST calendar date (YYYY-MM-DD). */
export const monthOf = (kstDate: string) => kstDate.slice(0, 7);

/**
 * Groups months, oldest first, into shards of at most `capacity` articles; a month larger
 * than the capacity is a shard of its own (a month is never split, so its shard is stable).
 * Returns the shards newest first, the order the browser searches them in.
 */
export function planShards(months: readonly MonthCount[], capacity = SHARD_CAPACITY): Shard[] {
  const sorted = [...months]
    .filter((m) => m.articles > 0)
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  const shards: Shard[] = [];
  for (const { month, articles } of sorted) {
    const current = shards.at(-1);
    if (current && current.articles + articles <= capacity) {
      current.to = month;
      current.articles += articles;
    } else {
      shards.push({ key: month, from: month, to: month, articles });
    }
  }
  return shards.reverse();
}

/** Shards that can hold articles of a year (YYYY), for the search page's year filter. */
export function shardsForYear(shards: readonly Shard[], year: string): Shard[] {
  return shards.filter((s) => s.from.slice(0, 4) <= year && year <= s.to.slice(0, 4));
}
