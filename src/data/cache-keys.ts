/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose
 * key and code are unchanged since the last build is copied from the cache instead of being
 * rendered. A key must therefore cover everything the page prints: the article (its entry
 * digest hashes frontmatter and body), the photos (their build URL carries a content hash),
 * the articles it links to with their cards, and what every page shares (site URL, sections).
 */
import { createHash } from 'node:crypto';
import { otherArticlesBy } from '../lib/reporter-articles.ts';
import type { Archive, Article, ListingPageProps } from './archive.ts';

const hash = (parts: unknown) =>
  createHash('sha1').update(JSON.stringify(parts)).digest('base64url');

/** What an article contributes to any page that shows it, in full or as a card. */
const articleParts = (article: Article) => [
  article.id,
  article.entry.digest,
  article.entry.data.photos.map((photo) => photo.src.src),
];

const sharedParts = (archive: Archive) => [import.meta.env.SITE, archive.sections];

/** `extra`: anything else the page prints (its series' name and neighbouring parts). */
export function articleCacheKey(archive: Archive, article: Article, extra?: unknown): string {
  const { newer, older } = archive.neighbours(article);
  return hash([
    extra ?? null,
    sharedParts(archive),
    articleParts(article),
    archive.relatedFor(article.id).map(articleParts),
    [newer, older].map((a) => a && [a.id, a.entry.digest]),
    article.reporters,
    // 기자의 다른 기사 in the reporter boxes.
    article.reporters.map((r) =>
      otherArticlesBy(archive.byReporter.get(r.id), article.id).map((a) => [a.id, a.entry.digest]),
    ),
  ]);
}

/** A listing page changes with its group (a reporter's bio …), entries, position or total. */
export function listingCacheKey(
  archive: Archive,
  scope: string,
  { group, items, page, pageCount, total }: ListingPageProps<unknown>,
): string {
  return hash([
    sharedParts(archive),
    scope,
    group,
    page,
    pageCount,
    total,
    items.map(articleParts),
  ]);
}
