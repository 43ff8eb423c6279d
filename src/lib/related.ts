/**
 * Related articles, computed at build time. Editors' explicit `related` come first; the rest
 * are scored by shared tags (rarer tags weigh more), same section and closeness in time.
 *
 * Cost stays linear in the number of articles: for each tag we only look at the
 * `window` articles nearest in time on either side, never at the whole tag list, so a tag
 * used by 10,000 articles does not make the computation quadratic.
 */
export interface RelatedInput {
  id: string;
  section: string;
  tags: readonly string[];
  related: readonly string[];
  /** Milliseconds since epoch. */
  publishedAt: number;
}

export interface RelatedOptions {
  limit?: number;
  window?: number;
}

const DAY = 86_400_000;

/**
 * How related `candidate` is to `article`: the weights of the tags they share, a bonus for
 * the same section, divided by how far apart in time they are.
 */
export function scoreCandidate(
  article: RelatedInput,
  candidate: RelatedInput,
  tagWeight: ReadonlyMap<string, number>,
): number {
  let score = 0;
  for (const tag of candidate.tags) {
    if (article.tags.includes(tag)) score += tagWeight.get(tag) ?? 0;
  }
  if (score === 0) return 0;
  if (candidate.section === article.section) score += 0.5;
  const days = Math.abs(article.publishedAt - candidate.publishedAt) / DAY;
  return score / (1 + days / 365);
}

/** Higher score first, then id: the order related articles are listed in. */
const before = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || a[0].localeCompare(b[0]);

/**
 * The `limit` best of `scored` in the order `before` gives, without sorting them all: an
 * article has a few hundred candidates and needs four. Earlier entries win ties, as in a
 * stable sort.
 */
function best(scored: readonly [string, number][], limit: number): string[] {
  const top: [string, number][] = [];
  if (limit <= 0) return [];
  for (const entry of scored) {
    if (entry[1] <= 0) continue;
    if (top.length === limit && before(entry, top[limit - 1]) >= 0) continue;
    let at = Math.min(top.length, limit - 1);
    top[at] = entry;
    while (at > 0 && before(top[at], top[at - 1]) < 0) {
      [top[at - 1], top[at]] = [top[at], top[at - 1]];
      at--;
    }
  }
  return top.map(([id]) => id);
}

/** Builds a lookup `relatedFor(id)`; inputs can be in any order. */
export function buildRelatedIndex(articles: readonly RelatedInput[], options: RelatedOptions = {}) {
  const { limit = 4, window = 50 } = options;
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  // Articles are numbered by their place in `articles`: the candidate loop below runs a few
  // hundred times per article and reads arrays, not maps keyed by id.
  const tagLists = new Map<string, number[]>();
  articles.forEach((article, i) => {
    for (const tag of new Set(article.tags)) {
      let list = tagLists.get(tag);
      if (!list) tagLists.set(tag, (list = []));
      list.push(i);
    }
  });
  const positionInTag = new Map<string, Map<number, number>>();
  for (const [tag, list] of tagLists) {
    list.sort(
      (a, b) =>
        articles[a].publishedAt - articles[b].publishedAt ||
        articles[a].id.localeCompare(articles[b].id),
    );
    positionInTag.set(tag, new Map(list.map((a, i) => [a, i])));
  }
  // Inverse document frequency: a tag on 2 articles says more than one on half the archive.
  const tagWeight = new Map(
    [...tagLists].map(([tag, list]) => [tag, Math.log(1 + articles.length / list.length)]),
  );
  // seenIn[i] === call: article i was already a candidate (or excluded) in this call.
  const seenIn = new Int32Array(articles.length);
  let calls = 0;

  return function relatedFor(id: string): string[] {
    const self = indexOf.get(id);
    if (self === undefined) return [];
    const call = ++calls;
    const article = articles[self];
    const chosen = article.related.filter((r) => r !== id && indexOf.has(r)).slice(0, limit);
    seenIn[self] = call;
    for (const relatedId of chosen) seenIn[indexOf.get(relatedId)!] = call;
    const scored: [string, number][] = [];
    for (const tag of new Set(article.tags)) {
      const list = tagLists.get(tag)!;
      const at = positionInTag.get(tag)!.get(self)!;
      for (let i = Math.max(0, at - window); i < Math.min(list.length, at + window + 1); i++) {
        const candidate = list[i];
        if (seenIn[candidate] === call) continue;
        seenIn[candidate] = call;
        const { id: candidateId } = articles[candidate];
        scored.push([candidateId, scoreCandidate(article, articles[candidate], tagWeight)]);
      }
    }
    return [...chosen, ...best(scored, limit - chosen.length)];
  };
}
