/**
 * Suggested queries from a small build-time list of words (the headlines' words, the
 * reporters and the sections, most frequent first), written by scripts/build-search-index.ts
 * next to the shards: the words that start with what is typed, initials included (ㄱㅎㅇ →
 * 김하윤), and "이런 검색어는 어떠세요" when a query finds nothing: the words nearest to its
 * words by jamo edit distance (닥갈비 → 닭갈비 is one jamo away).
 */
import { stripClearEnding } from './endings.ts';
import { choseong, conjoiningInitial, isChoseongLetter } from './hangul.ts';
import type { SearchRecord } from './record.ts';
import { normalizeWord, pagefindWord } from './tokenize.ts';

export const WORDS_FILE = 'words.json';

/** Enough for every headline word that recurs in a large archive, and still ~30 KB. */
const MAX_WORDS = 3000;

/** A headline word as a reader would type it: no punctuation, no particle, two letters on. */
function headlineWords(title: string): string[] {
  return title
    .split(/\s+/)
    .flatMap((w) => pagefindWord(normalizeWord(w)).match(/[가-힣]+|[a-z]+/g) ?? [])
    .map((w) => (/[가-힣]/.test(w) ? stripClearEnding(w) : w))
    .filter((w) => [...w].length >= 2);
}

/** Counts a record's headline words, reporters and section into `counts`. */
export function countWords(record: SearchRecord, counts: Map<string, number>) {
  const names = [...(record.filters.reporter ?? []), ...(record.filters.section ?? [])];
  for (const word of [...headlineWords(record.meta.title ?? ''), ...names]) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}

/** The counted words, most frequent first. */
export function suggestionWords(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, MAX_WORDS)
    .map(([word]) => word);
}

/** Levenshtein distance over decomposed jamo, giving up past `limit`. */
function jamoDistance(a: string, b: string, limit: number): number {
  const x = [...a.normalize('NFD')];
  const y = [...b.normalize('NFD')];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(
        row[j - 1] + 1,
        previous[j] + 1,
        previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[y.length];
}

/**
 * Up to `max` words of the list nearest to `word` (one jamo off for a short word, two from
 * six jamo on), nearest first, then most frequent; not the word itself.
 */
export function nearestWords(word: string, words: readonly string[], max = 3): string[] {
  const target = pagefindWord(normalizeWord(word));
  const limit = [...target.normalize('NFD')].length >= 6 ? 2 : 1;
  return words
    .map((candidate, rank) => ({ candidate, rank, d: jamoDistance(target, candidate, limit) }))
    .filter(({ candidate, d }) => d <= limit && candidate !== target)
    .sort((a, b) => a.d - b.d || a.rank - b.rank)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/**
 * Up to `max` words of the list that start with `typed` (compared decomposed, so a syllable
 * being typed counts: 김ㅎ, 김하 → 김하윤), or whose initials do when only initials are
 * typed; most frequent first, not the typed word itself.
 */
export function completions(typed: string, words: readonly string[], max = 3): string[] {
  const target = pagefindWord(normalizeWord(typed.trim()));
  if (!target) return [];
  const initialsOnly = [...target].every(isChoseongLetter);
  if (initialsOnly && target.length < 2) return [];
  // 김ㅎ: the typed consonant starts the next syllable (hangul.ts).
  const last = target.slice(-1);
  const prefix = isChoseongLetter(last)
    ? target.slice(0, -1).normalize('NFD') + conjoiningInitial(last)
    : target.normalize('NFD');
  return words
    .filter(
      (word) =>
        word !== target &&
        (initialsOnly
          ? choseong(word).startsWith(target)
          : word.normalize('NFD').startsWith(prefix)),
    )
    .slice(0, max);
}
