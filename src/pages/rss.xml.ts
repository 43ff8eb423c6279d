import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { feedItems } from '../lib/feed.ts';
import { SITE } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadArchive();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: site!,
    items: feedItems(articles),
    customData: '<language>ko-kr</language>',
  });
};
