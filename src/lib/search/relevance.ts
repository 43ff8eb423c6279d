/**
 * 정확도순 across the whole archive: which bundles a query opens, in what order, and when it
 * may stop (directory.ts has the numbers, src/scripts/search/client.ts the downloads).
 */
import { termBucket, type BucketEntry } from './directory.ts';
import type { QueryPlan } from './query.ts';

/** A term's bundles: bundle number → the factor onto the archive's scale, the bound and the
 * estimate of its best page's score (directory.ts). */
export type TermEntries = ReadonlyMap<number, BucketEntry>;

/** A bundle that can match the query, with its bound and estimate for the whole query. */
export interface Candidate {
  bundle: number;
  bound: number;
  estimate: number;
}

/**
 * The buckets a plan's words need (undefined when a term has none: a lone consonant).
 * Two kinds of alternatives are left out, so that a query costs one or two directory files a
 * word:
 * - splits (창업거리 as 창업 거리): their heads are common words (공공 of 공공산후조리원), whose
 *   bundles are everywhere, and their tails cost a file each. A bundle is not opened for a
 *   split alone; an opened bundle's splits are still found (the engine searches them);
 * - a word's fallbacks (a double final typed halfway, 닥갈 → 닭갈), unless `fallbacks` names
 *   the word: they are looked up only for a word whose other ways match nowhere.
 */
export function planBuckets(
  plan: QueryPlan,
  fallbacks: ReadonlySet<number> = new Set(),
): string[] | undefined {
  const buckets = new Set<string>();
  for (const [w, word] of plan.words.entries()) {
    for (const alternative of word.alternatives) {
      if (alternative.adjacent || (alternative.fallback && !fallbacks.has(w))) continue;
      for (const term of alternative.terms) {
        const bucket = termBucket(term);
        if (!bucket) return undefined;
        buckets.add(bucket);
      }
    }
  }
  return [...buckets];
}

/**
 * The best score each bundle can give the query on the archive's scale, for the bundles
 * where every query word can match; highest first. A word's bound is its best way's (the
 * engine keeps a word's best alternative, weighted, its terms averaged); an alternative
 * needs all its terms in the bundle. Excluded words only remove results, and do not count.
 */
export function bundleBounds(
  plan: QueryPlan,
  entriesOf: (term: string) => TermEntries | undefined,
  bundles: Iterable<number>,
): Candidate[] {
  const ranked: Candidate[] = [];
  for (const bundle of bundles) {
    let bound = 0;
    let estimate = 0;
    for (const word of plan.words) {
      let best = 0;
      let expected = 0;
      for (const alternative of word.alternatives) {
        // Splits open no bundle (planBuckets); a term whose bucket was not looked up (a
        // fallback) counts as absent.
        if (alternative.adjacent) continue;
        const { terms, weight } = alternative;
        let sum = 0;
        let sumEstimate = 0;
        for (const term of terms) {
          const entry = entriesOf(term)?.get(bundle);
          if (!entry) {
            sum = -1;
            break;
          }
          sum += entry.bound;
          sumEstimate += entry.estimate;
        }
        if (sum < 0) continue;
        best = Math.max(best, (weight * sum) / terms.length);
        expected = Math.max(expected, (weight * sumEstimate) / terms.length);
      }
      if (best === 0) {
        bound = 0;
        break;
      }
      bound += best;
      estimate += expected;
    }
    if (bound > 0) ranked.push({ bundle, bound, estimate });
  }
  return ranked.sort((a, b) => b.bound - a.bound || a.bundle - b.bundle);
}

/** The plan's words (by index) that no bundle can match but by a fallback. */
export function unmatchedWords(
  plan: QueryPlan,
  entriesOf: (term: string) => TermEntries | undefined,
): Set<number> {
  const unmatched = new Set<number>();
  plan.words.forEach((word, w) => {
    const matches = word.alternatives.some(
      (a) => !a.fallback && !a.adjacent && a.terms.every((t) => (entriesOf(t)?.size ?? 0) > 0),
    );
    if (!matches && word.alternatives.some((a) => a.fallback)) unmatched.add(w);
  });
  return unmatched;
}

/**
 * How much a bundle the page already has counts over one it would download (its page list
 * is ~30–40 KB of a 3,000-article shard): the one in hand is searched first among bundles
 * whose estimates are this close.
 */
export const OPEN_PREFERENCE = 1.15;

/**
 * How far a bundle's estimate must beat the wanted-th score found for a page that has its
 * results to download it: estimates came within 0.32–2.32× of the best score then found in
 * their bundle (median 1.00, 572 bundle searches at 50,000 articles), so a word found
 * everywhere at about the same strength (every estimate a little above what is in hand) is
 * read from the bundles already open, and a bundle with a clearly stronger match is not.
 */
export const DOWNLOAD_MARGIN = 1.5;

/**
 * Most bundles one results page searches on 정확도순 (each ~30–40 KB the first time: its page
 * list, spans and chunks; its chunks later), so that a word found everywhere, whose bound is
 * high in every bundle, costs a few bundles rather than the archive: past it the page shows
 * the best of what it found; "결과 더 보기" goes on with the next bundles.
 */
export const MAX_RANKED_BUNDLES = 3;

export interface NextOptions {
  /** Scores found so far, highest first. */
  scores: readonly number[];
  wanted: number;
  isOpen: (bundle: number) => boolean;
  /** Bundles searched so far by this page of results, and most it may search (Infinity:
   * the exact top results, whatever they cost). */
  searched: number;
  cap: number;
}

/**
 * Where in `queue` (highest bound first) the next bundle to search is, or -1 to stop.
 * - Exact (no cap): the highest bound, until the wanted-th score beats every bound left.
 * - Capped: the highest estimate, a bundle already open counting OPEN_PREFERENCE times its
 *   own; once the page has its results, a bundle is searched only if its estimate beats the
 *   wanted-th score (by DOWNLOAD_MARGIN for one to download), and past the cap only a page
 *   short of results goes on, in bundles already open.
 */
export function nextBundle(queue: readonly Candidate[], options: NextOptions): number {
  const { scores, wanted, isOpen, searched, cap } = options;
  if (queue.length === 0 || rankIsFinal(scores, wanted, queue[0].bound)) return -1;
  if (!Number.isFinite(cap)) return 0;
  const full = scores.length >= wanted;
  let best = -1;
  let bestValue = 0;
  queue.forEach(({ bundle, estimate }, i) => {
    const open = isOpen(bundle);
    if (searched >= cap && (full || !open)) return;
    if (full && !open && !(estimate > DOWNLOAD_MARGIN * scores[wanted - 1])) return;
    if (full && open && !(estimate > scores[wanted - 1])) return;
    const value = estimate * (open ? OPEN_PREFERENCE : 1);
    if (best < 0 || value > bestValue) {
      best = i;
      bestValue = value;
    }
  });
  return best;
}

/** Whether the `wanted`-th best score found (scores highest first) already beats every
 * bundle not yet opened, the best of which can reach `nextBound`. */
export const rankIsFinal = (scores: readonly number[], wanted: number, nextBound: number) =>
  scores.length >= wanted && scores[wanted - 1] >= nextBound;
