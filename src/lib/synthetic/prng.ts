/**
 * A small seeded PRNG (mulberry32): the benchmark archive must be the same files for the
 * same seed on every machine, and Math.random cannot be seeded.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Skewed toward the start of the list (rank^-1 weights), like real tag and topic use. */
  pickZipf<T>(items: readonly T[]): T;
  /** `count` distinct items (or all of them when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const zipfTotals = new WeakMap<readonly unknown[], number[]>();
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    pickZipf: (items) => {
      let cumulative = zipfTotals.get(items);
      if (!cumulative) {
        cumulative = [];
        let sum = 0;
        for (let rank = 1; rank <= items.length; rank++) cumulative.push((sum += 1 / rank));
        zipfTotals.set(items, cumulative);
      }
      const target = next() * cumulative[cumulative.length - 1];
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid] < target) low = mid + 1;
        else high = mid;
      }
      return items[low];
    },
    sample: (items, count) => {
      const copy = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < count && copy.length > 0) {
        out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      }
      return out;
    },
    chance: (probability) => next() < probability,
  };
  return random;
}
