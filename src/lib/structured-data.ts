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
  /** A desk or wire service is an Organization, a reporter a Person. */
  authors: { name: string; url: string; organization?: boolean }[];
  /** 정정·반론보도, each as a CorrectionComment. */
  corrections?: { kind: string; text: string; at: Date }[];
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
    author: input.authors.map((a) => ({
      '@type': a.organization ? 'Organization' : 'Person',
      name: a.name,
      url: a.url,
    })),
    ...(input.corrections?.length
      ? {
          correction: input.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: `[${c.kind}] ${c.text}`,
            datePublished: toKstIso(c.at),
          })),
        }
      : {}),
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
