/** Splits a newest-first list into pages of `pageSize`; page numbers start at 1. */
export function paginate<T>(items: readonly T[], pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: pageCount }, (_, i) => ({
    page: i + 1,
    pageCount,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
  }));
}

/** Page number for a `[...page]` route param: undefined → 1, "2" → 2. */
export const pageParam = (page: number) => (page === 1 ? undefined : String(page));
