/**
 * Puts the pages of Astro's incremental-build cache into the output folder as hard links
 * while the build starts, so that Astro finds each unchanged page already in place instead
 * of copying it. Astro's restore awaits one copy per page, and on this project's build
 * machine a file system call costs ~0.2 ms: at 10,000 articles the main thread sat idle for
 * ~7 s of every warm build (README, Scale §2). Linked on a worker thread, the same calls run
 * beside the checker and content sync.
 *
 * - Only for `astro build` with `experimental.incrementalBuild` and pages in the cache
 *   (`<cacheDir>/dist/`, where Astro 7.3's incremental build keeps them; without that
 *   folder, nothing happens).
 * - The output folder is emptied first, as Astro does; Astro's own emptying is then off.
 * - The build waits for the links before it bundles; a page that could not be linked is
 *   simply restored by Astro as before.
 * - After the build, linked pages the build did not produce (a deleted article's) are
 *   removed, so nothing stale is published. A build that fails after the links were made
 *   (bad content, a page that throws) removes the output folder as it exits: it held the
 *   previous build's pages and would look like a complete site. (`npm run build` builds
 *   into a folder of its own anyway, scripts/build.ts; this covers `astro build`.)
 * - A page Astro renders again is written through its link, so into the cache too: the
 *   bytes Astro then writes into the cache itself. Nothing else may edit dist/ in place, and
 *   two output folders must not share one cacheDir: the later build would write its pages
 *   through the links into the earlier output too (the test builds each have their own).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Empties `to` (but for .git, as Astro's emptyDir) and links every file of `from` into it;
 * posts the relative paths linked. Plain JavaScript: a worker runs it as it is. */
const LINK_PAGES = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { from, to } = workerData;
if (fs.existsSync(to)) {
  for (const name of fs.readdirSync(to)) {
    if (name !== '.git') fs.rmSync(path.join(to, name), { recursive: true, force: true });
  }
}
const linked = [];
function link(dir) {
  fs.mkdirSync(path.join(to, dir), { recursive: true });
  for (const entry of fs.readdirSync(path.join(from, dir), { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) link(file);
    else {
      fs.linkSync(path.join(from, file), path.join(to, file));
      linked.push(file);
    }
  }
}
try {
  link('');
} finally {
  parentPort.postMessage(linked);
}
`;

export function cachedPages(): AstroIntegration {
  let linking: Promise<string[]> | undefined;
  let outDir = '';
  let finished = () => {};
  return {
    name: 'archive:cached-pages',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const cached = fileURLToPath(new URL('dist/', config.cacheDir));
        if (command !== 'build' || !config.experimental.incrementalBuild || !existsSync(cached)) {
          return;
        }
        outDir = fileURLToPath(config.outDir);
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        const worker = new Worker(LINK_PAGES, {
          eval: true,
          workerData: { from: cached, to: outDir },
        });
        const removeUnfinished = () => rmSync(outDir, { recursive: true, force: true });
        process.once('exit', removeUnfinished);
        finished = () => process.off('exit', removeUnfinished);
        linking = new Promise((resolve) => {
          let linked: string[] = [];
          worker.once('message', (paths: string[]) => (linked = paths));
          worker.once('error', (error) =>
            logger.warn(`캐시의 페이지를 다 잇지 못했습니다: ${error.message}`),
          );
          worker.once('exit', () => resolve(linked));
        });
      },
      'astro:build:start': async () => {
        await linking;
      },
      'astro:build:done': async ({ assets }) => {
        if (!linking) return;
        finished();
        const produced = new Set(
          [...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url))),
        );
        for (const path of await linking) {
          if (produced.has(path)) continue;
          rmSync(join(outDir, path), { force: true });
          // Its folder too, when empty: a page is a folder with an index.html.
          for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
            try {
              rmdirSync(join(outDir, dir));
            } catch {
              break;
            }
          }
        }
      },
    },
  };
}
