/**
 * The archive-wide directory that lets 정확도순 rank the whole archive, not the newest shard
 * first. Each Pagefind bundle (a shard of months, or a shard's delta) scores its articles
 * with its own statistics: BM25's idf counts the bundle's pages, so the same match scores
 * differently in a busy month, a quiet one and a delta of five articles, and a search that
 * only reads the newest shard never sees a strong match from three years ago.
 *
 * At build time every bundle reports, per bucket of words (the words that share their first
 * one or two syllables, `wordBuckets`), how many of its pages have such a word and the best
 * score any of its pages can reach for a term in that bucket. The directory merges them: per
 * bucket and bundle, the factor that puts the bundle's scores on the archive's idf (`scale`)
 * and that bound on the archive scale (`bound`). It is cut into small files by a hash of the
 * bucket, so a query term costs one file.
 *
 * In the browser (src/scripts/search/client.ts) a query opens only bundles that have every
 * query word, the highest bound first, scales each term's Pagefind score by its bundle's
 * factor, and stops once the results it has beat every unopened bundle's bound: the top
 * results are then the archive's, whatever their month.
 *
 * Buckets rather than words: a query term is a prefix (정부 finds 정부가, 정부청사), and the
 * words that start with a common term span many words in every bundle. A bucket holds every
 * word a term of it can reach, so one entry per bundle answers a term of any length.
 */

import type { Shard } from './shards.ts';

/** Pagefind's term saturation (k1), its default: RANKING (engine.ts) leaves it alone. */
const TERM_SATURATION = 1.4;
/**
 * A ceiling for one word's score over its idf. BM25's term-frequency part never reaches
 * k1 + 1 (Pagefind's calculate_bm25_word_score), but Pagefind 1.6 lifts some scores past
 * it (its meta-field weights and its bonus for a word written as the query writes it, both
 * inside its WebAssembly): over the 30 benchmark queries at 50,000 articles the highest
 * score was 1.44 times k1 + 1 times its idf sum (bench:search-archive, 2026-12-04), so the
 * ceiling is taken at 1.5 times that.
 */
export const TF_CEILING = (TERM_SATURATION + 1) * 1.5;

/** Pagefind's idf: ln((N − n + 0.5) / (n + 0.5) + 1), never negative. */
export const idf = (pages: number, containing: number) =>
  Math.log((pages - containing + 0.5) / (containing + 0.5) + 1);

const isInitial = (c: number) => c >= 0x1100 && c <= 0x1112;
const isVowel = (c: number) => c >= 0x1161 && c <= 0x1175;
const isFinal = (c: number) => c >= 0x11a8 && c <= 0x11c2;

interface Unit {
  /** The unit up to its vowel (a syllable without its final consonant), or its one code point. */
  open: string;
  /** Whether `open` is a whole initial and vowel (or a character of another script). */
  complete: boolean;
  /** The unit with its final consonant. */
  full: string;
  /** Where the next unit starts. */
  end: number;
}

/** The syllable (decomposed) or character at `i` of a decomposed word. */
function unitAt(word: string, i: number): Unit {
  const c = word.codePointAt(i)!;
  const size = c > 0xffff ? 2 : 1;
  if (!isInitial(c)) {
    const ch = word.slice(i, i + size);
    return { open: ch, complete: true, full: ch, end: i + size };
  }
  if (!isVowel(word.charCodeAt(i + 1))) {
    return { open: word[i], complete: false, full: word[i], end: i + 1 };
  }
  const open = word.slice(i, i + 2);
  const hasFinal = isFinal(word.charCodeAt(i + 2));
  return {
    open,
    complete: true,
    full: hasFinal ? word.slice(i, i + 3) : open,
    end: i + (hasFinal ? 3 : 2),
  };
}

const decomposed = (text: string) => text.normalize('NFD').toLowerCase();

/** How many leading syllables (or characters) the deepest bucket has. */
const DEPTH = 3;

/**
 * The buckets of an indexed word (decomposed): for each of its first three syllables, the
 * word up to that syllable's vowel (저, 정부, 정부처) and, where that syllable has a final
 * consonant, up to the final too (정, 정붓…). Pagefind compares decomposed jamo, so a term
 * ending in an open syllable reaches every final after it: 정부 reaches 정북, 도시 reaches 도심.
 * Deeper buckets are smaller: a term of three syllables (도심양봉) opens only the bundles that
 * have a word starting with 도심야, not every bundle with 도시 or 도심.
 */
export function wordBuckets(word: string): string[] {
  const w = decomposed(word);
  const buckets: string[] = [];
  let at = 0;
  let head = '';
  for (let k = 0; k < DEPTH && at < w.length; k++) {
    const unit = unitAt(w, at);
    if (!unit.complete) break;
    buckets.push(head + unit.open);
    if (unit.full !== unit.open) buckets.push(head + unit.full);
    head += unit.full;
    at = unit.end;
  }
  if (buckets.length === 0) buckets.push(w.slice(0, w.codePointAt(0)! > 0xffff ? 2 : 1));
  return buckets;
}

