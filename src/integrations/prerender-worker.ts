/**
 * The second page renderer of `astro build`, on a worker thread that parallel-prerender.ts
 * starts. It loads the prerender bundle Astro built and renders from, and renders the pages
 * it is sent with Astro's own `renderForPrerender`. Node runs this file as it is (type
 * stripping, outside Vite): erasable TypeScript only.
 *
 * Two things Astro's build sets up on its own thread are set up here again:
 * - the build's internals and options, of which a page reads only its stylesheets and the
 *   injected scripts (Astro's build environment, headElements): sent by value;
 * - `globalThis.astroAsset.addStaticImage`, which getImage() calls for every photo size: it
 *   names the optimized file and lists the transform for Astro to encode after rendering.
 *   The same names are made here (Astro's hashTransform and propsToFilename), the page's
 *   transforms go back with its metadata (incremental build), and the whole list goes back
 *   at the end (the prerenderer's collectStaticImages).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { workerData } from 'node:worker_threads';
import type { AssetsGlobalStaticImagesList, ImageTransform } from 'astro';
import {
  getInstalledRenderScope,
  installRenderScope,
  renderForPrerender,
  type BaseApp,
} from 'astro/app';
import { hashTransform, propsToFilename } from 'astro/assets/utils/node';
// The path helpers Astro's own addStaticImage uses.
import { joinPaths, prependForwardSlash, removeBase } from '@astrojs/internal-helpers/path';
import { serveLane } from '../lib/worker-lane.ts';
import {
  routeKey,
  type PrerenderJob,
  type PrerenderReply,
  type PrerenderWorkerData,
  type RenderedPage,
} from './prerender-protocol.ts';

const data: PrerenderWorkerData = workerData;

const PLACEHOLDER_BASE = 'astro://placeholder';

const staticImages: AssetsGlobalStaticImagesList = new Map();

/** Astro 7.3's addStaticImageFactory (vite-plugin-assets.js) for a site without
 * build.assetsPrefix or adapter, as this one (parallel-prerender.ts checks). */
function addStaticImage(
  options: ImageTransform,
  hashProperties: string[],
  originalSrcPath: string | undefined,
): string {
  const imported = typeof options.src !== 'string';
  const src = typeof options.src === 'string' ? options.src : options.src.src;
  const originalPath = removeBase(src, data.base);
  const hash = hashTransform(options, data.imageServiceEntrypoint, hashProperties);
  let forPath = staticImages.get(originalPath);
  let finalPath = forPath?.transforms.get(hash)?.finalPath;
  if (!finalPath) {
    finalPath = prependForwardSlash(
      joinPaths(
        imported ? '' : data.assetsDir,
        prependForwardSlash(propsToFilename(originalPath, options, hash)),
      ),
    );
    if (!forPath) {
      forPath = { originalSrcPath, transforms: new Map() };
      staticImages.set(originalPath, forPath);
    }
    forPath.transforms.set(hash, { finalPath, transform: options });
  }
  getInstalledRenderScope()
    ?.getStore()
    ?.staticImages?.push({ originalPath, hash, finalPath, originalSrcPath, transform: options });
  const url = new URL(
    encodeURI(prependForwardSlash(joinPaths(data.base, finalPath))),
    PLACEHOLDER_BASE,
  );
  return url.href.replace(PLACEHOLDER_BASE, '');
}

Object.assign(globalThis, {
  astroAsset: {
    referencedImages: new Set<string>(),
    addStaticImage,
    recordReferencedImage: (fsPath: string) =>
      getInstalledRenderScope()?.getStore()?.referencedImages?.add(fsPath),
  },
});
installRenderScope(new AsyncLocalStorage());

/** The prerender bundle's app is Astro's BuildApp: a BaseApp that takes the build's state. */
type BuildApp = BaseApp & {
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
};
const { app }: { app: BuildApp } = await import(data.entryUrl);
app.setInternals({
  pagesByKeys: new Map(Object.entries(data.pageStyles).map(([key, styles]) => [key, { styles }])),
  entrySpecifierToBundleMap: new Map(Object.entries(data.entrySpecifiers)),
});
app.setOptions({
  settings: { scripts: data.scripts },
  // Astro's own thread prints the build log; a page's warnings and errors still show.
  logger: {
    options: {
      destination: {
        write: ({ level, message }: { level: string; message: string }) => {
          if (level === 'warn' || level === 'error') console.error(message);
        },
      },
    },
  },
});
const routes = new Map(
  app.manifest.routes.map(({ routeData }) => [routeKey(routeData), routeData]),
);

async function render(job: Extract<PrerenderJob, { type: 'render' }>): Promise<RenderedPage> {
  const routeData = routes.get(job.route);
  if (!routeData) throw new Error(`${job.route}: 프리렌더 번들에 없는 경로입니다`);
  const { response, metadata } = await renderForPrerender(app, new Request(job.url), {
    routeData,
    collectMetadata: job.collectMetadata,
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: response.body === null ? null : await response.arrayBuffer(),
    metadata,
  };
}

serveLane<PrerenderJob, PrerenderReply>(async (job) => {
  if (job.type === 'images') return { reply: staticImages };
  const page = await render(job);
  return { reply: page, transfer: page.body ? [page.body] : [] };
});
