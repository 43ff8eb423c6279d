/**
 * Loads everything an article's validation depends on (sections, reporters, the set of
 * article ids) and reports every problem found on the way. Used by the build
 * (src/content.config.ts) and by `npm run check`, so both apply the same rules.
 */
import { join } from 'node:path';
import { SITE } from './site.ts';
import { listArticleFiles, readReporters, readSections } from './content-files.ts';
import { readSeries } from './series.ts';

export function loadContentContext(contentDir: string, now = new Date()) {
  const sections = readSections(contentDir);
  const reporters = readReporters(contentDir);
  const series = readSeries(contentDir);
  const articles = listArticleFiles(join(contentDir, 'articles'));
  const errors = [...sections.errors, ...reporters.errors, ...series.errors, ...articles.errors];
  return {
    sections: sections.items,
    reporters: reporters.items,
    articleFiles: articles.files,
    errors,
    sectionIds: new Set(sections.items.map((s) => s.id)),
    reporterIds: new Set(reporters.items.map((r) => r.id)),
    series: series.items,
    seriesIds: new Set(series.items.map((s) => s.id)),
    articleIds: new Set(articles.files.map((f) => f.id)),
    latestAllowed: new Date(now.getTime() + SITE.futureMarginHours * 3600_000),
  };
}