/**
 * The one bucket that holds every word a query term (a prefix, decomposed) can reach: its
 * first syllables up to three, the last one open unless the term has a final there or goes
 * on after it. Undefined for a term that starts with a lone consonant (ᄌ reaches words of
 * many buckets).
 */
export function termBucket(term: string): string | undefined {
  const t = decomposed(term);
  let at = 0;
  let head = '';
  let bucket: string | undefined;
  for (let k = 0; k < DEPTH && at < t.length; k++) {
    const unit = unitAt(t, at);
    if (!unit.complete) break;
    // Whole up to here when the term has a final or goes on: 도심 → 도심, 반도ᄎ → 반도.
    bucket = unit.end < t.length || unit.full !== unit.open ? head + unit.full : head + unit.open;
    head += unit.full;
    at = unit.end;
  }
  return bucket;
}

/**
 * A bundle's numbers for one bucket: pages with a word of it; the highest sum over one page
 * of its words' idf (a term's Pagefind score sums over the words it reaches, each under
 * idf × TF_CEILING: the bound); and the highest estimate of a page's actual score (each
 * word's idf × BM25's term-frequency part of its weighted count on the page: what decides
 * whether a bundle is worth downloading).
 */
export type BucketStat = [pages: number, topIdf: number, topEstimate: number];

/** What a bundle reports: its page count and its buckets (written next to its files). */
export interface BundleStats {
  pages: number;
  buckets: Record<string, BucketStat>;
}

/** The stats file in a bundle's cached folder; not copied into the output. */
export const STATS_FILE = 'directory-stats.json';

/** Pagefind's default page-length weight (b). */
const PAGE_LENGTH = 0.75;

/**
 * Pagefind's bonus for a word as long as the term (its word_length_bonus at its default term
 * similarity of 1), by the difference of their UTF-8 lengths plus one: a decomposed Hangul
 * syllable is 6–9 bytes, so a term's extensions (창원시, 창원에서 for 창원) count ~0.37 of it.
 */
const lengthBonus = (differential: number) => Math.exp(Math.exp(-(differential ** 2) / 8) - 1);

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** BM25's term-frequency part as Pagefind computes it (its calculate_bm25_word_score). */
const termFrequencyPart = (count: number, length: number, averageLength: number) =>
  ((TERM_SATURATION + 1) * count) /
  (TERM_SATURATION * (1 - PAGE_LENGTH + PAGE_LENGTH * (length / averageLength)) + count);

/**
 * A bundle's stats from its word index: each word with the (0-based) pages that have it, in
 * any order, and its weighted count on each (pagefind-index.ts); each page's length in
 * words.
 */
export function bundleStats(
  pageLengths: ArrayLike<number>,
  words: Iterable<{ word: string; pages: ArrayLike<number>; counts: ArrayLike<number> }>,
): BundleStats {
  const pageCount = pageLengths.length;
  let totalLength = 0;
  for (let i = 0; i < pageCount; i++) totalLength += pageLengths[i];
  const averageLength = totalLength / Math.max(1, pageCount) || 1;
  type Word = {
    weight: number;
    bytes: number;
    pages: ArrayLike<number>;
    counts: ArrayLike<number>;
  };
  const byBucket = new Map<string, Word[]>();
  for (const { word, pages, counts } of words) {
    if (pages.length === 0) continue;
    const entry = { weight: idf(pageCount, pages.length), bytes: utf8Length(word), pages, counts };
    for (const bucket of wordBuckets(word)) {
      const list = byBucket.get(bucket);
      if (list) list.push(entry);
      else byBucket.set(bucket, [entry]);
    }
  }
  const sums = new Float64Array(pageCount);
  const estimates = new Float64Array(pageCount);
  const touched: number[] = [];
  const buckets: Record<string, BucketStat> = {};
  for (const [bucket, list] of byBucket) {
    let top = 0;
    let best = 0;
    // The estimate takes the bucket for the term: its words' bonus by their extra length.
    const termBytes = utf8Length(bucket);
    for (const { weight, bytes, pages, counts } of list) {
      const bonus = lengthBonus(Math.abs(bytes - termBytes) + 1);
      for (let i = 0; i < pages.length; i++) {
        const page = pages[i];
        if (sums[page] === 0) touched.push(page);
        sums[page] += weight;
        estimates[page] +=
          weight * termFrequencyPart(counts[i] * bonus, pageLengths[page] || 1, averageLength);
        if (sums[page] > top) top = sums[page];
        if (estimates[page] > best) best = estimates[page];
      }
    }
    // Rounded up: the stats are written per bundle and read at every build.
    buckets[bucket] = [touched.length, roundUp(top, 3), roundUp(best, 3)];
    for (const page of touched) sums[page] = estimates[page] = 0;
    touched.length = 0;
  }
  return { pages: pageCount, buckets };
}

