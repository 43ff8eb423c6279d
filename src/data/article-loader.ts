/**
 * The articles' content loader: Astro's glob loader over content/articles, with each entry
 * slimmed before it goes into the data store.
 *
 * Astro keeps the store as one JSON file and inlines it into the build's bundle as one string
 * (astro/dist/content/vite-plugin-content-virtual-mod.js), which every page render then
 * parses: at 10,000 news-length articles 96 MB, bundled in ~11 s, and at 50,000 the
 * bundling phase's 6.8 GB peak. Two parts of an entry were stored for nothing:
 * - `body`, the whole Markdown source (37% of the store): pages show the rendered HTML, and
 *   the body is read only for the excerpt of an article without a summary, which is cut
 *   from its first paragraph; so that paragraph is all `body` keeps.
 * - `rendered.metadata.frontmatter`, a second copy of the raw frontmatter (10%) for
 *   `render()`'s `remarkPluginFrontmatter`, which the site does not use: pages read the
 *   validated `data`.
 */
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { openingParagraph } from '../lib/excerpt.ts';
import { parseArticlePath } from '../lib/urls.ts';

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

function slimEntry(entry: StoredEntry): StoredEntry {
  const { rendered } = entry;
  return {
    ...entry,
    body: entry.body && openingParagraph(entry.body),
    rendered: rendered && {
      ...rendered,
      metadata: rendered.metadata && { ...rendered.metadata, frontmatter: {} },
    },
  };
}

export function articleLoader(base: string): Loader {
  const loader = glob({
    base,
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => {
      const parsed = parseArticlePath(entry);
      if (typeof parsed === 'string') throw new Error(`content/articles/${entry}: ${parsed}`);
      return parsed.id;
    },
  });
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        store: { ...context.store, set: (entry) => context.store.set(slimEntry(entry)) },
      }),
  };
}
