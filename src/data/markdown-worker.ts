/**
 * Renders articles' Markdown for the content sync on a worker thread (article-loader.ts
 * starts it): Astro's own render function for .md entries (its markdownContentEntryType)
 * over the site's processor (src/lib/markdown), with the build's Markdown and image
 * settings sent by value. Node runs this file as it is (type stripping, outside Vite):
 * erasable TypeScript only.
 */
import { workerData } from 'node:worker_threads';
import { articleMarkdownProcessor } from '../lib/markdown/index.ts';
import { serveLane } from '../lib/worker-lane.ts';
import type { MarkdownJob, MarkdownWorkerData, RenderedMarkdown } from './markdown-protocol.ts';

const { markdown, image }: MarkdownWorkerData = workerData;
// Not among astro's exports: reached through its package folder, as this version lays it out.
const { markdownContentEntryType } = await import(
  new URL(
    'dist/vite-plugin-markdown/content-entry-type.js',
    import.meta.resolve('astro/package.json'),
  ).href
);
const render: (entry: MarkdownJob) => Promise<RenderedMarkdown> =
  await markdownContentEntryType.getRenderFunction({
    markdown: { ...markdown, processor: articleMarkdownProcessor() },
    image,
  });

serveLane<MarkdownJob, RenderedMarkdown>(async (entry) => ({ reply: await render(entry) }));
