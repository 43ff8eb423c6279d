/**
 * The build works on several threads: Astro's experimental.parallelPrerender renders pages on
 * worker threads, and src/data/article-loader.ts renders articles' Markdown for the content
 * sync on a worker beside Astro's thread. The site must be the one Astro builds on one thread,
 * byte for byte, photos included, and so must the content data store. A build with all of the
 * Markdown on the worker checks its half alone.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { ROOT } from '../helpers/site.ts';

const work = buildWorkDir('parallel-prerender');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(ROOT, 'fixtures/good-content');

/** Every file of a built site, by path, as bytes. */
function files(dist: string): Map<string, Buffer> {
  const paths = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(dist, path))]));
}

/** Builds with ARCHIVE_RENDER_WORKER=`mode`: the site's files and the content data store. */
async function build(mode: string | undefined) {
  const dir = join(work, mode ?? 'default');
  await buildSite(dir, content, mode ? { ARCHIVE_RENDER_WORKER: mode } : {});
  return {
    files: files(join(dir, 'dist')),
    // The store records the build's config, which names its page workers.
    store: readFileSync(join(dir, 'cache', 'data-store.json'), 'utf8').replace(
      /\\"parallelPrerender\\":(false|\{\\"workers\\":\d+\})/,
      '',
    ),
  };
}

/** Paths whose bytes differ between two builds, or that only one has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)));
}

describe('a build on two threads', () => {
  let single: Awaited<ReturnType<typeof build>>;

  it('one thread: no worker', { timeout: 120_000 }, async () => {
    single = await build('0');
    expect([...single.files.keys()].some((path) => /^_astro\/.+\.avif$/.test(path))).toBe(true);
  });

  it(
    'all Markdown on the worker, pages on Astro’s workers: the same site',
    { timeout: 120_000 },
    async () => {
      const all = await build('all');
      expect(differences(single.files, all.files)).toEqual([]);
      expect(all.store).toBe(single.store);
    },
  );

  it('the default split: the same site', { timeout: 120_000 }, async () => {
    const split = await build(undefined);
    expect(differences(single.files, split.files)).toEqual([]);
    expect(split.store).toBe(single.store);
  });
});
