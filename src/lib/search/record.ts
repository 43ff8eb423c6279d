/**
 * Builds the Pagefind custom record of one article. Readers' text goes into `content` and
 * `meta.title` untouched, so anything shown comes from it; our extra index forms go into
 * meta fields `kt` (title) and `k` (the rest), which Pagefind searches but the site never
 * displays. Dates and the thumbnail are filters, not meta: every meta field is searchable,
 * and 2025 or an image file name must not match a query.
 */
import { leadOf } from './fragment.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface SearchableArticle {
  /** e.g. 2025/11/seoul-robot-center */
  id: string;
  url: string;
  headline: string;
  subheadlines: string[];
  /** The story's paragraphs, in reading order. */
  paragraphs: string[];
  /** Figure captions with their credits. */
  captions?: string[];
  sectionName: string;
  /** ISO date-time with offset. */
  published: string;
  /** KST calendar date, YYYY-MM-DD. */
  publishedDate: string;
  reporters: string[];
  thumbnail?: string;
}

export interface SearchRecord {
  url: string;
  /** The story, then its subheadlines and captions: all searched. */
  content: string;
  /** The story's opening, which a result's excerpt is cut from (fragment.ts): not indexed,
   * and not given to Pagefind's service (not a field of its records). */
  lead?: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * Korean has no Pagefind stemmer; "ko" keeps Pagefind's plain whitespace words (no
 * stemming to disagree with our forms) and the browser's Intl.Segmenter is not used for it.
 */
export const SEARCH_LANGUAGE = 'ko';

/** Forms not already reachable by Pagefind's prefix match on the word itself. */
export function extraForms(tokens: Token[]): string[] {
  const forms = new Set<string>();
  for (const token of tokens) {
    for (const form of token.extras) if (!token.word.startsWith(form)) forms.add(form);
  }
  return [...forms];
}

export function buildSearchRecord(article: SearchableArticle): SearchRecord {
  const story = article.paragraphs.join('\n');
  // Subheadlines and captions are searched but never excerpted: "…전경. 사진 제공=서울시
  // 서울시가…" was a caption and its credit glued to the story.
  const body = [story, ...article.subheadlines, ...(article.captions ?? [])].join('\n');
  const titleForms = extraForms(tokenize(article.headline));
  const bodyForms = extraForms(tokenize(body)).filter((f) => !titleForms.includes(f));
  // Reporter names and section are metadata a reader may type (김하윤 기자, 경제).
  const metaWords = [
    ...article.reporters,
    article.reporters.length ? '기자' : '',
    article.sectionName,
  ];
  return {
    url: article.url,
    content: body,
    lead: leadOf(story),
    language: SEARCH_LANGUAGE,
    meta: {
      title: article.headline,
      kt: titleForms.join(' '),
      k: [...bodyForms, ...metaWords.filter(Boolean)].join(' '),
    },
    filters: {
      section: [article.sectionName],
      year: [article.publishedDate.slice(0, 4)],
      reporter: article.reporters,
      published: [article.publishedDate],
      ...(article.thumbnail ? { thumb: [article.thumbnail] } : {}),
    },
    sort: { date: article.published },
  };
}
