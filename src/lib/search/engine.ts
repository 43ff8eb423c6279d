/**
 * Runs a query plan on Pagefind's browser API. Shared by the site's search UI and the
 * benchmark, so what is measured is what readers get.
 *
 * Pagefind answers one query string with an AND of its words, but silently drops a word
 * that matches nothing (서울 비트코인 would list every Seoul article). We therefore ask
 * Pagefind one term at a time and combine: union over a word's alternatives, intersection
 * over words.
 */
import { spanPreloads, type ChunkSpan } from './chunks.ts';
import { planQuery, type Alternative, type QueryPlan } from './query.ts';
import { tokenize } from './tokenize.ts';

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of matched words in the content (meta matches have none). */
  words: number[];
  data: () => Promise<PagefindData>;
}

export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  search(
    term: string | null,
    options?: PagefindSearchOptions,
  ): Promise<{ results: PagefindResult[] } | null>;
  /** Loads the index chunk that holds `term`; later searches see its words too. */
  preload(term: string): Promise<void>;
}

/**
 * Ranking options for pagefind.options(): extra forms of the headline count like the
 * headline itself; extra forms of the body like a body word.
 */
export const RANKING = { metaWeights: { title: 5, kt: 4, k: 1 } };

export interface Hit {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}

export interface SearchOutcome {
  plan: QueryPlan;
  hits: Hit[];
}

export type SortOrder = 'relevance' | 'newest';

type TermResults = Map<string, PagefindResult>;

