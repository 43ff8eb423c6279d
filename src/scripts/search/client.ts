/**
 * The browser side of search: loads Pagefind's runtime from /pagefind/ (written by
 * src/integrations/search-index.ts at build time, so it is not part of the Vite bundle) and
 * turns hits into what a result shows. Headline and excerpt come from the readable text; the
 * index-only forms in meta never reach the page.
 */
import {
  RANKING,
  searchArticles,
  type Hit,
  type PagefindApi,
  type SortOrder,
} from '../../lib/search/engine.ts';
import { excerptParts, highlightText, type TextPart } from '../../lib/search/highlight.ts';
import type { QueryPlan } from '../../lib/search/query.ts';

export interface ResultView {
  url: string;
  title: TextPart[];
  section: string;
  /** KST calendar day, YYYY-MM-DD. */
  dateIso: string;
  dateText: string;
  thumbnail?: string;
  excerpt: TextPart[];
}

export interface SearchFilters {
  section?: string;
  year?: string;
  reporter?: string;
}

let loading: Promise<PagefindApi> | undefined;

/** Loads Pagefind once; rejects with a Korean message when the index is missing. */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    try {
      const pagefind = await import(/* @vite-ignore */ url);
      await pagefind.options({ ranking: RANKING });
      return pagefind as PagefindApi;
    } catch {
      loading = undefined;
      throw new Error('검색 색인을 불러오지 못했습니다. 잠시 뒤 다시 시도해 주세요.');
    }
  })();
  return loading;
}

export async function runSearch(
  query: string,
  options: { filters?: SearchFilters; sort?: SortOrder } = {},
): Promise<{ plan: QueryPlan; hits: Hit[] }> {
  const pagefind = await loadPagefind();
  const filters = Object.fromEntries(
    Object.entries(options.filters ?? {}).filter(([, v]) => v),
  ) as Record<string, string>;
  return searchArticles(pagefind, query, { filters, sort: options.sort });
}

export async function toView(hit: Hit, plan: QueryPlan, excerptChars: number): Promise<ResultView> {
  const data = await hit.data();
  // The index stores the KST calendar day (YYYY-MM-DD, computed with src/lib/dates.ts at
  // build time); shown as 2025.11.02 like the site's other lists.
  const dateIso = data.filters.published?.[0] ?? '';
  return {
    url: data.url,
    title: highlightText(data.meta.title ?? '', plan),
    section: data.filters.section?.[0] ?? '',
    dateIso,
    dateText: dateIso.replaceAll('-', '.'),
    thumbnail: data.filters.thumb?.[0],
    excerpt: excerptParts(data.content, plan, excerptChars),
  };
}
