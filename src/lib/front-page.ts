/**
 * What the front page shows, the way a newspaper's is made up: one top story (the newest
 * with a photo, since it leads with one), a 주요 기사 block of the newest others, one per
 * section while sections last, then a block per section (in sections.yaml order) of that
 * section's newest not shown above. No story appears twice. A "most read" list would need
 * a server, so there is none.
 */
export interface Story {
  id: string;
  section: { id: string };
  leadPhoto?: unknown;
}

export interface FrontPage<A> {
  top?: A;
  headlines: A[];
  sections: { id: string; articles: A[] }[];
}

export function frontPage<A extends Story>(
  /** Newest first. */
  articles: readonly A[],
  /** Section ids in display order, each with its articles newest first. */
  bySection: ReadonlyMap<string, readonly A[]>,
  sectionOrder: readonly string[],
  { headlines = 5, perSection = 4 } = {},
): FrontPage<A> {
  const top = articles.find((a) => a.leadPhoto) ?? articles[0];
  const shown = new Set(top ? [top.id] : []);
  // The newest of each section first, then the newest of the rest if sections run out.
  // Only the newest few dozen are looked at, however large the archive.
  const candidates = articles.slice(0, headlines * 8 + 1).filter((a) => a !== top);
  const sectionsTaken = new Set(top ? [top.section.id] : []);
  const picked: A[] = [];
  for (const article of candidates) {
    if (picked.length === headlines) break;
    if (sectionsTaken.has(article.section.id)) continue;
    sectionsTaken.add(article.section.id);
    picked.push(article);
  }
  for (const article of candidates) {
    if (picked.length === headlines) break;
    if (!picked.includes(article)) picked.push(article);
  }
  // Keep the block newest first, as a reader scans it.
  const order = new Map(candidates.map((a, i) => [a.id, i]));
  picked.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  for (const article of picked) shown.add(article.id);

  const sections = sectionOrder
    .map((id) => {
      const list: A[] = [];
      for (const article of bySection.get(id) ?? []) {
        if (list.length === perSection) break;
        if (!shown.has(article.id)) list.push(article);
      }
      return { id, articles: list };
    })
    .filter((s) => s.articles.length > 0);
  return { top, headlines: picked, sections };
}
