/** A scraped file, text or saved HTML page, read into its parts. */
import { htmlToText } from './html.ts';
import { parseScrapedArticle, type SectionLabels } from './parse.ts';
import type { ScrapedArticle } from './types.ts';

export function readScraped(
  raw: string,
  fileName: string,
  sections: SectionLabels,
): ScrapedArticle {
  if (!/\.html?$/i.test(fileName)) return parseScrapedArticle(raw, sections);
  const page = htmlToText(raw);
  const article = parseScrapedArticle(page.text, sections);
  // The page's navigation and footer come first: they are dropped before the text is read.
  return { ...article, dropped: [...page.chrome, ...article.dropped] };
}
