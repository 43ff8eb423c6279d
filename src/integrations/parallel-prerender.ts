/**
 * Renders pages on two threads in `astro build`. Astro 7.3 renders every page on its main
 * thread, while this project's build machine has two cores; through Astro's prerenderer API
 * (setPrerenderer, the one adapters use to render elsewhere) a worker thread
 * (prerender-worker.ts) loads the same prerender bundle and renders pages too: the worker
 * gets the next page whenever it has room, the main thread renders the rest. Astro still
 * writes every file, keeps the incremental-build records (each page's metadata comes back
 * by value) and encodes the photos (the worker's photo list joins Astro's at the end).
 *
 * 10,000 news-length articles, photos cached, astro build side by side: page rendering
 * 66.0 → 43.5 s and 51.8 / 49.5 → 35.9 / 39.9 s, byte-identical output; the worker's copy
 * of the bundle and its data store costs ~570 MB (README, Scale §2).
 *
 * ARCHIVE_RENDER_WORKER=0 renders on the main thread only (as on a one-core machine);
 * ARCHIVE_RENDER_WORKER=all sends every page to the worker (tests/build/parallel-prerender;
 * src/lib/worker-lane.ts).
 */
import type {
  AssetsGlobalStaticImagesList,
  AstroIntegration,
  AstroIntegrationLogger,
  AstroPrerenderer,
} from 'astro';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { laneAfter, laneQueue, startLane, type LaneAfter } from '../lib/worker-lane.ts';
import {
  routeKey,
  type PrerenderJob,
  type PrerenderReply,
  type PrerenderWorkerData,
  type RenderedPage,
} from './prerender-protocol.ts';

/** Pages the worker holds at once. Enough that it is not left idle while the main thread
 * renders a page of its own or collects garbage before it sends the next; build.concurrency
 * (astro.config.mjs) leaves the main thread 4 more. */
const WORKER_QUEUE = 8;

/** Pages the main thread renders before the worker is started: a warm build renders fewer
 * (unchanged pages are restored from the cache) and never loads it. */
const START_AFTER_PAGES = 64;

/** Astro 7.3 names its prerender bundle's entry prerender-entry.<hash>.mjs. */
const ENTRY_PREFIX = 'prerender-entry';

/** The parts of Astro's build state (internals, options) that a page reads. */
interface BuildState {
  internals: {
    pagesByKeys: Map<string, { styles: unknown[] }>;
    entrySpecifierToBundleMap: Map<string, string>;
  };
  options: {
    settings: {
      scripts: unknown[];
      config: {
        base: string;
        build: { assets: string };
        image: { service: { entrypoint: string } };
      };
    };
  };
}

function parallelPrerenderer(
  defaultPrerenderer: AstroPrerenderer,
  entryUrl: () => string | undefined,
  queue: number,
  logger: AstroIntegrationLogger,
): AstroPrerenderer {
  let lane: LaneAfter<PrerenderJob, PrerenderReply> | undefined;
  let imageServiceEntrypoint = '';
  let onWorker = 0;
  let onMain = 0;
  return {
    name: 'archive:parallel-prerenderer',
    async setup() {
      const url = entryUrl();
      if (!url) {
        logger.warn('프리렌더 번들을 찾지 못해 페이지를 한 스레드에서 렌더링합니다');
        return defaultPrerenderer.setup?.();
      }
      // The default prerenderer imports this same module and hands its app the build's
      // state: catch what it hands over.
      const { app } = await import(url);
      const state: Partial<BuildState> = {};
      const { setInternals, setOptions } = app;
      app.setInternals = (internals: BuildState['internals']) =>
        setInternals.call(app, (state.internals = internals));
      app.setOptions = (options: BuildState['options']) =>
        setOptions.call(app, (state.options = options));
      await defaultPrerenderer.setup?.();
      const { internals, options } = state as BuildState;
      const { config, scripts } = options.settings;
      imageServiceEntrypoint = config.image.service.entrypoint;
      const data: PrerenderWorkerData = {
        entryUrl: url,
        pageStyles: Object.fromEntries(
          [...internals.pagesByKeys].map(([key, page]) => [key, page.styles]),
        ),
        entrySpecifiers: Object.fromEntries(internals.entrySpecifierToBundleMap),
        scripts,
        base: config.base,
        assetsDir: config.build.assets,
        imageServiceEntrypoint,
      };
      // Until its bundle is loaded (a few seconds) the main thread renders.
      lane = laneAfter(
        () => startLane(new URL('./prerender-worker.ts', import.meta.url), data, queue),
        START_AFTER_PAGES,
        (error) => logger.warn(`작업 스레드를 시작하지 못해 한 스레드에서 렌더링합니다: ${error}`),
      );
      // Every page on the worker: it must be there from the first page on.
      if (queue === Infinity) await lane.start()?.ready;
    },
    getStaticPaths: () => defaultPrerenderer.getStaticPaths(),
    async render(request, options) {
      const worker = lane?.take();
      if (!worker) {
        onMain++;
        return defaultPrerenderer.render(request, options);
      }
      onWorker++;
      const page = (await worker.run({
        type: 'render',
        url: request.url,
        route: routeKey(options.routeData),
        collectMetadata: options.collectMetadata ?? false,
      })) as RenderedPage;
      const { status, statusText, headers } = page;
      return {
        response: new Response(page.body, { status, statusText, headers }),
        metadata: page.metadata,
      };
    },
    async collectStaticImages() {
      // A worker not started, or still loading, rendered nothing.
      const worker = lane?.started;
      if (!worker?.loaded) return new Map();
      const images = (await worker.run({ type: 'images' })) as AssetsGlobalStaticImagesList;
      // Astro encodes the photos with the image service its own renders loaded (getImage
      // sets it on first use): when the worker rendered every photo, none did.
      const assets = (globalThis as { astroAsset?: { imageService?: unknown } }).astroAsset;
      if (assets && !assets.imageService) {
        assets.imageService = (await import(imageServiceEntrypoint)).default;
      }
      return images;
    },
    async teardown() {
      logger.info(`렌더링: 작업 스레드 ${onWorker}쪽, 주 스레드 ${onMain}쪽`);
      await lane?.started?.stop();
      await defaultPrerenderer.teardown?.();
    },
  };
}

export function parallelPrerender(): AstroIntegration {
  let entryUrl: string | undefined;
  // Astro does not say where its prerender bundle is (7.4 will): its own build says.
  const findEntry: Plugin = {
    name: 'archive:prerender-entry',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    writeBundle(output, bundle) {
      const entry = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && chunk.fileName.startsWith(ENTRY_PREFIX),
      );
      if (entry && output.dir) entryUrl = pathToFileURL(join(output.dir, entry.fileName)).href;
    },
  };
  const queue = laneQueue(WORKER_QUEUE);
  let enabled = false;
  return {
    name: 'archive:parallel-prerender',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // The worker names photos as Astro does for a site without these (prerender-worker.ts).
        enabled =
          command === 'build' &&
          queue !== undefined &&
          !config.build.assetsPrefix &&
          !config.adapter;
        if (!enabled) return;
        updateConfig({ vite: { plugins: [findEntry] } });
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (!enabled) return;
        setPrerenderer((defaultPrerenderer) =>
          parallelPrerenderer(defaultPrerenderer, () => entryUrl, queue!, logger),
        );
      },
    },
  };
}
