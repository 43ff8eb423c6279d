/**
 * One scrape → the article file the importer would write, or the reasons it will not: shared
 * by `npm run import -- file` and the batch import of a folder. Pure: the caller reads the
 * scrape and writes the results.
 */
import { z } from 'zod';
import { parseIsoWithOffset } from '../dates.ts';
import { makeArticleSchema, SLUG, type Reporter, type Section } from '../schema.ts';
import {
  importedArticleMarkdown,
  importedArticlePath,
  slugFromHeadline,
  unexpectedIssues,
} from './article-file.ts';
import { ImportError, type SectionLabels } from './parse.ts';
import { readScraped } from './read.ts';
import { matchReporters, type ReporterMatch } from './reporters.ts';
import type { ScrapedArticle } from './types.ts';

export interface ImportContext {
  sections: readonly Section[];
  labels: SectionLabels;
  sectionIds: ReadonlySet<string>;
  /** The list as it stands, with whatever an earlier file of the same batch added. */
  reporters: readonly Reporter[];
  latestAllowed: Date;
}

export interface ImportOptions {
  section?: string;
  slug?: string;
  /** The editor's --date: replaces the scrape's time stamp (one file) or fills its absence. */
  date?: Date;
  dateWins?: boolean;
  /** A date read from the file name, used when the scrape prints none. */
  fileDate?: Date;
}

export type Prepared =
  /** unreadable: the scrape itself could not be read (one problem, from parse.ts). */
  | { ok: false; unreadable: boolean; problems: string[] }
  | {
      ok: true;
      scraped: ScrapedArticle;
      section: string;
      publishedAt: Date;
      updatedAt?: Date;
      slug: string;
      /** articles/YYYY/MM/slug(.md|/index.md), relative to the content folder. */
      relativePath: string;
      markdown: string;
      reporters: ReporterMatch;
    };

export function prepareImport(
  raw: string,
  fileName: string,
  context: ImportContext,
  options: ImportOptions = {},
): Prepared {
  let scraped: ScrapedArticle;
  try {
    scraped = readScraped(raw, fileName, context.labels);
  } catch (error) {
    if (error instanceof ImportError) {
      return { ok: false, unreadable: true, problems: [error.message] };
    }
    throw error;
  }
  const problems: string[] = [];
  const known = [...context.sectionIds].join(', ');
  const section = options.section ?? scraped.section;
  if (!section) {
    problems.push(`--section: 첫 줄에서 섹션을 알아보지 못했습니다. 섹션 id를 주세요 (${known})`);
  } else if (!context.sectionIds.has(section)) {
    problems.push(`--section: 알 수 없는 섹션 '${section}' (${known})`);
  }

  const stamped = scraped.publishedAt ? parseIsoWithOffset(scraped.publishedAt) : undefined;
  const publishedAt =
    (options.dateWins ? options.date : undefined) ?? stamped ?? options.fileDate ?? options.date;
  if (!publishedAt) {
    problems.push(
      '--date: 원문에 입력 시각이 없습니다. 한국 시간으로 주세요 (예: --date "2025-11-03 09:30")',
    );
  }

  const slug = options.slug ?? slugFromHeadline(scraped.headline);
  if (!slug || !SLUG.test(slug)) {
    problems.push(
      `--slug: ${slug ? `'${slug}'는 ` : '제목으로 주소를 만들지 못했습니다: '}영문 소문자, 숫자, 하이픈으로 주세요 (예: --slug seoul-robot-center)`,
    );
  }

  const sectionName = context.sections.find((s) => s.id === section)?.name ?? '';
  const reporters = matchReporters(
    scraped.reporters,
    context.reporters,
    `${sectionName}부`,
    scraped.desk,
  );
  for (const name of reporters.ambiguous) {
    problems.push(`기자: 같은 이름이 content/reporters.yaml에 여럿 있습니다: ${name}`);
  }
  if (problems.length > 0) return { ok: false, unreadable: false, problems };

  const updatedAt = scraped.updatedAt ? parseIsoWithOffset(scraped.updatedAt) : undefined;
  const markdown = importedArticleMarkdown(scraped, {
    section: section!,
    slug: slug!,
    publishedAt: publishedAt!,
    updatedAt,
    reporterIds: reporters.ids,
  });
  const schema = makeArticleSchema({
    photoSrc: z.string(),
    sectionIds: context.sectionIds,
    // Every id comes from matchReporters, listed or added with this article; rebuilding the
    // whole list's set for each file of a batch would cost as much as the list is long.
    reporterIds: new Set(reporters.ids),
    latestAllowed: context.latestAllowed,
  });
  const issues = unexpectedIssues(markdown, schema);
  if (issues.length > 0) return { ok: false, unreadable: false, problems: issues };
  return {
    ok: true,
    scraped,
    section: section!,
    publishedAt: publishedAt!,
    updatedAt,
    slug: slug!,
    relativePath: importedArticlePath(publishedAt!, slug!, scraped.photos.length),
    markdown,
    reporters,
  };
}
