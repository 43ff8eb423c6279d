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
 *
 * Every article file's text goes through cleanText (NFC, no control characters) as the
 * checker reads it, and a file reached through a symbolic link is refused before Astro
 * parses it: the glob loader (tinyglobby) follows links, to files and folders, even out of
 * the repository. content.config.ts has run the checker, which refuses them, before this
 * loader starts; this stops a link made after that, or a build that skipped the check.
 *
 * And the Markdown of new or changed .md articles is rendered on two threads: Astro renders
 * it on its main thread, entry after entry, ~1.8 ms a news-length article (most of a cold
 * content sync); a worker (markdown-worker.ts) takes an entry whenever it holds fewer than
 * MARKDOWN_QUEUE, with Astro's own render function over the same processor.
 */
import type { ContentEntryType } from 'astro';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../lib/clean-text.ts';
import { isLinkedBelow, SYMLINK_MESSAGE } from '../lib/content-files.ts';
import { openingParagraph } from '../lib/excerpt.ts';
import { parseArticlePath } from '../lib/urls.ts';
import { laneAfter, laneQueue, startLane, type LaneAfter } from '../lib/worker-lane.ts';
import type { MarkdownJob, MarkdownWorkerData, RenderedMarkdown } from './markdown-protocol.ts';

/** Entries the Markdown worker holds at once (Astro's glob loader has 10 in flight). */
const MARKDOWN_QUEUE = 6;

/** Astro hands its glob loader the content entry types by extension (not in LoaderContext's
 * public type). */
type GlobContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

/** Entries Astro renders itself before the worker is started: a warm build renders only
 * the changed ones and never loads it. */
const START_AFTER_ENTRIES = 32;

/**
 * The .md entry type with its render function shared with a worker thread, started once
 * Astro has rendered START_AFTER_ENTRIES itself and stopped by `stop`; after that, or if it
 * cannot start, Astro renders on its own thread as before.
 */
function withMarkdownWorker({ entryTypes, logger }: GlobContext) {
  // One render function per load (Astro's glob loader asks once per entry type), so one lane.
  let lane: LaneAfter<MarkdownJob, RenderedMarkdown> | undefined;
  const markdown = entryTypes.get('.md');
  const types = new Map(entryTypes);
  const queue = laneQueue(MARKDOWN_QUEUE);
  if (markdown?.getRenderFunction && queue !== undefined) {
    const ownRender = markdown.getRenderFunction.bind(markdown);
    types.set('.md', {
      ...markdown,
      async getRenderFunction(config) {
        const render = await ownRender(config);
        const { processor: _ownProcessor, ...settings } = config.markdown;
        const data: MarkdownWorkerData = { markdown: settings, image: config.image };
        lane = laneAfter(
          () =>
            startLane<MarkdownJob, RenderedMarkdown>(
              new URL('./markdown-worker.ts', import.meta.url),
              data,
              queue,
            ),
          START_AFTER_ENTRIES,
          (error) => logger.warn(`Markdown 작업 스레드 없이 렌더링합니다: ${error}`),
        );
        // Every entry on the worker: it must be there from the first entry on.
        if (queue === Infinity) await lane.start()?.ready;
        return (entry) => {
          const worker = lane?.take();
          if (!worker) return render(entry);
          const { id, data, body, filePath, digest } = entry;
          return worker.run({ id, data, body, filePath, digest });
        };
      },
    });
  }
  return { types, stop: async () => void (await lane?.started?.stop()) };
}

/** The article entry types reading each file as the checker does (see the top of the file);
 * tests/unit/content-fuzz.test.ts runs Astro's own entry types through it. */
export function readingAsChecked(types: Map<string, ContentEntryType>, base: string) {
  const guarded = new Map(types);
  for (const extension of ['.md', '.mdx']) {
    const type = types.get(extension);
    if (!type) continue;
    const getEntryInfo = type.getEntryInfo.bind(type);
    guarded.set(extension, {
      ...type,
      getEntryInfo({ contents, fileUrl }) {
        const path = fileURLToPath(fileUrl);
        if (isLinkedBelow(base, path)) {
          const file = `content/articles/${relative(base, path).replaceAll('\\', '/')}`;
          throw new Error(`${file}:1: (path): ${SYMLINK_MESSAGE}`);
        }
        return getEntryInfo({ contents: cleanText(contents), fileUrl });
      },
    });
  }
  return guarded;
}

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
    async load(context) {
      const markdown = withMarkdownWorker(context as GlobContext);
      try {
        await loader.load({
          ...context,
          entryTypes: readingAsChecked(markdown.types, base),
          store: { ...context.store, set: (entry) => context.store.set(slimEntry(entry)) },
        } as GlobContext);
      } finally {
        await markdown.stop();
      }
    },
  };
}
