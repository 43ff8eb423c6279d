/**
 * What a reader's browser pays for search: serve the built site on 127.0.0.1, load the
 * Pagefind bundle in Chromium, run queries drawn from the generator's vocabulary, and count
 * the bytes each query downloads (the static server counts bytes per path) and its latency.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';
import { createRandom } from '../../src/lib/synthetic/prng.ts';
import { searchVocabulary } from '../../src/lib/synthetic/generate.ts';

export interface QueryResult {
  query: string;
  results: number;
  /** The search call only (engine or Pagefind), no fragments. */
  searchMs: number;
  /** search() plus loading the first 10 results' fragments (what a results list shows). */
  withFragmentsMs: number;
  bytes: number;
  /** Of `bytes`, the result fragments (excerpts shown in the list), not the index. */
  fragmentBytes: number;
}

export interface SearchBench {
  /** 'project engine' (src/lib/search/engine.ts, as the site's UI runs it) or raw Pagefind. */
  mode: string;
  /** Bytes from init to the first results list: JS, WASM, metadata, chunks, fragments. */
  firstQueryBytes: number;
  /** The first query's bytes by kind of file (pagefind.js, wasm, pf_meta, pf_index, …). */
  firstQueryByKind: Record<string, number>;
  /** Median bytes of the later queries. */
  laterQueryBytesMedian: number;
  laterQueryBytesMax: number;
  /** Median bytes of later queries without the fragments: what the index itself costs. */
  laterQueryIndexBytesMedian: number;
  searchMsMedian: number;
  searchMsP95: number;
  withFragmentsMsMedian: number;
  withFragmentsMsP95: number;
  queries: QueryResult[];
}

export function benchQueries(count: number, seed: number): string[] {
  const random = createRandom(seed);
  const words = searchVocabulary();
  const queries = new Set<string>();
  while (queries.size < count) {
    // Mostly one word, as readers type; some two-word queries exercise intersections.
    queries.add(
      random.chance(0.7) ? random.pick(words) : `${random.pick(words)} ${random.pick(words)}`,
    );
  }
  return [...queries];
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

const ENGINE = join(import.meta.dirname, '../../src/lib/search/engine.ts');
const ENGINE_URL = '/__bench/engine.js';

/**
 * The project's search engine bundled for the browser into the output folder, so the bench
 * runs the queries the way the site's search page does (several Pagefind calls per query).
 */
async function bundleEngine(outDir: string): Promise<boolean> {
  if (!existsSync(ENGINE)) return false;
  mkdirSync(join(outDir, '__bench'), { recursive: true });
  await build({
    entryPoints: [ENGINE],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(outDir, ENGINE_URL),
    logLevel: 'silent',
  });
  return true;
}

export async function benchSearch(
  outDir: string,
  bundlePath: string,
  queries: readonly string[],
  { useEngine }: { useEngine: boolean },
): Promise<SearchBench> {
  const engine = useEngine && (await bundleEngine(outDir)) ? ENGINE_URL : undefined;
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The 404 page is small and has no search UI of its own: nothing loads Pagefind early.
    await page.goto(`${server.url}/404.html`);
    const sum = (only = (_path: string) => true) =>
      [...server.served].filter(([path]) => only(path)).reduce((a, [, b]) => a + b, 0);
    const fragments = (path: string) => path.endsWith('.pf_fragment');
    const results: QueryResult[] = [];
    const firstQueryByKind: Record<string, number> = {};
    for (const query of queries) {
      const servedBefore = new Map(server.served);
      const before = sum();
      const fragmentsBefore = sum(fragments);
      const timing = await page.evaluate(
        async ({ bundle, q, engineUrl }) => {
          const w = window as unknown as { __pagefind?: any; __engine?: any };
          if (!w.__pagefind) {
            w.__pagefind = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
            if (engineUrl) {
              w.__engine = await import(/* @vite-ignore */ engineUrl);
              await w.__pagefind.options(w.__engine.RANKING);
            }
            await w.__pagefind.init();
          }
          const pagefind = w.__pagefind;
          const t0 = performance.now();
          const results: { data: () => Promise<unknown> }[] = w.__engine
            ? (await w.__engine.searchArticles(pagefind, q)).hits
            : (await pagefind.search(q)).results;
          const t1 = performance.now();
          await Promise.all(results.slice(0, 10).map((r) => r.data()));
          const t2 = performance.now();
          return { results: results.length, searchMs: t1 - t0, withFragmentsMs: t2 - t0 };
        },
        { bundle: bundlePath, q: query, engineUrl: engine },
      );
      if (results.length === 0) {
        for (const [path, total] of server.served) {
          const kind =
            /\.(pf_\w+|wasm|js|json)$/.exec(path.replace(/\.[\w-]+\.pagefind$/, '.wasm'))?.[1] ??
            path;
          const added = total - (servedBefore.get(path) ?? 0);
          if (added > 0) firstQueryByKind[kind] = (firstQueryByKind[kind] ?? 0) + added;
        }
      }
      results.push({
        query,
        ...timing,
        bytes: sum() - before,
        fragmentBytes: sum(fragments) - fragmentsBefore,
      });
    }
    const later = results.slice(1);
    // The first query also pays for loading Pagefind; its latency is not a reader's steady state.
    return {
      mode: engine ? 'project engine (src/lib/search/engine.ts)' : 'raw pagefind.search()',
      firstQueryBytes: results[0].bytes,
      firstQueryByKind,
      laterQueryBytesMedian: quantile(
        later.map((r) => r.bytes),
        0.5,
      ),
      laterQueryBytesMax: Math.max(...later.map((r) => r.bytes)),
      laterQueryIndexBytesMedian: quantile(
        later.map((r) => r.bytes - r.fragmentBytes),
        0.5,
      ),
      searchMsMedian: quantile(
        later.map((r) => r.searchMs),
        0.5,
      ),
      searchMsP95: quantile(
        later.map((r) => r.searchMs),
        0.95,
      ),
      withFragmentsMsMedian: quantile(
        later.map((r) => r.withFragmentsMs),
        0.5,
      ),
      withFragmentsMsP95: quantile(
        later.map((r) => r.withFragmentsMs),
        0.95,
      ),
      queries: results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
