/** RSS feed items for the newest articles (a feed is a "what's new" list, not the archive). */
import { authorLabel } from './authors.ts';
import type { Reporter } from './schema.ts';

export const FEED_SIZE = 50;

export interface FeedArticle {
  url: string;
  headline: string;
  excerpt: string;
  publishedAt: Date;
  section: { name: string };
  reporters: Reporter[];
  tags: string[];
}

export function feedItems(articles: readonly FeedArticle[]) {
  return articles.slice(0, FEED_SIZE).map((a) => ({
    link: a.url,
    title: a.headline,
    description: a.excerpt,
    pubDate: a.publishedAt,
    categories: [a.section.name, ...a.tags],
    author: a.reporters.map(authorLabel).join(', '),
  }));
}
