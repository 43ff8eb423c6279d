import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { feedItems } from '../../../lib/feed.ts';
import type { Section } from '../../../lib/schema.ts';
import { SITE } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
  const { sections } = await loadArchive();
  return sections.map((section) => ({ params: { section: section.id }, props: { section } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { section } = props as { section: Section };
  const { bySection } = await loadArchive();
  return rss({
    title: `${SITE.name} - ${section.name}`,
    description: section.description || `${section.name} 섹션 기사`,
    site: site!,
    items: feedItems(bySection.get(section.id) ?? []),
    customData: '<language>ko-kr</language>',
  });
};