/**
 * One directory file: per bucket, a flat list of (bundle number, scale, bound, estimate).
 * Bundles are numbered in shards.json's order, each shard's own bundle then its delta
 * (`bundleKeys`).
 */
export type DirectoryChunk = Record<string, number[]>;

/** Where the directory is: shards.json names it, so its files and the shard list agree. */
export interface DirectoryManifest {
  /** Folder under /pagefind/ (content-addressed: a new build writes a new folder). */
  path: string;
  chunks: number;
}

/** The bundles' folders under /pagefind/ by bundle number: each shard's own, then its delta. */
export const bundleKeys = (shards: readonly Shard[]): string[] =>
  shards.flatMap((shard) => (shard.delta ? [shard.key, shard.delta.key] : [shard.key]));

/** A directory file's name after its number: gzip'd JSON, unpacked by the browser. */
export const DIRECTORY_SUFFIX = '.json.gz';

/** Raw JSON a directory file aims at (gzip makes it about a third). */
export const DIRECTORY_CHUNK_BYTES = 12_000;

/** FNV-1a of the bucket's UTF-16 code units: the directory file that holds it. */
export function chunkOf(bucket: string, chunks: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bucket.length; i++) {
    hash ^= bucket.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % chunks;
}

const roundUp = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.ceil(value * f) / f;
};

/** Raw JSON of the directory files one pass of the merge holds (buildDirectory). */
const MERGE_GROUP_BYTES = 48_000_000;

/**
 * Merges the bundles' stats (bundle number n is `readStats(n)`) into directory files, given
 * to `write` by file number; returns how many there are. Only one bundle's stats are held at
 * a time (329 bundles at 1,000,000 articles): a first pass counts the archive's pages per
 * bucket, then each group of files is filled in a pass of its own, so at most
 * MERGE_GROUP_BYTES of entries are in memory (holding all of them took the indexer to
 * 3.47 GB at 1,000,000). A bundle's scale for a bucket is the archive's idf over the
 * bundle's; its bound is what a page of the bundle can score for a term of the bucket once
 * scaled (TF_CEILING × the page's idf sum × scale), rounded up.
 */
export function buildDirectory(
  bundles: number,
  readStats: (bundle: number) => BundleStats,
  write: (file: number, chunk: DirectoryChunk) => void,
  groupBytes = MERGE_GROUP_BYTES,
): number {
  let totalPages = 0;
  let entries = 0;
  const archivePages = new Map<string, number>();
  for (let n = 0; n < bundles; n++) {
    const { pages, buckets } = readStats(n);
    totalPages += pages;
    for (const bucket in buckets) {
      archivePages.set(bucket, (archivePages.get(bucket) ?? 0) + buckets[bucket][0]);
      entries++;
    }
  }
  // About 14 characters an entry and 12 a bucket.
  const estimate = entries * 14 + archivePages.size * 12;
  const count = Math.max(1, Math.ceil(estimate / DIRECTORY_CHUNK_BYTES));
  const groups = Math.max(1, Math.ceil(estimate / groupBytes));
  for (let group = 0; group < groups; group++) {
    const chunks = new Map<number, DirectoryChunk>();
    for (let n = 0; n < bundles; n++) {
      const { pages, buckets } = readStats(n);
      for (const bucket in buckets) {
        const file = chunkOf(bucket, count);
        if (file % groups !== group) continue;
        const [containing, topIdf, topEstimate] = buckets[bucket];
        // The browser scales scores by the rounded factor, so the bound is made with it too.
        const scale =
          Math.round((idf(totalPages, archivePages.get(bucket)!) / idf(pages, containing)) * 1000) /
          1000;
        let chunk = chunks.get(file);
        if (!chunk) chunks.set(file, (chunk = {}));
        (chunk[bucket] ??= []).push(
          n,
          scale,
          roundUp(TF_CEILING * topIdf * scale, 2),
          roundUp(topEstimate * scale, 2),
        );
      }
    }
    // Every file exists, empty or not: the browser asks for the one a bucket hashes to.
    for (let file = group; file < count; file += groups) write(file, chunks.get(file) ?? {});
  }
  return count;
}

/** What the directory says of a bucket in one bundle (buildDirectory). */
export interface BucketEntry {
  scale: number;
  bound: number;
  estimate: number;
}

/** A bucket's bundles, from its directory file: bundle number → its entry. */
export function bucketEntries(chunk: DirectoryChunk, bucket: string): Map<number, BucketEntry> {
  const flat = chunk[bucket] ?? [];
  const entries = new Map<number, BucketEntry>();
  for (let i = 0; i + 3 < flat.length; i += 4) {
    entries.set(flat[i], { scale: flat[i + 1], bound: flat[i + 2], estimate: flat[i + 3] });
  }
  return entries;
}
