/**
 * One page of every type a reader meets, chosen from the articles under content/ (not from
 * the site's code): the screenshots command and the layout test look at the same pages.
 */
import { sourceArticles, type SourceArticle } from './site.ts';

export interface PageType {
  /** File-name friendly name: home, article, section, … */
  name: string;
  path: string;
}

/** The KST calendar day of an ISO date with offset, as zero-padded parts. */
function kstDay(iso: string): [string, string, string] {
  const kst = new Date(new Date(iso).getTime() + 9 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(kst.getUTCFullYear()), pad(kst.getUTCMonth() + 1), pad(kst.getUTCDate())];
}

/** The article with the most photos: the one whose layout has the most to get wrong. */
export function articleWithMostPhotos(articles: SourceArticle[] = sourceArticles()) {
  return [...articles].sort(
    (a, b) => (b.frontmatter.photos ?? []).length - (a.frontmatter.photos ?? []).length,
  )[0];
}

export function pageTypes(articles: SourceArticle[] = sourceArticles()): PageType[] {
  const article = articleWithMostPhotos(articles);
  const { frontmatter } = article;
  const [year, month, day] = kstDay(frontmatter.publishedAt);
  const tag: string = frontmatter.tags[0];
  // A word of the headline is found by search; a made-up one is not.
  const word = String(frontmatter.headline).split(/[\s,·…"']+/)[0];
  return [
    { name: 'home', path: '/' },
    { name: 'article', path: `/articles/${article.id}/` },
    { name: 'section', path: `/sections/${frontmatter.section}/` },
    { name: 'reporter', path: `/reporters/${frontmatter.reporters[0]}/` },
    { name: 'tag', path: `/tags/${encodeURIComponent(tag)}/` },
    { name: 'tags', path: '/tags/' },
    { name: 'tag-index', path: `/tag-index/${encodeURIComponent('ㄱ')}/` },
    { name: 'archive-year', path: `/archive/${year}/` },
    { name: 'archive-month', path: `/archive/${year}/${month}/` },
    { name: 'archive-day', path: `/archive/${year}/${month}/${day}/` },
    { name: 'search-results', path: `/search/?q=${encodeURIComponent(word)}` },
    { name: 'search-none', path: `/search/?q=${encodeURIComponent('존재하지않는낱말')}` },
    { name: '404', path: '/no-such-page/' },
  ];
}
