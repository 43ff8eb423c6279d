/**
 * The build works on two threads: src/integrations/parallel-prerender.ts renders pages on a
 * worker as well as on Astro's own thread, and src/data/article-loader.ts renders articles'
 * Markdown for the content sync the same way. The site must be the one Astro alone builds,
 * byte for byte, photos included (the page worker names and lists them itself), and so must
 * the content data store. A build with all of the work on the workers checks their half
 * alone: in the usual split, a photo the worker lists is often listed by a page of the main
 * thread too.
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

/** Builds with ARCHIVE_RENDER_WORKER=`mode`; the site's files and the pages each thread
 * rendered, as the build logs them. */
async function build(mode: string | undefined) {
  const dir = join(work, mode ?? 'default');
  const log = await buildSite(dir, content, mode ? { ARCHIVE_RENDER_WORKER: mode } : {});
  const split = /렌더링: 작업 스레드 (\d+)쪽, 주 스레드 (\d+)쪽/.exec(log);
  return {
    files: files(join(dir, 'dist')),
    store: readFileSync(join(dir, 'cache', 'data-store.json')),
    onWorker: split ? Number(split[1]) : 0,
    onMain: split ? Number(split[2]) : undefined,
  };
}

/** Paths whose bytes differ between two builds, or that only one has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)));
}

describe('a build on two threads', () => {
  let single: Awaited<ReturnType<typeof build>>;

  it('Astro alone: no worker', { timeout: 120_000 }, async () => {
    single = await build('0');
    expect(single.onMain).toBeUndefined();
    expect([...single.files.keys()].some((path) => /^_astro\/.+\.avif$/.test(path))).toBe(true);
  });

  it('all of the work on the workers: the same site', { timeout: 120_000 }, async () => {
    const all = await build('all');
    const pages = [...single.files.keys()].filter((path) => path.endsWith('.html'));
    expect(all.onWorker).toBeGreaterThanOrEqual(pages.length);
    expect(all.onMain).toBe(0);
    expect(differences(single.files, all.files)).toEqual([]);
    expect(all.store.equals(single.store)).toBe(true);
  });

  it('pages split between the threads: the same site', { timeout: 120_000 }, async () => {
    const split = await build(undefined);
    // The main thread renders the first 64 pages before the worker starts, and more until
    // its bundle is loaded: on a site this small, the worker may take none.
    const pages = [...single.files.keys()].filter((path) => path.endsWith('.html'));
    expect(split.onWorker + split.onMain!).toBeGreaterThanOrEqual(pages.length);
    expect(differences(single.files, split.files)).toEqual([]);
    expect(split.store.equals(single.store)).toBe(true);
  });
});
