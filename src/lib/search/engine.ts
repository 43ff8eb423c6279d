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
import { planQuery, type Alternative, type QueryPlan, type QueryWord } from './query.ts';
import { pagefindWord, splitScripts, tokenize } from './tokenize.ts';

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

/** A filter value, several that must all match, or { any } of several (Pagefind 1.x). */
export type FilterValue = string | string[] | { any: string[] };
export type Filters = Record<string, FilterValue>;

export interface PagefindSearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  search(
    term: string | null,
    options?: PagefindSearchOptions,
  ): Promise<{ results: PagefindResult[] } | null>;
  /** Loads the index chunk that holds `term`; later searches see its words too. */
  preload(term: string): Promise<void>;
  /** Every filter's values with their page counts. */
  filters(): Promise<Record<string, Record<string, number>>>;
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

export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** KST calendar days, YYYY-MM-DD, both included; either end may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

export const inRange = (day: string, range: DateRange) =>
  (!range.from || day >= range.from) && (!range.to || day <= range.to);

type TermResults = Map<string, PagefindResult>;

/** One word's matching articles, with the result that found each (its word positions). */
type WordMatches = Map<string, { score: number; result: PagefindResult }>;

/**
 * Most fragments downloaded to check matches that Pagefind found in the headline (which has
 * no word positions) for a stem or a phrase: those are rare, and each check costs a fragment.
 */
const MAX_HEADLINE_CHECKS = 20;

export async function searchArticles(
  pagefind: PagefindApi,
  query: string,
  options: {
    filters?: Filters;
    sort?: SortOrder;
    /** The shard's chunk cuts inside shared prefixes (its spans.json, chunks.ts). */
    spans?: readonly ChunkSpan[];
    /** The IME is still composing the last syllable (query.ts). */
    composing?: boolean;
    dates?: DateRange;
    /** A factor for each term's scores: the bundle's scale onto the archive's (directory.ts). */
    scale?: (term: string) => number;
  } = {},
): Promise<SearchOutcome> {
  const plan = planQuery(query, { composing: options.composing });
  if (plan.words.length === 0) return { plan, hits: [] };
  const filters: Filters = { ...options.filters };
  if (options.dates && (options.dates.from || options.dates.to)) {
    // Pagefind filters on exact values: the days of the range the index has, as { any }.
    const days = Object.keys((await pagefind.filters()).published ?? {}).filter((day) =>
      inRange(day, options.dates!),
    );
    if (days.length === 0) return { plan, hits: [] };
    filters.published = { any: days };
  }
  const cache = new Map<string, Promise<TermResults>>();
  const termResults = (term: string, exact = false) => {
    const key = exact ? `"${term}"` : term;
    let pending = cache.get(key);
    if (!pending) {
      pending = exact
        ? exactMatches(pagefind, term, filters)
        : prefixMatches(pagefind, term, filters, options.spans ?? []);
      const factor = options.scale?.(term) ?? 1;
      if (factor !== 1) pending = pending.then((found) => scaled(found, factor));
      cache.set(key, pending);
    }
    return pending;
  };
  const find = (word: QueryWord) => findWord(word.alternatives, termResults);

  // Every word's lookups start at once (their chunk downloads overlap); the words are then
  // combined in order, each awaiting lookups already under way.
  for (const word of [...plan.words, ...plan.excluded]) {
    for (const alternative of word.alternatives) {
      // A failure is reported where the lookup is awaited, not as an unhandled rejection.
      if (!alternative.fallback)
        for (const term of alternative.terms) termResults(term, alternative.exact).catch(() => {});
    }
  }
  let candidates: Map<string, { score: number; results: PagefindResult[] }> | undefined;
  for (const word of plan.words) {
    const found = await find(word);
    const next = new Map<string, { score: number; results: PagefindResult[] }>();
    for (const [id, match] of found) {
      const previous = candidates?.get(id);
      if (candidates && !previous) continue;
      next.set(id, {
        score: (previous?.score ?? 0) + match.score,
        results: [...(previous?.results ?? []), match.result],
      });
    }
    candidates = next;
    if (candidates.size === 0) return { plan, hits: [] };
  }
  for (const word of plan.excluded) {
    for (const id of (await find(word)).keys()) candidates!.delete(id);
  }
  for (const phrase of plan.phrases) {
    await keepPhrase(candidates!, phrase, plan);
  }

  let hits: Hit[] = [...(candidates ?? new Map())].map(([id, c]) => ({
    id,
    score: c.score,
    data: c.results[0].data,
  }));
  hits.sort((a, b) => b.score - a.score);
  if (options.sort === 'newest' || options.sort === 'oldest') {
    const order = await newestOrder(pagefind, filters);
    const sign = options.sort === 'newest' ? 1 : -1;
    hits = hits.sort((a, b) => sign * ((order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)));
  }
  return { plan, hits };
}

