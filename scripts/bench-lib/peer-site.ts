/**
 * A plain Astro + Pagefind site over the same generated archive, for bench:peers: what a
 * team would write from Astro's docs and Pagefind's CLI, with no tuning of its own. Astro's
 * glob loader and default Markdown, `<Picture>` with the same formats and widths as the
 * project's photos, article pages, a home page and paginated section and tag listings of 20,
 * then `pagefind --site`.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FILES: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
// Caches inside the peer's folder: its node_modules is the project's.
export default defineConfig({
  site: 'https://peer.example',
  trailingSlash: 'always',
  cacheDir: './.cache',
  vite: { cacheDir: './.vite' },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.PEER_CONTENT_DIR + '/articles' }),
  schema: ({ image }) =>
    z.object({
      headline: z.string(),
      section: z.string(),
      publishedAt: z.string(),
      reporters: z.array(z.string()),
      tags: z.array(z.string()).default([]),
      photos: z
        .array(z.object({ src: image(), alt: z.string(), caption: z.string().optional() }))
        .default([]),
    }),
});
export const collections = { articles };
`,
  'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<html lang="ko"><head><meta charset="utf-8" /><title>{title}</title></head>
<body><header><a href="/">피어 일보</a></header><main data-pagefind-body><slot /></main></body></html>
`,
  'src/components/List.astro': `---
const { entries } = Astro.props;
---
<ul>{entries.map((a) => <li><a href={'/articles/' + a.id + '/'}>{a.data.headline}</a> {a.data.publishedAt.slice(0, 10)}</li>)}</ul>
`,
  'src/pages/articles/[...id].astro': `---
import { getCollection, render } from 'astro:content';
import { Picture } from 'astro:assets';
import Page from '../../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const photo = entry.data.photos[0];
---
<Page title={entry.data.headline}>
  <article>
    <h1>{entry.data.headline}</h1>
    <time datetime={entry.data.publishedAt}>{entry.data.publishedAt}</time>
    {photo && <figure><Picture src={photo.src} alt={photo.alt} formats={['avif', 'webp']} widths={[480, 760, 1200]} sizes="(max-width: 760px) 100vw, 760px" /><figcaption>{photo.caption}</figcaption></figure>}
    <Content />
    <p>{entry.data.tags.map((tag) => <a href={'/tags/' + tag + '/'}>#{tag} </a>)}</p>
  </article>
</Page>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';
import List from '../components/List.astro';
const all = (await getCollection('articles')).sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt));
---
<Page title="피어 일보"><List entries={all.slice(0, 20)} /></Page>
`,
  'src/pages/sections/[section]/[...page].astro': `---
import { getCollection } from 'astro:content';
import Page from '../../../layouts/Page.astro';
import List from '../../../components/List.astro';
export async function getStaticPaths({ paginate }) {
  const all = (await getCollection('articles')).sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt));
  return [...new Set(all.map((a) => a.data.section))].flatMap((section) =>
    paginate(all.filter((a) => a.data.section === section), { params: { section }, pageSize: 20 }));
}
const { page } = Astro.props;
---
<Page title={Astro.params.section}><List entries={page.data} />{page.url.next && <a href={page.url.next}>다음</a>}</Page>
`,
  'src/pages/tags/[tag]/[...page].astro': `---
import { getCollection } from 'astro:content';
import Page from '../../../layouts/Page.astro';
import List from '../../../components/List.astro';
export async function getStaticPaths({ paginate }) {
  const all = (await getCollection('articles')).sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt));
  return [...new Set(all.flatMap((a) => a.data.tags))].flatMap((tag) =>
    paginate(all.filter((a) => a.data.tags.includes(tag)), { params: { tag }, pageSize: 20 }));
}
const { page } = Astro.props;
---
<Page title={Astro.params.tag}><List entries={page.data} />{page.url.next && <a href={page.url.next}>다음</a>}</Page>
`,
};

/** Writes the site into `root`, with the project's node_modules linked in. */
export function writePeerSite(root: string, projectRoot: string) {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
}
