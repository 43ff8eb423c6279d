/**
 * 정확도순 across the whole archive: which bundles a query opens, in what order, and when it
 * may stop (directory.ts has the numbers, src/scripts/search/client.ts the downloads).
 */
import { termBucket } from './directory.ts';
import type { QueryPlan } from './query.ts';

/** A term's bundles: bundle number → the factor onto the archive's scale, and the bound. */
export type TermEntries = ReadonlyMap<number, { scale: number; bound: number }>;

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
): { bundle: number; bound: number }[] {
  const ranked: { bundle: number; bound: number }[] = [];
  for (const bundle of bundles) {
    let total = 0;
    for (const word of plan.words) {
      let best = 0;
      for (const alternative of word.alternatives) {
        // Splits open no bundle (planBuckets); a term whose bucket was not looked up (a
        // fallback) counts as absent.
        if (alternative.adjacent) continue;
        const { terms } = alternative;
        let sum = 0;
        for (const term of terms) {
          const entry = entriesOf(term)?.get(bundle);
          if (!entry) {
            sum = -1;
            break;
          }
          sum += entry.bound;
        }
        if (sum >= 0) best = Math.max(best, (alternative.weight * sum) / terms.length);
      }
      if (best === 0) {
        total = 0;
        break;
      }
      total += best;
    }
    if (total > 0) ranked.push({ bundle, bound: total });
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
 * is ~30 KB of a 3,000-article shard): among bundles whose bounds are this close, the one
 * in hand is searched first, so a word found everywhere reads the bundles already open.
 */
export const OPEN_PREFERENCE = 1.15;

/** Where in `queue` (highest bound first) the next bundle to search is: the highest bound,
 * a bundle already open counting OPEN_PREFERENCE times its own. */
export function pickNext(
  queue: readonly { bundle: number; bound: number }[],
  isOpen: (bundle: number) => boolean,
): number {
  let best = 0;
  const weighed = (i: number) => queue[i].bound * (isOpen(queue[i].bundle) ? OPEN_PREFERENCE : 1);
  for (let i = 1; i < queue.length && queue[i].bound * OPEN_PREFERENCE > queue[0].bound; i++) {
    if (weighed(i) > weighed(best)) best = i;
  }
  return best;
}

/** Whether the `wanted`-th best score found (scores highest first) already beats every
 * bundle not yet opened, the best of which can reach `nextBound`. */
export const rankIsFinal = (scores: readonly number[], wanted: number, nextBound: number) =>
  scores.length >= wanted && scores[wanted - 1] >= nextBound;
