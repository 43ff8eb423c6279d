/**
 * The search index split into shards (scripts/build-search-index.ts, src/lib/search/shards.ts),
 * on a copy of the built sample site indexed again with a tiny shard capacity: the indexer
 * writes every article into exactly one shard and reuses unchanged shards from its cache, and
 * the browser finds the same articles as with one index, newest shard first, downloading an
 * older shard only when the reader asks for more.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShardManifest } from '../../src/lib/search/shards.ts';
import { collectErrors, launchChromium } from '../helpers/browser.ts';
import { DIST } from '../helpers/site.ts';
import { indexSite } from '../helpers/search-index.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'search-shards-'));
const site = join(work, 'dist');
const cache = join(work, 'cache');

const index = () => indexSite(site, cache, ['--shard-capacity', '4']);

const manifest = (): ShardManifest =>
  JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8'));
const pageCount = (key: string): number =>
  Object.values(
    JSON.parse(readFileSync(join(site, 'pagefind', key, 'pagefind-entry.json'), 'utf8'))
      .languages as Record<string, { page_count: number }>,
  ).reduce((sum, language) => sum + language.page_count, 0);

let server: StaticServer;
let browser: Browser;
let log: string;

beforeAll(async () => {
  cpSync(DIST, site, { recursive: true });
  log = await index();
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
    expect(log).toContain(`새로 색인 ${shards.length})`);
  });

  it('re-indexes only the shard of an edited article', async () => {
    expect(await index()).toMatch(/새로 읽음 0\), .*새로 색인 0\)/);
    const oldest = manifest().shards.at(-1)!;
    const [year, month] = oldest.from.split('-');
    const folder = join(site, 'articles', year, month);
    const page = join(folder, readdirSync(folder)[0], 'index.html');
    const html = readFileSync(page, 'utf8');
    // A correction in the first body paragraph: the text the record is made of.
    const edited = html.replace(
      /(data-article-body[^>]*>[\s\S]*?<p(?: [^>]*)?>)/,
      '$1바로잡습니다. ',
    );
    expect(edited).not.toBe(html);
    writeFileSync(page, edited);
    expect(await index()).toMatch(/새로 읽음 1\), .*새로 색인 1\)/);
    writeFileSync(page, html);
    expect(await index()).toMatch(/새로 색인 1\)/);
  });

  it('finds every article of a common word, newest shard first, older ones on request', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    // Every article has a byline, so 기자 finds them all.
    await page.goto(`${server.url}/search/?q=기자`);
    const results = page.locator('[data-search-results] .search-result');
    await results.first().waitFor();
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
});
