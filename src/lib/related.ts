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

export function scoreCandidate(
  article: RelatedInput,
  candidate: RelatedInput,
  tagFrequency: ReadonlyMap<string, number>,
  totalArticles: number,
): number {
  let score = 0;
  for (const tag of candidate.tags) {
    if (article.tags.includes(tag)) {
      // Inverse document frequency: a tag on 2 articles says more than one on half the archive.
      score += Math.log(1 + totalArticles / (tagFrequency.get(tag) ?? 1));
    }
  }
  if (score === 0) return 0;
  if (candidate.section === article.section) score += 0.5;
  const days = Math.abs(article.publishedAt - candidate.publishedAt) / DAY;
  return score / (1 + days / 365);
}

/** Builds a lookup `relatedFor(id)`; inputs can be in any order. */
export function buildRelatedIndex(articles: readonly RelatedInput[], options: RelatedOptions = {}) {
  const { limit = 4, window = 50 } = options;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const tagLists = new Map<string, RelatedInput[]>();
  for (const article of articles) {
    for (const tag of new Set(article.tags)) {
      let list = tagLists.get(tag);
      if (!list) tagLists.set(tag, (list = []));
      list.push(article);
    }
  }
  const positionInTag = new Map<string, Map<string, number>>();
  for (const [tag, list] of tagLists) {
    list.sort((a, b) => a.publishedAt - b.publishedAt || a.id.localeCompare(b.id));
    positionInTag.set(tag, new Map(list.map((a, i) => [a.id, i])));
  }
  const tagFrequency = new Map([...tagLists].map(([tag, list]) => [tag, list.length]));

  return function relatedFor(id: string): string[] {
    const article = byId.get(id);
    if (!article) return [];
    const chosen = article.related.filter((r) => r !== id && byId.has(r)).slice(0, limit);
    const scores = new Map<string, number>();
    for (const tag of new Set(article.tags)) {
      const list = tagLists.get(tag)!;
      const at = positionInTag.get(tag)!.get(id)!;
      for (let i = Math.max(0, at - window); i < Math.min(list.length, at + window + 1); i++) {
        const candidate = list[i];
        if (candidate.id === id || scores.has(candidate.id) || chosen.includes(candidate.id)) {
          continue;
        }
        scores.set(candidate.id, scoreCandidate(article, candidate, tagFrequency, articles.length));
      }
    }
    const ranked = [...scores]
      .filter(([, score]) => score > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([candidateId]) => candidateId);
    return [...chosen, ...ranked].slice(0, limit);
  };
}
