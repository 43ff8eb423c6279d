/**
 * What a reader's browser pays for search: serve the built site on 127.0.0.1, run queries
 * drawn from the generator's vocabulary in Chromium through the site's own search client
 * (src/scripts/search/client.ts: shards newest first, the Korean query engine), and count the
 * bytes each query downloads (the static server counts bytes per path) and its latency.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { bundleSearchClient, SEARCH_CLIENT_URL } from '../../tests/helpers/search-index.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';
import { createRandom } from '../../src/lib/synthetic/prng.ts';
import { searchVocabulary } from '../../src/lib/synthetic/generate.ts';

export interface QueryResult {
  query: string;
  /** Hits of the first results page (the client stops once it has 10 or searched all). */
  results: number;
  /** Bundles (shards and deltas) the first results page downloaded anything of. */
  bundlesOpened: number;
  /** Of the first page's 10 results, how many are the archive's top 10, found by searching
   * every bundle that can match (정확도순; 1 when both are empty). */
  agreement: number;
  /** The search call only, no fragments. */
  searchMs: number;
  /** search plus loading the first 10 results' fragments (what a results list shows). */
  withFragmentsMs: number;
  bytes: number;
  /** `bytes` with text files (JS, JSON) counted as a compressing CDN sends them (gzip). */
  gzipBytes: number;
  /** Of `bytes`, the result fragments (excerpts shown in the list), not the index. */
  fragmentBytes: number;
}

export interface SearchBench {
  /** Bytes from the first keystroke to the first results list: JS, WASM, metadata, chunks, fragments. */
  firstQueryBytes: number;
  /** The first query's bytes by kind of file (pagefind.js, wasm, pf_meta, pf_index, …). */
  firstQueryByKind: Record<string, number>;
  /** firstQueryBytes with text files gzip'd, as GitHub Pages or a CDN sends them. */
  firstQueryGzipBytes: number;
  /** Median bytes of the later queries. */
  laterQueryBytesMedian: number;
  laterQueryGzipBytesMedian: number;
  laterQueryBytesMax: number;
  /** Median bytes of later queries without the fragments: what the index itself costs. */
  laterQueryIndexBytesMedian: number;
  searchMsMedian: number;
  searchMsP95: number;
  withFragmentsMsMedian: number;
  withFragmentsMsP95: number;
  /** The first query searched through every shard afterwards ("이전 기사에서 더 찾기" to the end). */
  wholeArchive: { query: string; results: number; bytes: number; ms: number };
  /** Mean agreement of the first pages with searching every bundle. */
  agreementMean: number;
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

export const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

export async function benchSearch(
  outDir: string,
  queries: readonly string[],
): Promise<SearchBench> {
  await bundleSearchClient(outDir);
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The 404 page is small and has no search UI of its own: nothing loads Pagefind early.
    await page.goto(`${server.url}/404.html`);
    // Pagefind's own files are gzip'd already; its scripts and the JSON files are not, and a
    // host that compresses sends them at their gzip size.
    const gzipSizes = new Map<string, number>();
    const gzipShare = (path: string) => {
      if (!/\.(js|json|html|css)$/.test(path)) return 1;
      let share = gzipSizes.get(path);
      if (share === undefined) {
        const raw = readFileSync(join(outDir, decodeURIComponent(path)));
        share = raw.length ? gzipSync(raw).length / raw.length : 1;
        gzipSizes.set(path, share);
      }
      return share;
    };
    const sumGzip = () =>
      [...server.served].reduce((a, [path, b]) => a + Math.round(b * gzipShare(path)), 0);
    const sum = (only = (_path: string) => true) =>
      [...server.served].filter(([path]) => only(path)).reduce((a, [, b]) => a + b, 0);
    const fragments = (path: string) => path.endsWith('.pf_fragment');
    const results: QueryResult[] = [];
    const firstQueryByKind: Record<string, number> = {};
    for (const query of queries) {
      const servedBefore = new Map(server.served);
      const before = sum();
      const gzipBefore = sumGzip();
      const fragmentsBefore = sum(fragments);
      const timing = await page.evaluate(
        async ({ clientUrl, q }) => {
          const client = await import(/* @vite-ignore */ clientUrl);
          const t0 = performance.now();
          const progress = await client.runSearch(q, { wanted: 10 });
          const t1 = performance.now();
          await Promise.all(
            progress.hits.slice(0, 10).map((h: { data: () => Promise<unknown> }) => h.data()),
          );
          const t2 = performance.now();
          return {
            results: progress.hits.length,

            searchMs: t1 - t0,
            withFragmentsMs: t2 - t0,
          };
        },
        { clientUrl: SEARCH_CLIENT_URL, q: query },
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
      const opened = new Set(
        [...server.served]
          .filter(([path, total]) => total > (servedBefore.get(path) ?? 0))
          .map(([path]) => /^\/pagefind\/([^/]+)\//.exec(path)?.[1])
          .filter((key) => key && key !== 'directory'),
      );
      results.push({
        query,
        ...timing,
        bundlesOpened: opened.size,
        agreement: 0,
        bytes: sum() - before,
        gzipBytes: sumGzip() - gzipBefore,
        fragmentBytes: sum(fragments) - fragmentsBefore,
      });
    }
    const wholeBefore = sum();
    const whole = await page.evaluate(
      async ({ clientUrl, q }) => {
        const client = await import(/* @vite-ignore */ clientUrl);
        const t0 = performance.now();
        let progress = await client.runSearch(q, { wanted: 10 });
        while (!progress.done) progress = await progress.more(Infinity);
        return { results: progress.hits.length, ms: performance.now() - t0 };
      },
      { clientUrl: SEARCH_CLIENT_URL, q: queries[0] },
    );
    const wholeArchive = { query: queries[0], ...whole, bytes: sum() - wholeBefore };
    // Each query's first page against the archive's top 10 from every bundle (same page:
    // its downloads are no longer counted).
    for (const result of results) {
      const { capped, every } = await page.evaluate(
        async ({ clientUrl, q }) => {
          const client = await import(/* @vite-ignore */ clientUrl);
          // No named functions in here: tsx would wrap them in a helper the page lacks.
          const first = await client.runSearch(q, { wanted: 10 });
          // Every bundle that can match, searched: the archive's true top 10.
          const all = await client.runSearch(q, { wanted: Infinity, maxBundles: Infinity });
          return {
            capped: first.hits.slice(0, 10).map((h: { id: string }) => h.id),
            every: all.hits.slice(0, 10).map((h: { id: string }) => h.id),
          };
        },
        { clientUrl: SEARCH_CLIENT_URL, q: result.query },
      );
      const top = new Set(every);
      result.agreement =
        every.length === 0 ? 1 : capped.filter((id: string) => top.has(id)).length / every.length;
    }
    const later = results.slice(1);
    // The first query also pays for loading Pagefind; its latency is not a reader's steady state.
    return {
      firstQueryBytes: results[0].bytes,
      firstQueryGzipBytes: results[0].gzipBytes,
      laterQueryGzipBytesMedian: quantile(
        later.map((r) => r.gzipBytes),
        0.5,
      ),
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
      wholeArchive,
      agreementMean: results.reduce((sum, r) => sum + r.agreement, 0) / results.length,
      queries: results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
