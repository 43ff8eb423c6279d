/**
 * Article ids and every URL the site builds. An article's id comes from its path under
 * content/articles/: `2025/11/seoul-robot-center.md` and `2025/11/seoul-robot-center/index.md`
 * are both `2025/11/seoul-robot-center`, published at /articles/2025/11/seoul-robot-center/.
 */
import { SLUG } from './schema.ts';

const ARTICLE_PATH = /^(\d{4})\/(\d{2})\/([^/]+?)(?:\/index)?\.mdx?$/;

export interface ArticlePath {
  id: string;
  year: number;
  month: number;
  slug: string;
}

/** Parses a path relative to content/articles/; returns a reason string when it is not valid. */
export function parseArticlePath(relativePath: string): ArticlePath | string {
  const m = ARTICLE_PATH.exec(relativePath.replaceAll('\\', '/'));
  if (!m) {
    return '기사 파일은 content/articles/연도4자리/월2자리/슬러그.md (또는 슬러그/index.md) 에 두세요';
  }
  const [, y, mo, slug] = m;
  const month = Number(mo);
  if (month < 1 || month > 12) return `월 폴더 '${mo}'가 01~12가 아닙니다`;
  if (!SLUG.test(slug)) return `슬러그 '${slug}'는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다`;
  return { id: `${y}/${mo}/${slug}`, year: Number(y), month, slug };
}

const enc = encodeURIComponent;
export const urls = {
  home: () => '/',
  article: (id: string) => `/articles/${id}/`,
  section: (sectionId: string, page = 1) =>
    page === 1 ? `/sections/${sectionId}/` : `/sections/${sectionId}/${page}/`,
  reporter: (reporterId: string, page = 1) =>
    page === 1 ? `/reporters/${reporterId}/` : `/reporters/${reporterId}/${page}/`,
  tag: (tag: string, page = 1) =>
    page === 1 ? `/tags/${enc(tag)}/` : `/tags/${enc(tag)}/${page}/`,
  tags: () => '/tags/',
  tagIndex: (initial: string, page = 1) =>
    page === 1 ? `/tag-index/${enc(initial)}/` : `/tag-index/${enc(initial)}/${page}/`,
  reporters: () => '/reporters/',
  archive: (year?: number, month?: number, day?: number, page = 1) => {
    const parts = [year, month, day]
      .filter((p): p is number => p !== undefined)
      .map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0')));
    const base = `/archive/${parts.map((p) => p + '/').join('')}`;
    return page === 1 ? base : `${base}page/${page}/`;
  },
  search: (query?: string) => (query ? `/search/?q=${enc(query)}` : '/search/'),
  feed: (sectionId?: string) => (sectionId ? `/sections/${sectionId}/rss.xml` : '/rss.xml'),
  corrections: (page = 1) => (page === 1 ? '/corrections/' : `/corrections/${page}/`),
  correctionsFeed: () => '/corrections/rss.xml',
  seriesIndex: () => '/series/',
  series: (seriesId: string) => `/series/${seriesId}/`,
};

/** Absolute URL on the configured site. */
export function absoluteUrl(path: string, site: string): string {
  return new URL(path, site.endsWith('/') ? site : site + '/').href;
}
