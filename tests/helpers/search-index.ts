/**
 * The search side of a built site, for tests and benchmarks: running the real indexer
 * (scripts/build-search-index.ts) on a copy of dist/, and bundling the site's search client
 * (src/scripts/search/client.ts) so a page can call it directly.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ROOT } from './site.ts';

/** Indexes a built site again; returns the indexer's log. */
export async function indexSite(dist: string, cache: string, options: string[] = []) {
  const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [
    join(ROOT, 'scripts/build-search-index.ts'),
    ...['--dist', dist, '--cache', cache],
    ...options,
  ]);
  return stdout;
}

/** Where bundleSearchClient puts the client, and a module script that exposes it as
 * window.searchClient (for pages whose CSP forbids inline scripts). */
export const SEARCH_CLIENT_URL = '/__search/client.js';
export const SEARCH_CLIENT_LOADER_URL = '/__search/loader.js';

/** The site's search client bundled for the browser into the output folder. */
export async function bundleSearchClient(outDir: string) {
  mkdirSync(join(outDir, '__search'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src/scripts/search/client.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(outDir, SEARCH_CLIENT_URL),
    define: { 'import.meta.env.BASE_URL': '"/"' },
    logLevel: 'silent',
  });
  writeFileSync(
    join(outDir, SEARCH_CLIENT_LOADER_URL),
    "import * as c from './client.js'; window.searchClient = c;",
  );
}