export async function searchArticles(
  pagefind: PagefindApi,
  query: string,
  options: {
    filters?: Record<string, string | string[]>;
    sort?: SortOrder;
    /** The shard's chunk cuts inside shared prefixes (its spans.json, chunks.ts). */
    spans?: readonly ChunkSpan[];
  } = {},
): Promise<SearchOutcome> {
  const plan = planQuery(query);
  if (plan.words.length === 0) return { plan, hits: [] };
  const filters = options.filters ?? {};
  const cache = new Map<string, Promise<TermResults>>();
  const termResults = (term: string) => {
    let pending = cache.get(term);
    if (!pending) {
      pending = prefixMatches(pagefind, term, filters, options.spans ?? []);
      cache.set(term, pending);
    }
    return pending;
  };

  // Every word's lookups start at once (their chunk downloads overlap); the words are then
  // combined in order, each awaiting lookups already under way.
  for (const word of plan.words) {
    for (const alternative of word.alternatives) {
      // A failure is reported where the lookup is awaited, not as an unhandled rejection.
      if (!alternative.fallback)
        for (const term of alternative.terms) termResults(term).catch(() => {});
    }
  }
  let candidates: Map<string, { score: number; result: PagefindResult }> | undefined;
  for (const word of plan.words) {
    const found = await findWord(word.alternatives, termResults);
    const next = new Map<string, { score: number; result: PagefindResult }>();
    for (const [id, match] of found) {
      const previous = candidates?.get(id);
      if (candidates && !previous) continue;
      next.set(id, { score: (previous?.score ?? 0) + match.score, result: match.result });
    }
    candidates = next;
    if (candidates.size === 0) return { plan, hits: [] };
  }

  let hits: Hit[] = [...(candidates ?? new Map())].map(([id, c]) => ({
    id,
    score: c.score,
    data: c.result.data,
  }));
  hits.sort((a, b) => b.score - a.score);
  if (options.sort === 'newest') {
    const order = await newestOrder(pagefind, filters);
    hits = hits.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  return { plan, hits };
}

async function findWord(
  alternatives: Alternative[],
  termResults: (term: string) => Promise<TermResults>,
): Promise<Map<string, { score: number; result: PagefindResult }>> {
  const found = new Map<string, { score: number; result: PagefindResult }>();
  const tryAlternatives = async (list: Alternative[]) => {
    for (const alternative of list) {
      const perTerm = await Promise.all(alternative.terms.map(termResults));
      const [first, ...rest] = perTerm;
      for (const [id, result] of first) {
        const others = rest.map((m) => m.get(id));
        if (others.some((o) => !o)) continue;
        if (alternative.adjacent && !consecutive(result.words, others[0]!.words)) continue;
        const score =
          (alternative.weight * [result, ...others].reduce((s, r) => s + r!.score, 0)) /
          alternative.terms.length;
        const previous = found.get(id);
        if (!previous || previous.score < score) found.set(id, { score, result });
      }
    }
  };
  await tryAlternatives(alternatives.filter((a) => !a.fallback));
  if (found.size === 0) await tryAlternatives(alternatives.filter((a) => a.fallback));
  return found;
}

/** A character no index word contains (private use area). */
const PROBE = '\ue000';

/**
 * Articles with a word (or index form) starting with term. Pagefind, when no word starts
 * with the term, quietly answers for the longest indexed word the term starts with instead
 * (중앙역 → 주, compared as decomposed jamo), which would return articles sharing only a
 * syllable or even a consonant. Asking for term+PROBE, which no word can extend, yields
 * exactly that fallback: if it returns the same articles and the term is not itself an
 * indexed word ("term" in quotes is Pagefind's exact-word search), the answer was a fallback.
 */
async function prefixMatches(
  pagefind: PagefindApi,
  term: string,
  filters: Record<string, string | string[]>,
  spans: readonly ChunkSpan[],
): Promise<TermResults> {
  // Words starting with the term may continue in the chunks after its own (chunks.ts).
  await Promise.all(spanPreloads(term, spans).map((word) => pagefind.preload(word)));
  const [plain, exact] = await Promise.all([
    pagefind.search(term, { filters }),
    pagefind.search(`"${term}"`, { filters }),
  ]);
  const results = new Map((plain?.results ?? []).map((x) => [x.id, x]));
  // Nothing found, or the term is an indexed word itself: there is no fallback to rule out,
  // and the probe (a third search, as costly as the others) is not asked.
  if (results.size === 0 || (exact?.results.length ?? 0) > 0) return results;
  const fallback = (await pagefind.search(term + PROBE, { filters }))?.results ?? [];
  const isFallback = fallback.length === results.size && fallback.every((r) => results.has(r.id));
  if (!isFallback) return results;
  // The same articles can also come from a real match by coincidence (every article with
  // 300km를 also has the word 300). Word positions tell the two apart wherever the words
  // are in the text: the fallback resolves term and term+PROBE to one word, at the same
  // positions, while a word that does start with term sits elsewhere (one word a position).
  const located = fallback.filter((r) => r.words.length + results.get(r.id)!.words.length > 0);
  if (located.some((r) => !samePositions(r.words, results.get(r.id)!.words))) return results;
  if (located.length > 0) return new Map();
  // Matched in meta fields only (no positions): look in a result's headline and lead.
  const sample = await results.values().next().value!.data();
  return containsPrefix(sample, term) ? results : new Map();
}

const samePositions = (a: number[], b: number[]) =>
  a.length === b.length && a.every((p, i) => p === b[i]);

/** Whether a result's fragment (headline, lead, section: fragment.ts) has a word or index
 * form starting with term, compared as Pagefind compares (decomposed jamo, so 시자 reaches
 * 시장 as an IME shows it while typing). Reporter names are not in the fragment. */
function containsPrefix(data: PagefindData, term: string): boolean {
  const target = term.normalize('NFD');
  const forms = tokenize(`${data.content}\n${data.meta.title ?? ''}`).flatMap((t) => [
    t.word,
    ...t.word.split(/[^\p{L}\p{N}]+/u),
    ...t.extras,
  ]);
  // The section is indexed as a word too (record.ts) and shown as a filter.
  return [...forms, ...(data.filters.section ?? [])].some((f) =>
    f.normalize('NFD').startsWith(target),
  );
}

function consecutive(first: number[], second: number[]): boolean {
  const positions = new Set(second);
  return first.some((p) => positions.has(p + 1));
}

/** Date order of all articles from the index's sort data (no fragment downloads). */
async function newestOrder(
  pagefind: PagefindApi,
  filters: Record<string, string | string[]>,
): Promise<Map<string, number>> {
  const all = await pagefind.search(null, { filters, sort: { date: 'desc' } });
  return new Map((all?.results ?? []).map((r, i) => [r.id, i]));
}
