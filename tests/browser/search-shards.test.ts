/**
 * The search index split into shards (scripts/build-search-index.ts, src/lib/search/shards.ts),
 * on a copy of the built sample site indexed again with a tiny shard capacity: the indexer
 * writes every article into exactly one shard, reuses unchanged shards from its cache and
 * indexes an edited article into its shard's delta (src/lib/search/delta.ts), and the browser
 * finds the same articles as with one index, newest shard first, downloading an older shard
 * only when the reader asks for more, and Pagefind's WebAssembly once, from the newest shard.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELTA_HIDDEN_FILE } from '../../src/lib/search/delta.ts';
import type { ShardManifest } from '../../src/lib/search/shards.ts';
import { collectErrors, launchChromium } from '../helpers/browser.ts';
import { DIST } from '../helpers/site.ts';
import {
  bundleSearchClient,
  indexSite,
  SEARCH_CLIENT_LOADER_URL,
} from '../helpers/search-index.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'search-shards-'));
const site = join(work, 'dist');
const cache = join(work, 'cache');

const index = (...options: string[]) =>
  indexSite(site, cache, ['--shard-capacity', '4', ...options]);

const manifest = (): ShardManifest =>
  JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8'));
const pageCount = (key: string): number =>
  Object.values(
    JSON.parse(readFileSync(join(site, 'pagefind', key, 'pagefind-entry.json'), 'utf8'))
      .languages as Record<string, { page_count: number }>,
  ).reduce((sum, language) => sum + language.page_count, 0);

/** Made-up words that no sample article has. */
const UNIQUE_WORD = '자몽빛깔';
const NEWEST_WORD = '청포도빛';
/** 정확도순 queries checked against searching every bundle. */
const QUERIES = ['기자', '서울', '반도체', '서울 정부', '반도ㅊ', '무화과숲'];
/** Three times in an article of the oldest shard, once in one of the newest. */
const STRONG_WORD = '무화과숲';
/** The first article of the oldest shard's first month, edited by the tests. */
let editedPage: string;
/** The first article of the newest shard's last month, edited by the tests. */
let newestPage: string;
/** A correction in the first body paragraph: the text the record is made of. */
function correct(html: string, sentence: string): string {
  const edited = html.replace(/(data-article-body[^>]*>[\s\S]*?<p(?: [^>]*)?>)/, `$1${sentence} `);
  expect(edited).not.toBe(html);
  return edited;
}

let server: StaticServer;
let browser: Browser;
let log: string;

