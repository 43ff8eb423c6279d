/**
 * The index re-cut into small chunks (scripts/pagefind-bundle.ts, src/lib/search/chunks.ts),
 * run by Pagefind's own runtime in Chromium: the built sample site indexed again as one shard
 * with tiny chunks finds exactly what the same shard finds as one chunk, because the engine
 * preloads the chunk after every cut inside a prefix; with spans.json emptied it does not.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPANS_FILE, type ChunkSpan } from '../../src/lib/search/chunks.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import { launchChromium } from '../helpers/browser.ts';
import { DIST } from '../helpers/site.ts';
import {
  bundleSearchClient,
  indexSite,
  SEARCH_CLIENT_LOADER_URL,
} from '../helpers/search-index.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'search-chunks-'));
const variants = { whole: 1_000_000_000, tiny: 300 } as const;
type Variant = keyof typeof variants | 'noSpans';
const siteOf = (variant: Variant) => join(work, variant);
const bundleOf = (variant: Variant) => {
  const pagefind = join(siteOf(variant), 'pagefind');
  const key = readdirSync(pagefind).find((name) => /^\d{4}-\d{2}$/.test(name))!;
  return join(pagefind, key);
};

async function indexAs(variant: keyof typeof variants) {
  cpSync(DIST, siteOf(variant), { recursive: true });
  await indexSite(siteOf(variant), join(work, `cache-${variant}`), [
    ...['--shard-capacity', '100000', '--chunk-bytes', String(variants[variant])],
  ]);
  await bundleSearchClient(siteOf(variant));
}

const servers = new Map<Variant, StaticServer>();
let browser: Browser;
let spans: ChunkSpan[];

beforeAll(async () => {
  await Promise.all([indexAs('whole'), indexAs('tiny')]);
  cpSync(siteOf('tiny'), siteOf('noSpans'), { recursive: true });
  writeFileSync(join(bundleOf('noSpans'), SPANS_FILE), '[]');
  spans = JSON.parse(readFileSync(join(bundleOf('tiny'), SPANS_FILE), 'utf8'));
  for (const variant of ['whole', 'tiny', 'noSpans'] as const) {
    servers.set(variant, await serveStatic(siteOf(variant)));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every hit's URL for each query, through the site's client, in one fresh page. */
async function search(variant: Variant, queries: string[]): Promise<string[][]> {
  const page: Page = await browser.newPage();
  await page.goto(`${servers.get(variant)!.url}/404.html`);
  // A module script, not import() in evaluate (Vitest would rewrite it), from the site's
  // origin as its CSP asks.
  await page.addScriptTag({ type: 'module', url: SEARCH_CLIENT_LOADER_URL });
  await page.waitForFunction(() => 'searchClient' in window);
  const found = await page.evaluate(async (qs) => {
    const client = (
      window as unknown as { searchClient: typeof import('../../src/scripts/search/client.ts') }
    ).searchClient;
    const all: string[][] = [];
    for (const q of qs) {
      const progress = await client.runSearch(q, { wanted: 1000 });
      const data = await Promise.all(progress.hits.map((h) => h.data()));
      all.push(data.map((d) => d.url).sort());
    }
    return all;
  }, queries);
  await page.close();
  return found;
}

describe('an index re-cut into small chunks', () => {
  it('is cut into many chunks, with cuts inside prefixes listed', () => {
    const chunks = (variant: Variant) => readdirSync(join(bundleOf(variant), 'index')).length;
    expect(chunks('whole')).toBe(1);
    expect(chunks('tiny')).toBeGreaterThan(20);
    expect(spans.length).toBeGreaterThan(5);
  });

  it('ships fragments without the index-only forms', () => {
    const dir = join(bundleOf('tiny'), 'fragment');
    for (const name of readdirSync(dir)) {
      const json = gunzipSync(readFileSync(join(dir, name))).subarray('pagefind_dcd'.length);
      const fragment = JSON.parse(json.toString('utf8'));
      expect(fragment.meta.title).toBeTruthy();
      expect(Object.keys(fragment.meta)).toEqual(['title']);
    }
  });

  it('finds what one chunk finds, and loses words past a cut without the spans', async () => {
    const prefixes = [...new Set(spans.map(([prefix]) => prefix))].filter(
      (p) => planQuery(p).words.length === 1,
    );
    const queries = [...prefixes, '로봇혁신센터', '중관촌에서', '로봇 혁신센터', '中', 'ㅈㄱㅊ'];
    const [whole, tiny, noSpans] = await Promise.all(
      (['whole', 'tiny', 'noSpans'] as const).map((v) => search(v, queries)),
    );
    queries.forEach((q, i) => expect(tiny[i], q).toEqual(whole[i]));
    expect(whole.some((urls) => urls.length > 0)).toBe(true);
    const lost = queries.filter((_, i) => noSpans[i].length < whole[i].length);
    expect(lost.length).toBeGreaterThan(0);
  });
});