/**
 * Keeps the candidates whose phrase words are consecutive, in order. Word positions show it
 * in the body; a match without positions is in the headline (meta), which is checked in the
 * result's fragment.
 */
async function keepPhrase(
  candidates: Map<string, { score: number; results: PagefindResult[] }>,
  phrase: number[],
  plan: QueryPlan,
) {
  let checks = 0;
  for (const [id, { results }] of candidates) {
    const positions = phrase.map((i) => new Set(results[i].words));
    const inBody = [...positions[0]].some((p) => positions.every((set, k) => set.has(p + k)));
    if (inBody) continue;
    const located = positions.every((set) => set.size > 0);
    const title = located || checks++ >= MAX_HEADLINE_CHECKS ? '' : await headlineOf(results[0]);
    const words = tokenize(title).map((t) => t.word.normalize('NFD'));
    const terms = phrase.map((i) => plan.words[i].alternatives[0].terms[0].normalize('NFD'));
    const inTitle = words.some((_, start) =>
      terms.every((term, k) =>
        k < terms.length - 1 ? words[start + k] === term : words[start + k]?.startsWith(term),
      ),
    );
    if (!inTitle) candidates.delete(id);
  }
}

const headlineOf = async (result: PagefindResult) => (await result.data()).meta.title ?? '';

/** Whether a word of the result's headline or lead, or a script piece of one, starts with
 * `stem` (compared decomposed, as Pagefind compares). */
async function startsAWord(result: PagefindResult, stem: string): Promise<boolean> {
  const data = await result.data();
  const target = stem.normalize('NFD');
  return tokenize(`${data.meta.title ?? ''}\n${data.content}`).some((t) =>
    splitScripts(t.word).some((piece) => piece.text.normalize('NFD').startsWith(target)),
  );
}

async function findWord(
  alternatives: Alternative[],
  termResults: (term: string, exact?: boolean) => Promise<TermResults>,
): Promise<WordMatches> {
  const found: WordMatches = new Map();
  const tryAlternatives = async (list: Alternative[]) => {
    for (const alternative of list) {
      const perTerm = await Promise.all(
        alternative.terms.map((term) => termResults(term, alternative.exact)),
      );
      const [first, ...rest] = perTerm;
      const stem = alternative.wordStart ? alternative.terms[0] : undefined;
      // A compound part or glued piece that is the stem itself is an indexed word of its own.
      const whole = stem ? await termResults(stem, true) : undefined;
      let checks = 0;
      for (const [id, result] of first) {
        const others = rest.map((m) => m.get(id));
        if (others.some((o) => !o)) continue;
        if (alternative.adjacent && !consecutive(result.words, others[0]!.words)) continue;
        // A stem found only in meta fields (no positions) and not as a whole form: its
        // headline or lead must have a word (or a piece after Latin letters, KIC중국센터는)
        // that starts with it, or it matched inside a compound (개발표준 for 발표한's 발표).
        if (stem && result.words.length === 0 && !whole!.has(id)) {
          if (checks++ >= MAX_HEADLINE_CHECKS) continue;
          if (!(await startsAWord(result, stem))) continue;
        }
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

/** Articles with `term` as a whole indexed word ("term" is Pagefind's exact search). */
async function exactMatches(
  pagefind: PagefindApi,
  term: string,
  filters: Filters,
): Promise<TermResults> {
  // A whole word sits in the one chunk whose range holds it: no span to preload.
  const exact = await pagefind.search(`"${pagefindWord(term)}"`, { filters });
  return new Map((exact?.results ?? []).map((x) => [x.id, x]));
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
  filters: Filters,
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

const scaled = (found: TermResults, factor: number): TermResults =>
  new Map([...found].map(([id, r]) => [id, { ...r, score: r.score * factor }]));

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
async function newestOrder(pagefind: PagefindApi, filters: Filters): Promise<Map<string, number>> {
  const all = await pagefind.search(null, { filters, sort: { date: 'desc' } });
  return new Map((all?.results ?? []).map((r, i) => [r.id, i]));
}
