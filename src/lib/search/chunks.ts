/**
 * How a shard's word index is cut into the chunks the browser downloads
 * (scripts/pagefind-bundle.ts rewrites Pagefind's own cut with this plan).
 *
 * Pagefind cuts its sorted word list every ~20,000 locations, wherever that falls (about
 * 22 KB compressed per chunk here, so every query word costs ~22 KB), and a query term
 * loads only the one chunk its range contains. Where a cut falls inside the words that start
 * with a term, the words past the cut are silently not searched: at 10,000 articles the cut
 * 공청회 | 공청회를… made 공청회 find 412 of the newest shard's 527 articles.
 *
 * The plan cuts smaller chunks, at the gap between two words that share the fewest leading
 * characters, and lists every cut that still falls inside a shared prefix as a span. The
 * query engine preloads the chunk after each span its term is a prefix of, so a term sees
 * every word that starts with it.
 */

/** One entry of the sorted word index with its encoded size. */
export interface IndexWord {
  word: string;
  bytes: number;
}

/**
 * A cut inside shared leading characters: `prefix` (NFC) is what the words on both sides
 * share, `next` a word of the chunk after the cut that Pagefind's preload finds that chunk by.
 */
export type ChunkSpan = [prefix: string, next: string];

/** A shard's spans, next to its pagefind.js: /pagefind/<shard>/spans.json. */
export const SPANS_FILE = 'spans.json';

export interface ChunkPlan {
  /** Index one past each chunk's last word, ascending; the last one is words.length. */
  ends: number[];
  spans: ChunkSpan[];
}

/**
 * Encoded bytes a chunk aims at: about 6 KB compressed. Smaller chunks make a query cheaper
 * but the page list every first query loads longer (one entry per chunk) and more cuts fall
 * inside a prefix.
 */
export const CHUNK_TARGET_BYTES = 16_000;

/** Leading characters two words share, as Pagefind compares them (decomposed jamo). */
function sharedPrefix(a: string, b: string): string {
  const x = a.normalize('NFD');
  const y = b.normalize('NFD');
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return x.slice(0, i).normalize('NFC');
}

/** Whole characters of a shared prefix a query term can be: a lone conjoining jamo (the
 * first consonant of two different syllables) is no term. */
function termLength(prefix: string): number {
  return [...prefix].filter((c) => !/[\u1100-\u11ff]/u.test(c)).length;
}

/** A word Pagefind's preload leaves as it is (no punctuation for it to strip). */
const preloadable = (word: string) => /^[\p{L}\p{N}]+$/u.test(word);

/**
 * Cuts words (sorted as in the index) into chunks of about `target` bytes: each chunk ends
 * between target/2 and 2×target bytes, at the gap with the shortest shared prefix, then
 * nearest the target; only a word larger than that makes a chunk larger, and ends it.
 */
export function planChunks(words: readonly IndexWord[], target = CHUNK_TARGET_BYTES): ChunkPlan {
  const ends: number[] = [];
  const spans: ChunkSpan[] = [];
  let start = 0;
  while (start < words.length) {
    let bytes = 0;
    let best = -1;
    let bestKey: [number, number] = [Infinity, Infinity];
    let i = start;
    for (; i < words.length; i++) {
      bytes += words[i].bytes;
      if (bytes > 2 * target && best >= 0) break;
      if (bytes >= target / 2 && i + 1 < words.length) {
        const key: [number, number] = [
          termLength(sharedPrefix(words[i].word, words[i + 1].word)),
          Math.abs(bytes - target),
        ];
        if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
          best = i + 1;
          bestKey = key;
        }
      }
    }
    const end = best < 0 || (i === words.length && bytes <= 2 * target) ? words.length : best;
    ends.push(end);
    start = end;
  }
  ends.forEach((end, c) => {
    if (end === words.length) return;
    const prefix = sharedPrefix(words[end - 1].word, words[end].word);
    if (termLength(prefix) === 0) return;
    const nextChunk = words.slice(end, ends[c + 1]);
    const next = nextChunk.find((w) => preloadable(w.word)) ?? nextChunk[0];
    spans.push([prefix, next.word.normalize('NFC')]);
  });
  return { ends, spans };
}

/** Words whose chunks must be loaded, besides the term's own, for Pagefind to see every
 * word starting with `term`: one per span the term is a prefix of. */
export function spanPreloads(term: string, spans: readonly ChunkSpan[]): string[] {
  const target = term.normalize('NFD');
  return spans.filter(([prefix]) => prefix.normalize('NFD').startsWith(target)).map(([, n]) => n);
}
