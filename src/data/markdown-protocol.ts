/** What article-loader.ts and its Markdown worker (markdown-worker.ts) send each other
 * (through src/lib/worker-lane.ts). */
import type { AstroConfig } from 'astro';
import type { LoaderContext } from 'astro/loaders';

/** The build's settings a .md render reads, but for the processor (each thread makes it). */
export interface MarkdownWorkerData {
  markdown: Omit<AstroConfig['markdown'], 'processor'>;
  image: AstroConfig['image'];
}

/** An entry as Astro's glob loader hands it to a render function. */
export interface MarkdownJob {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: number | string;
}

export type RenderedMarkdown = NonNullable<
  Parameters<LoaderContext['store']['set']>[0]['rendered']
>;
