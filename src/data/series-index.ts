/**
 * Series for the pages: content/series.yaml's entries and each series' parts in reading order
 * (src/lib/series.ts), computed once per build from the archive.
 */
import { getCollection } from 'astro:content';
import { partsBySeries, seriesPosition } from '../lib/series.ts';
import type { Series } from '../lib/schema.ts';
import { loadArchive, type Article } from './archive.ts';

export interface SeriesPart {
  id: string;
  publishedAt: Date;
  series?: { id: string; part?: number };
  url: string;
  headline: string;
  article: Article;
}

export interface SeriesIndex {
  series: Series[];
  byId: Map<string, Series>;
  parts: Map<string, SeriesPart[]>;
}

async function build(): Promise<SeriesIndex> {
  const [entries, archive] = await Promise.all([getCollection('series'), loadArchive()]);
  const series = entries.map((e) => e.data);
  const members = archive.articles
    .filter((a) => a.entry.data.series)
    .map((a) => ({
      id: a.id,
      publishedAt: a.publishedAt,
      series: a.entry.data.series,
      url: a.url,
      headline: a.headline,
      article: a,
    }));
  return { series, byId: new Map(series.map((s) => [s.id, s])), parts: partsBySeries(members) };
}

let index: Promise<SeriesIndex> | undefined;
export const loadSeriesIndex = () => (index ??= build());

/** The article's series, its number and neighbours; undefined when it is in none. */
export async function seriesOf(article: Article) {
  const ref = article.entry.data.series;
  if (!ref) return undefined;
  const { byId, parts } = await loadSeriesIndex();
  const list = parts.get(ref.id) ?? [];
  const position = seriesPosition(list, article.id);
  return position && { series: byId.get(ref.id)!, ...position };
}