beforeAll(async () => {
  cpSync(DIST, site, { recursive: true });
  log = await index();
  const [year, month] = manifest().shards.at(-1)!.from.split('-');
  const folder = join(site, 'articles', year, month);
  editedPage = join(folder, readdirSync(folder)[0], 'index.html');
  const [newestYear, newestMonth] = manifest().shards[0].to.split('-');
  const newestFolder = join(site, 'articles', newestYear, newestMonth);
  newestPage = join(newestFolder, readdirSync(newestFolder)[0], 'index.html');
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('sharded search index', () => {
  it('puts every article into exactly one shard, newest shard first', () => {
    const { shards } = manifest();
    expect(shards.length).toBeGreaterThan(2);
    expect(shards.map((s) => s.from)).toEqual(
      shards
        .map((s) => s.from)
        .sort()
        .reverse(),
    );
    for (const shard of shards) expect(pageCount(shard.key)).toBe(shard.articles);
    const articles = Number(/기사 (\d+)건/.exec(log)?.[1]);
    expect(shards.reduce((sum, s) => sum + s.articles, 0)).toBe(articles);
    expect(log).toContain(`새로 색인 ${shards.length}, 변경분 색인 0)`);
    expect(shards.every((s) => !s.delta)).toBe(true);
  });

  it('indexes an edited article into its shard’s delta, the shard itself past the limit', async () => {
    expect(await index()).toMatch(/새로 읽음 0\), .*새로 색인 0, 변경분 색인 0\)/);
    const html = readFileSync(editedPage, 'utf8');
    const edited = correct(html, '바로잡습니다.');
    writeFileSync(editedPage, edited);
    expect(await index()).toMatch(/새로 읽음 1\), .*새로 색인 0, 변경분 색인 1\)/);
    const oldest = manifest().shards.at(-1)!;
    expect(oldest.delta).toMatchObject({ key: `${oldest.key}-delta`, articles: 1 });
    const hidden = JSON.parse(
      readFileSync(join(site, 'pagefind', oldest.delta!.key, DELTA_HIDDEN_FILE), 'utf8'),
    );
    expect(hidden).toHaveLength(1);
    expect(pageCount(oldest.delta!.key)).toBe(1);
    expect(pageCount(oldest.key)).toBe(oldest.articles);
    // Unchanged since: the delta comes from the cache too.
    expect(await index()).toMatch(/새로 색인 0, 변경분 색인 0\)/);
    expect(manifest().shards.at(-1)!.delta).toEqual(oldest.delta);
    // Back to what the shard's bundle holds: no delta.
    writeFileSync(editedPage, html);
    expect(await index()).toMatch(/새로 색인 0, 변경분 색인 0\)/);
    expect(manifest().shards.at(-1)!.delta).toBeUndefined();
    // Past the limit (0 here), the shard is indexed again as a whole.
    writeFileSync(editedPage, edited);
    expect(await index('--delta-limit', '0')).toMatch(/새로 색인 1, 변경분 색인 0\)/);
    expect(manifest().shards.at(-1)!.delta).toBeUndefined();
    // The tests below search an archive whose newest and oldest shards both have a delta,
    // each with a word of its own.
    writeFileSync(
      editedPage,
      correct(
        html,
        `${UNIQUE_WORD} 관련 내용을 바로잡습니다. ${STRONG_WORD}의 ${STRONG_WORD}과 ${STRONG_WORD}.`,
      ),
    );
    writeFileSync(
      newestPage,
      correct(readFileSync(newestPage, 'utf8'), `${NEWEST_WORD} 정정. ${STRONG_WORD}.`),
    );
    expect(await index()).toMatch(/새로 읽음 2\), .*새로 색인 0, 변경분 색인 2\)/);
    const { shards } = manifest();
    const newest = shards[0];
    expect(newest.delta).toMatchObject({ key: `${newest.key}-delta`, articles: 1 });
    expect(shards.at(-1)!.delta).toMatchObject({ articles: 1 });
    // Only the newest shard's bundle carries Pagefind's WebAssembly; every other bundle's
    // file is Pagefind's signature alone.
    const wasm = (key: string) =>
      readdirSync(join(site, 'pagefind', key))
        .filter((name) => /^wasm\./.test(name))
        .map((name) => readFileSync(join(site, 'pagefind', key, name)));
    expect(wasm(newest.key).length).toBeGreaterThan(0);
    for (const file of wasm(newest.key)) expect(file.length).toBeGreaterThan(10_000);
    const others = shards.flatMap((s) => (s.delta ? [s.key, s.delta.key] : [s.key])).slice(1);
    for (const key of others) {
      expect(wasm(key).length).toBeGreaterThan(0);
      for (const file of wasm(key)) expect(file.toString()).toBe('pagefind_dcd');
    }
  });

  /** The search page for `query` in a fresh context, with the paths it requested. */
  async function openSearch(query: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    // The size of every Pagefind WebAssembly file the page downloaded.
    const wasmDownloads: Promise<number>[] = [];
    page.on('response', (response) => {
      if (/\/wasm\.[^/]+$/.test(new URL(response.url()).pathname)) {
        wasmDownloads.push(response.body().then((body) => body.length));
      }
    });
    await page.goto(`${server.url}/search/?q=${query}`);
    const results = page.locator('[data-search-results] .search-result');
    await results.first().waitFor();
    const wasmSizes = () => Promise.all(wasmDownloads);
    return { context, page, errors, requested, results, wasmSizes };
  }

  it('finds every article of a common word on 최신순, newest shard first, older ones on request', async () => {
    // Every article has a byline, so 기자 finds them all.
    const { context, page, errors, requested, results } = await openSearch('기자&sort=newest');
    const { shards } = manifest();
    const total = shards.reduce((sum, s) => sum + s.articles, 0);
    expect(await page.textContent('[data-search-summary]')).toMatch(/이후 기사 \d+건/);
    // The oldest shard has not been downloaded for the first results.
    const oldest = `/pagefind/${shards.at(-1)!.key}/`;
    expect(requested.some((path) => path.startsWith(oldest))).toBe(false);

    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) {
      const before = await results.count();
      await more.click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-search-results] .search-result').length > n,
        before,
      );
    }
    expect(await page.textContent('[data-search-summary]')).toBe(`'기자' 검색 결과 ${total}건`);
    const urls = await results.evaluateAll((items) =>
      items.map((item) => item.querySelector('a')!.getAttribute('href')),
    );
    expect(new Set(urls).size).toBe(total);
    expect(requested.some((path) => path.startsWith(oldest))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a new version in the newest shard’s delta, with one WebAssembly download', async () => {
    const { context, page, errors, results, wasmSizes } = await openSearch(
      `${NEWEST_WORD}&sort=newest`,
    );
    // One article has the word, so every shard and delta is searched for a page of results.
    await expect
      .poll(() => page.textContent('[data-search-summary]'))
      .toBe(`'${NEWEST_WORD}' 검색 결과 1건`);
    const href = await results.first().locator('a').getAttribute('href');
    expect(join(site, href!, 'index.html')).toBe(newestPage);
    // The newest shard's WebAssembly in full (~54 KB), every other bundle's 12-byte stand-in.
    const { shards } = manifest();
    const sizes = await wasmSizes();
    expect(sizes.filter((size) => size > 10_000)).toHaveLength(1);
    expect(sizes.filter((size) => size === 12)).toHaveLength(shards.length - 1 + 2);
    expect(sizes).toHaveLength(shards.length + 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  /** The bundle folders under /pagefind/ a page requested anything from. */
  const bundlesRequested = (requested: string[]) =>
    new Set(
      requested
        .map((path) => /^\/pagefind\/([^/]+)\//.exec(path)?.[1])
        .filter((key) => key && key !== 'directory'),
    );

  it('opens on 정확도순 only the bundles the directory says hold the word', async () => {
    const { context, page, errors, requested, results, wasmSizes } = await openSearch(NEWEST_WORD);
    await expect
      .poll(() => page.textContent('[data-search-summary]'))
      .toBe(`'${NEWEST_WORD}' 검색 결과 1건`);
    const href = await results.first().locator('a').getAttribute('href');
    expect(join(site, href!, 'index.html')).toBe(newestPage);
    const newest = manifest().shards[0];
    // The newest shard's bundle for the WebAssembly, its delta for the word: no other.
    expect(bundlesRequested(requested)).toEqual(new Set([newest.key, newest.delta!.key]));
    expect(requested.some((path) => /^\/pagefind\/directory\/\w+\/\d+\.json\.gz$/.test(path))).toBe(
      true,
    );
    const sizes = await wasmSizes();
    expect(sizes.filter((size) => size > 10_000)).toHaveLength(1);
    expect(sizes).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says on 정확도순 that the results so far are the best of the whole archive', async () => {
    const { context, page, errors } = await openSearch('기자');
    // The count and 이상 never part at a line end.
    expect(await page.textContent('[data-search-summary]')).toMatch(
      /^'기자' 검색 결과: 전체 기간에서 정확도가 높은 기사 \d+건\u00a0이상$/,
    );
    await expect.poll(() => page.locator('[data-search-more]').textContent()).toBe('결과 더 보기');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ranks a strong match in the oldest shard above a weak one in the newest on 정확도순', async () => {
    const urlsOf = async (query: string) => {
      const { context, errors, results } = await openSearch(query);
      await expect.poll(() => results.count()).toBe(2);
      const urls = await results.evaluateAll((items) =>
        items.map((item) => item.querySelector('a')!.getAttribute('href')!),
      );
      expect(errors).toEqual([]);
      await context.close();
      return urls.map((href) => join(site, href, 'index.html'));
    };
    expect(await urlsOf(STRONG_WORD)).toEqual([editedPage, newestPage]);
    expect(await urlsOf(`${STRONG_WORD}&sort=newest`)).toEqual([newestPage, editedPage]);
  });

  it('gives on 정확도순 the order of searching every bundle, opening fewer', async () => {
    await bundleSearchClient(site);
    const { shards } = manifest();
    const bundles = shards.flatMap((s) => (s.delta ? [s.key, s.delta.key] : [s.key]));
    const opened: Record<string, number> = {};
    // Words of the sample articles, common and rare, a two-word query and a partial syllable.
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = collectErrors(page);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}/404.html`);
      // A module script, not import() in evaluate (Vitest would rewrite it).
      await page.addScriptTag({ type: 'module', url: SEARCH_CLIENT_LOADER_URL });
      await page.waitForFunction(() => 'searchClient' in window);
      const run = (q: string, wanted: number) =>
        page.evaluate(
          async ({ q, wanted }) => {
            const client = (
              window as unknown as {
                searchClient: typeof import('../../src/scripts/search/client.ts');
              }
            ).searchClient;
            const progress = await client.runSearch(q, { wanted, maxBundles: Infinity });
            return {
              ids: progress.hits.slice(0, progress.ranked).map((h) => h.id),
              done: progress.done,
            };
          },
          { q, wanted },
        );
      const ranked = (await run(query, 5)).ids;
      opened[query] = bundlesRequested(requested).size;
      const everything = await run(query, Infinity);
      expect(everything.done, query).toBe(true);
      expect(ranked.length, query).toBeGreaterThanOrEqual(Math.min(5, everything.ids.length));
      expect(ranked, query).toEqual(everything.ids.slice(0, ranked.length));
      expect(errors).toEqual([]);
      await context.close();
    }
    // The made-up word: the newest shard's bundle (Pagefind's WebAssembly) and two deltas.
    expect(opened[STRONG_WORD]).toBe(3);
    // 기자 is in every article's byline, so the bounds let it stop nowhere early; every other
    // query leaves bundles unopened.
    expect(opened['기자']).toBe(bundles.length);
    for (const query of QUERIES.slice(1)) {
      expect(opened[query], query).toBeLessThan(bundles.length);
    }
  });

  it('searches a year of older shards only, on the WebAssembly of the newest', async () => {
    const { shards } = manifest();
    const year = shards.at(-1)!.from.slice(0, 4);
    expect(shards[0].from.startsWith(year)).toBe(false);
    const { context, page, errors, results, wasmSizes } = await openSearch(`기자&year=${year}`);
    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) await more.click();
    const dates = await results.locator('time').allTextContents();
    // Every article has a byline, so 기자 finds every article of the year.
    const inYear = readdirSync(join(site, 'articles', year)).flatMap((month) =>
      readdirSync(join(site, 'articles', year, month)),
    );
    expect(dates).toHaveLength(inYear.length);
    expect(dates.every((date) => date.startsWith(`${year}.`))).toBe(true);
    const sizes = await wasmSizes();
    expect(sizes.filter((size) => size > 10_000)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds an edited article by its new words, once, from its shard’s delta', async () => {
    const { context, page, errors, requested, results } = await openSearch(UNIQUE_WORD);
    await expect.poll(() => results.count()).toBe(1);
    const href = await results.first().locator('a').getAttribute('href');
    expect(join(site, href!, 'index.html')).toBe(editedPage);
    expect(await page.locator('[data-search-more]').isVisible()).toBe(false);
    const { shards } = manifest();
    // Straight to the oldest shard's delta (and the newest shard's bundle, for Pagefind).
    expect(bundlesRequested(requested)).toEqual(
      new Set([shards[0].key, shards.at(-1)!.delta!.key]),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
