/**
 * 기자의 다른 기사: a reporter's newest articles other than the one being read, for the
 * reporter box under a story. One function, so the page and its cache key agree on the list.
 */
export function otherArticlesBy<T extends { id: string }>(
  byReporter: readonly T[] | undefined,
  currentId: string,
  limit = 3,
): T[] {
  const others: T[] = [];
  for (const article of byReporter ?? []) {
    if (others.length === limit) break;
    if (article.id !== currentId) others.push(article);
  }
  return others;
}
