/** What parallel-prerender.ts and its worker thread (prerender-worker.ts) send each other
 * (through src/lib/worker-lane.ts). */
import type { AssetsGlobalStaticImagesList, PrerenderRenderMetadata } from 'astro';

/** What the worker is started with: what Astro's build holds on its own thread and the
 * pages need, by value. */
export interface PrerenderWorkerData {
  /** The prerender bundle Astro built and renders from (file URL). */
  entryUrl: string;
  /** Each page's stylesheets, by Astro's page key (the build's internals.pagesByKeys). */
  pageStyles: Record<string, unknown[]>;
  /** The build's internals.entrySpecifierToBundleMap (hoisted scripts). */
  entrySpecifiers: Record<string, string>;
  /** Scripts that integrations inject (settings.scripts). */
  scripts: unknown[];
  /** config.base, config.build.assets and the image service: what photo paths are made of. */
  base: string;
  assetsDir: string;
  imageServiceEntrypoint: string;
}

/** `${component}\0${route}`: a route the worker looks up in its own copy of the manifest. */
export const routeKey = (route: { component: string; route: string }) =>
  `${route.component}\0${route.route}`;

export type PrerenderJob =
  | { type: 'render'; url: string; route: string; collectMetadata: boolean }
  /** The photo transforms the worker's pages asked for, for Astro to encode. */
  | { type: 'images' };

export interface RenderedPage {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  metadata: PrerenderRenderMetadata | undefined;
}

export type PrerenderReply = RenderedPage | AssetsGlobalStaticImagesList;
