/**
 * Series (연재): content/series.yaml lists them (id, name, description); an article joins one
 * with `series: { id, part }`. Parts are ordered by their part number, then by publication
 * (a part without a number follows the numbered ones in the order it was published).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlList } from './content-files.ts';
import { seriesSchema } from './schema.ts';

export const SERIES_FILE = 'series.yaml';

/** The list, or none when the folder has no series.yaml (a site without series). */
export function readSeries(contentDir: string) {
  const file = join(contentDir, SERIES_FILE);
  if (!existsSync(file)) return { items: [], errors: [] };
  return readYamlList(file, seriesSchema, `content/${SERIES_FILE}`);
}

export interface SeriesMember {
  id: string;
  publishedAt: Date;
  series?: { id: string; part?: number };
}

/** A series' articles in reading order. */
export function seriesParts<A extends SeriesMember>(articles: readonly A[], seriesId: string): A[] {
  return articles
    .filter((a) => a.series?.id === seriesId)
    .sort(
      (a, b) =>
        (a.series!.part ?? Infinity) - (b.series!.part ?? Infinity) ||
        a.publishedAt.getTime() - b.publishedAt.getTime() ||
        a.id.localeCompare(b.id),
    );
}

/** Every series' parts in reading order, in one pass over the archive. */
export function partsBySeries<A extends SeriesMember>(articles: readonly A[]): Map<string, A[]> {
  const ids = new Set(articles.flatMap((a) => (a.series ? [a.series.id] : [])));
  return new Map([...ids].map((id) => [id, seriesParts(articles, id)]));
}

/** The number printed for the part at `index` ("연재 N회"): its own, else its place. */
export const partNumber = (parts: readonly SeriesMember[], index: number) =>
  parts[index]!.series?.part ?? index + 1;

/** Where an article stands in its series: its number and the parts either side. */
export function seriesPosition<A extends SeriesMember>(parts: readonly A[], articleId: string) {
  const at = parts.findIndex((a) => a.id === articleId);
  if (at < 0) return undefined;
  const neighbour = (index: number) =>
    parts[index] && { article: parts[index], part: partNumber(parts, index) };
  return {
    part: partNumber(parts, at),
    total: parts.length,
    previous: neighbour(at - 1),
    next: neighbour(at + 1),
  };
}
