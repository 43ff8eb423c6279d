/**
 * Loads everything an article's validation depends on (sections, reporters, the set of
 * article ids) and reports every problem found on the way. Used by the build
 * (src/content.config.ts) and by `npm run check`, so both apply the same rules.
 */
import { join } from 'node:path';
import { SITE } from './site.ts';
import {
  linkedContentPaths,
  listArticleFiles,
  readReporters,
  readSections,
} from './content-files.ts';
import { readSeries } from './series.ts';

export function loadContentContext(contentDir: string, now = new Date()) {
  // A linked list or folder is reported and not read: its text is not the repository's.
  const linked = linkedContentPaths(contentDir);
  const isLinked = (name: string) => linked.some((error) => error.file === `content/${name}`);
  const none = { items: [], errors: [] };
  const sections = isLinked('sections.yaml') ? none : readSections(contentDir);
  const reporters = isLinked('reporters.yaml') ? none : readReporters(contentDir);
  const series = isLinked('series.yaml') ? none : readSeries(contentDir);
  const articles = isLinked('articles')
    ? { files: [], errors: [] }
    : listArticleFiles(join(contentDir, 'articles'));
  const errors = [
    ...linked,
    ...sections.errors,
    ...reporters.errors,
    ...series.errors,
    ...articles.errors,
  ];
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
