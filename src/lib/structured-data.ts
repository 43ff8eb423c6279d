/** schema.org NewsArticle for an article page (Google's news article fields). */
import { toKstIso } from './dates.ts';
import { absoluteUrl, urls } from './urls.ts';

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  images: string[];
  publishedAt: Date;
  updatedAt?: Date;
  authors: { name: string; url: string }[];
  section: string;
  tags: string[];
  publisher: string;
  site: string;
}

export function newsArticleJsonLd(input: NewsArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    headline: input.headline,
    description: input.description,
    image: input.images,
    datePublished: toKstIso(input.publishedAt),
    dateModified: toKstIso(input.updatedAt ?? input.publishedAt),
    author: input.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url })),
    publisher: {
      '@type': 'Organization',
      name: input.publisher,
      logo: { '@type': 'ImageObject', url: absoluteUrl('/favicon.svg', input.site) },
      url: absoluteUrl(urls.home(), input.site),
    },
    articleSection: input.section,
    keywords: input.tags,
    inLanguage: 'ko-KR',
  };
}
