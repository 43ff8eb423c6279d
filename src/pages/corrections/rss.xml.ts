/** The corrections' own feed: each 정정·반론보도 as an item, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { allCorrections, CORRECTIONS_ANCHOR, correctionTitle } from '../../lib/corrections.ts';
import { FEED_SIZE } from '../../lib/feed.ts';
import { SITE } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadArchive();
  const entries = allCorrections(
    articles.map((a) => ({ ...a, corrections: a.entry.data.corrections })),
  );
  return rss({
    title: `${SITE.name} 정정·반론보도`,
    description: `${SITE.name}가 바로잡거나 반론을 실은 기사`,
    site: site!,
    items: entries.slice(0, FEED_SIZE).map((c) => ({
      title: `[${correctionTitle(c.kind)}] ${c.article.headline}`,
      link: `${c.article.url}#${CORRECTIONS_ANCHOR}`,
      description: c.text,
      pubDate: c.at,
      categories: [correctionTitle(c.kind)],
    })),
    customData: '<language>ko-kr</language>',
  });
};
