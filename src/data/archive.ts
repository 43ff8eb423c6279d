/**
 * The archive as pages need it, computed once per build and shared by every route: articles
 * newest first with their section and reporters resolved, and indexes by section, reporter,
 * tag and day. Each index is built in one pass, so the cost grows linearly with the archive.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { resolve } from 'node:path';
import { readSections } from '../lib/content-files.ts';
import { kstParts } from '../lib/dates.ts';
import { excerptFromMarkdown } from '../lib/excerpt.ts';
import { paginate, pageParam } from '../lib/pagination.ts';
import { buildRelatedIndex } from '../lib/related.ts';
import type { Reporter, Section } from '../lib/schema.ts';
import { SITE } from '../lib/site.ts';
import { urls } from '../lib/urls.ts';
import { listingCacheKey } from './cache-keys.ts';
import type { TagCount } from '../lib/tag-index.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type Photo = ArticleEntry['data']['photos'][number];

export interface Article {
  id: string;
  url: string;
  entry: ArticleEntry;
  headline: string;
  section: Section;
  reporters: Reporter[];
  publishedAt: Date;
  updatedAt?: Date;
  tags: string[];
  excerpt: string;
  leadPhoto?: { src: ImageMetadata; alt: string };
  /** KST calendar day, for the date archive. */
  day: { year: number; month: number; day: number };
}

export interface Archive {
  articles: Article[];
  byId: Map<string, Article>;
  sections: Section[];
  reporters: Reporter[];
  bySection: Map<string, Article[]>;
  byReporter: Map<string, Article[]>;
  byTag: Map<string, Article[]>;
  /** year → month → day → articles, all newest first. */
  byDate: Map<number, Map<number, Map<number, Article[]>>>;
  relatedFor: (id: string) => Article[];
  /** Newer and older article in the same section. */
  neighbours: (article: Article) => { newer?: Article; older?: Article };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function buildArchive(): Promise<Archive> {
  const [entries, sectionEntries, reporterEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('sections'),
    getCollection('reporters'),
  ]);
  // getCollection() returns entries sorted by id, but the menu and the front page follow the
  // editors' order in sections.yaml (정치 first); content.config.ts loads the same folder.
  const order = readSections(resolve(process.env.CONTENT_DIR ?? 'content')).items.map((s) => s.id);
  const sections = sectionEntries
    .map((e) => e.data)
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const reporters = reporterEntries.map((e) => e.data);
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const reporterById = new Map(reporters.map((r) => [r.id, r]));

  const articles: Article[] = entries.map((entry) => {
    const { data } = entry;
    const lead = data.photos[0];
    return {
      id: entry.id,
      url: urls.article(entry.id),
      entry,
      headline: data.headline,
      // The schema already refused unknown ids, so these lookups cannot miss.
      section: sectionById.get(data.section)!,
      reporters: data.reporters.map((id) => reporterById.get(id)!),
      publishedAt: data.publishedAt,
      updatedAt: data.updatedAt,
      tags: data.tags,
      excerpt: data.summary ?? excerptFromMarkdown(entry.body ?? ''),
      leadPhoto: lead ? { src: lead.src, alt: lead.alt } : undefined,
      day: kstParts(data.publishedAt),
    };
  });
  articles.sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id),
  );

  const byId = new Map(articles.map((a) => [a.id, a]));
  const bySection = new Map<string, Article[]>();
  const byReporter = new Map<string, Article[]>();
  const byTag = new Map<string, Article[]>();
  const byDate = new Map<number, Map<number, Map<number, Article[]>>>();
  const positionInSection = new Map<string, number>();
  for (const article of articles) {
    push(bySection, article.section.id, article);
    positionInSection.set(article.id, bySection.get(article.section.id)!.length - 1);
    for (const reporter of article.reporters) push(byReporter, reporter.id, article);
    for (const tag of new Set(article.tags)) push(byTag, tag, article);
    const { year, month, day } = article.day;
    let months = byDate.get(year);
    if (!months) byDate.set(year, (months = new Map()));
    let days = months.get(month);
    if (!days) months.set(month, (days = new Map()));
    push(days, day, article);
  }

  const related = buildRelatedIndex(
    articles.map((a) => ({
      id: a.id,
      section: a.section.id,
      tags: a.tags,
      related: a.entry.data.related,
      publishedAt: a.publishedAt.getTime(),
    })),
  );

  const relatedById = new Map<string, Article[]>();
  return {
    articles,
    byId,
    sections,
    reporters,
    bySection,
    byReporter,
    byTag,
    byDate,
    // Asked for by the article page and by its cache key: scored once per article.
    relatedFor: (id) => {
      let list = relatedById.get(id);
      if (!list) relatedById.set(id, (list = related(id).map((relatedId) => byId.get(relatedId)!)));
      return list;
    },
    neighbours: (article) => {
      const list = bySection.get(article.section.id)!;
      const at = positionInSection.get(article.id)!;
      return { newer: list[at - 1], older: list[at + 1] };
    },
  };
}

let archive: Promise<Archive> | undefined;
/** The archive, built on first use and shared by every page of the build. */
export function loadArchive(): Promise<Archive> {
  return (archive ??= buildArchive());
}

export const pageSize = SITE.pageSize;

/** Every tag with the number of its articles, for the tag index pages. */
export function tagCounts(archive: Archive): TagCount[] {
  return [...archive.byTag].map(([tag, articles]) => ({ tag, count: articles.length }));
}

/** Props of one page of a paginated listing (sections, reporters, tags). */
export interface ListingPageProps<G> {
  group: G;
  items: Article[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * Route entries for a `[param]/[...page]` listing: one per page of each group's articles,
 * each with the cache key that lets an incremental build skip it when nothing on it changed.
 */
export function listingPaths<P extends string, G>(
  archive: Archive,
  param: P,
  groups: { key: string; group: G; articles: Article[] }[],
) {
  return groups.flatMap(({ key, group, articles }) =>
    paginate(articles, pageSize).map((p) => {
      const props = { group, ...p, total: articles.length } satisfies ListingPageProps<G>;
      return {
        params: { [param]: key, page: pageParam(p.page) } as Record<P, string> & { page?: string },
        props,
        cacheKey: listingCacheKey(archive, `${param}:${key}`, props),
      };
    }),
  );
}
