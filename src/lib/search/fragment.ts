/**
 * What a search result downloads of its article: Pagefind's fragment cut down to what a
 * result shows (src/scripts/search/client.ts, toView). Pagefind puts a page's whole text in
 * its fragment, so a list of ten results cost ten whole stories: ~1.6 KB compressed each for
 * a 1,700-character article, 16 KB before any of the index. The index keeps every word of
 * the article (a match anywhere still finds it); the fragment keeps the headline, the
 * filters a result shows and the article's lead, which the excerpt is cut from. A match past
 * the lead shows the lead, the way a newspaper's search list shows a story's opening.
 */

/**
 * Characters of the article's opening a fragment keeps: twice the longest excerpt a result
 * shows (160, the search page), so the excerpt can centre a match anywhere in the first
 * paragraph or two, where a news story puts its facts.
 */
export const LEAD_CHARS = 320;

/** Pagefind 1.6's fragment file, as JSON. */
export interface PagefindFragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: unknown[];
}

/** The filters and meta fields a result shows (client.ts reads no others). */
export const RESULT_FILTERS = ['section', 'published', 'thumb', 'reporter'];
export const RESULT_META = ['title'];

const pick = <T>(record: Record<string, T>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));

/** The opening of `content`, cut at a space within `maxChars`, with " …" where cut. */
export function leadOf(content: string, maxChars = LEAD_CHARS): string {
  // No more UTF-16 units than maxChars means no more characters: no need to split them.
  if (content.length <= maxChars) return content;
  const chars = [...content];
  if (chars.length <= maxChars) return content;
  const head = chars.slice(0, maxChars + 1).join('');
  const space = head.search(/\s\S*$/);
  const cut = space > 0 ? head.slice(0, space) : chars.slice(0, maxChars).join('');
  return `${cut.trimEnd()} …`;
}

/** `lead`: the story's opening (record.ts), without the subheadlines and captions that
 * the indexed content also has. */
export function resultFragment(fragment: PagefindFragment, lead?: string): PagefindFragment {
  return {
    ...fragment,
    content: lead || leadOf(fragment.content),
    filters: pick(fragment.filters, RESULT_FILTERS),
    meta: pick(fragment.meta, RESULT_META),
  };
}
