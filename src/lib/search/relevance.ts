/**
 * 정확도순 across the whole archive: which bundles a query opens, in what order, and when it
 * may stop (directory.ts has the numbers, src/scripts/search/client.ts the downloads).
 */
import { termBucket } from './directory.ts';
import type { QueryPlan } from './query.ts';

/** A term's bundles: bundle number → the factor onto the archive's scale, and the bound. */
export type TermEntries = ReadonlyMap<number, { scale: number; bound: number }>;

/** Every bucket a plan's terms need (undefined when a term has none: a lone consonant). */
export function planBuckets(plan: QueryPlan): string[] | undefined {
  const buckets = new Set<string>();
  for (const word of plan.words) {
    for (const alternative of word.alternatives) {
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
  entriesOf: (term: string) => TermEntries,
  bundles: Iterable<number>,
): { bundle: number; bound: number }[] {
  const ranked: { bundle: number; bound: number }[] = [];
  for (const bundle of bundles) {
    let total = 0;
    for (const word of plan.words) {
      let best = 0;
      for (const alternative of word.alternatives) {
        let sum = 0;
        for (const term of alternative.terms) {
          const entry = entriesOf(term).get(bundle);
          if (!entry) {
            sum = -1;
            break;
          }
          sum += entry.bound;
        }
        if (sum >= 0) best = Math.max(best, (alternative.weight * sum) / alternative.terms.length);
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

/** Whether the `wanted`-th best score found (scores highest first) already beats every
 * bundle not yet opened, the best of which can reach `nextBound`. */
export const rankIsFinal = (scores: readonly number[], wanted: number, nextBound: number) =>
  scores.length >= wanted && scores[wanted - 1] >= nextBound;
