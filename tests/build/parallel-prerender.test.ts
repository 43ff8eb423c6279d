/**
 * src/integrations/parallel-prerender.ts renders pages on a worker thread as well as on
 * Astro's own: the site it builds must be the one Astro alone builds, byte for byte, photos
 * included (the worker names and lists them itself, prerender-worker.ts). A build with
 * every page on the worker checks the worker's half alone: in the usual split, a photo the
 * worker lists is often listed by a page of the main thread too.
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
  const log = await buildSite(join(work, mode ?? 'default'), content, {
    ...(mode ? { ARCHIVE_RENDER_WORKER: mode } : {}),
  });
  const split = /렌더링: 작업 스레드 (\d+)쪽, 주 스레드 (\d+)쪽/.exec(log);
  return {
    files: files(join(work, mode ?? 'default', 'dist')),
    onWorker: split ? Number(split[1]) : 0,
    onMain: split ? Number(split[2]) : undefined,
  };
}

/** Paths whose bytes differ between two builds, or that only one has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)));
}

describe('pages rendered on two threads', () => {
  let single: Awaited<ReturnType<typeof build>>;

  it('Astro alone: no worker', { timeout: 120_000 }, async () => {
    single = await build('0');
    expect(single.onMain).toBeUndefined();
    expect([...single.files.keys()].some((path) => /^_astro\/.+\.avif$/.test(path))).toBe(true);
  });

  it('every page on the worker: the same site', { timeout: 120_000 }, async () => {
    const all = await build('all');
    const pages = [...single.files.keys()].filter((path) => path.endsWith('.html'));
    expect(all.onWorker).toBeGreaterThanOrEqual(pages.length);
    expect(all.onMain).toBe(0);
    expect(differences(single.files, all.files)).toEqual([]);
  });

  it('pages split between the threads: the same site', { timeout: 120_000 }, async () => {
    const split = await build(undefined);
    expect(split.onWorker).toBeGreaterThan(0);
    expect(split.onMain).toBeGreaterThan(0);
    expect(differences(single.files, split.files)).toEqual([]);
  });
});
