/**
 * Valid content in odd forms is published whole: decomposed Hangul (NFD, as macOS tools and
 * PDF copies write it), control characters, Windows line ends, in Markdown and MDX. The
 * real build and the real search index of such a folder have, for every article file, one
 * article page and one index entry, and the site's search client finds each article by its
 * headline; text is NFC everywhere, tag links reach their pages, and rss.xml is valid XML.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { launchChromium } from '../helpers/browser.ts';
import {
  bundleSearchClient,
  indexSite,
  SEARCH_CLIENT_LOADER_URL,
} from '../helpers/search-index.ts';
import { listArticleFiles } from '../../src/lib/content-files.ts';
import { ROOT, sourceArticles } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const work = buildWorkDir('odd-content');
const content = join(work, 'content');
const dist = join(work, 'dist');
const nfd = (text: string) => text.normalize('NFD');
/** Decomposed Hangul: conjoining jamo, which NFC text never holds. */
const JAMO = /[\u1100-\u11ff]/;
// The C0 controls XML 1.0 forbids.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const article = (headline: string, date: string, tags: string[], body: string) =>
  `---\nheadline: ${headline}\nsection: economy\npublishedAt: "${date}T09:00:00+09:00"\n` +
  `reporters: [kim-hayoon]\ntags: [${tags.join(', ')}]\n---\n\n${body}\n`;

/** Each added article's file and the headline readers see (NFC, no control characters). */
const ADDED: { path: string; text: string; headline: string }[] = [
  {
    path: '2025/11/robot-delivery.md',
    text: article(
      nfd('로봇 배달 시범 운행'),
      '2025-11-04',
      [nfd('로봇'), '배달'],
      nfd('구청은 로봇 배달을 시범 운행한다.'),
    ),
    headline: '로봇 배달 시범 운행',
  },
  {
    path: '2025/11/robot-cafe.md',
    text: article('로봇 카페 문 열어', '2025-11-05', ['로봇'], '역 앞에 로봇 카페가 문을 열었다.'),
    headline: '로봇 카페 문 열어',
  },
  {
    path: '2025/11/power-rates.md',
    text: article(
      '전기요금\u0001 인상\u001f 발표',
      '2025-11-06',
      ['전기\u0007요금'],
      '정부는\u0000 전기요금을\u000b 올린다.\n\n둘째 문단이다.',
    ).replaceAll('\n', '\r\n'),
    headline: '전기요금 인상 발표',
  },
  {
    path: '2025/11/market-notes/index.mdx',
    text: article(
      nfd('시장 상인 모임 열려'),
      '2025-11-07',
      ['시장'],
      nfd('상인들이 모였다.\n\n<FactBox title="모임 요점">\n- 수수료를 논의했다\n</FactBox>'),
    ),
    headline: '시장 상인 모임 열려',
  },
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  cpSync(join(ROOT, 'fixtures/good-content'), content, { recursive: true });
  for (const { path, text } of ADDED) {
    const file = join(content, 'articles', path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  await buildSite(work, relative(ROOT, content));
  await indexSite(dist, join(work, 'search-cache'));
  await bundleSearchClient(dist);
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const page = (path: string) => parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
const builtFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

describe('odd but valid content', () => {
  // The good fixtures' own headlines (read as any tool reads them) and the added ones as
  // readers must see them; the ids from the files the test wrote.
  const GOOD = join(ROOT, 'fixtures/good-content');
  const sources = [
    ...sourceArticles(GOOD).map(({ id, frontmatter }) => ({ id, headline: frontmatter.headline })),
    ...ADDED.map(({ path, headline }) => ({ id: path.replace(/(\/index)?\.mdx?$/, ''), headline })),
  ];
  const articleFiles = () => listArticleFiles(join(content, 'articles')).files;

  it('has one article page per article file, and one index entry', () => {
    expect(
      articleFiles()
        .map((file) => file.id)
        .sort(),
    ).toEqual(sources.map((s) => s.id).sort());
    const pages = builtFiles(join(dist, 'articles')).filter((file) => file.endsWith('index.html'));
    expect(pages.map((file) => relative(join(dist, 'articles'), file)).sort()).toEqual(
      sources.map((source) => `${source.id}/index.html`).sort(),
    );
    const entry = JSON.parse(
      readFileSync(
        join(
          dist,
          'pagefind',
          readdirSync(join(dist, 'pagefind')).find((n) => /^\d{4}-\d{2}$/.test(n))!,
          'pagefind-entry.json',
        ),
        'utf8',
      ),
    );
    const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    expect(indexed).toBe(sources.length);
  });

  it('publishes every headline in NFC without control characters', () => {
    for (const { path, headline } of ADDED) {
      const id = path.replace(/(\/index)?\.mdx?$/, '');
      expect(page(`articles/${id}`).querySelector('h1')!.text.trim()).toBe(headline);
    }
    expect(
      page('articles/2025/11/power-rates').querySelector('[data-article-body]')!.text,
    ).toContain('정부는 전기요금을 올린다.');
    expect(page('articles/2025/11/market-notes').text).toContain('모임 요점');
    for (const file of builtFiles(dist)) {
      const text = readFileSync(file, 'utf8');
      expect(JAMO.test(text), file).toBe(false);
      expect(XML_FORBIDDEN.test(text), file).toBe(false);
    }
  });

  it('lists the NFD-tagged article on the one 로봇 tag page its link points at', () => {
    const robotPage = page('tags/로봇');
    const links = robotPage.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toContain('/articles/2025/11/robot-delivery/');
    expect(links).toContain('/articles/2025/11/robot-cafe/');
    expect(readdirSync(join(dist, 'tags')).filter((name) => JAMO.test(name))).toEqual([]);
    const tagLink = page('articles/2025/11/robot-delivery')
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href') ?? '')
      .find((href) => href.startsWith('/tags/') && decodeURIComponent(href).includes('로봇'))!;
    expect(existsSync(join(dist, decodeURIComponent(tagLink), 'index.html'))).toBe(true);
  });

  it('writes rss.xml that an XML parser reads, with the cleaned headline', async () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    const tab = await browser.newPage();
    const parsed = await tab.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        titles: [...doc.querySelectorAll('item > title')].map((title) => title.textContent),
      };
    }, xml);
    await tab.close();
    expect(parsed.error).toBeNull();
    expect(parsed.titles).toContain('전기요금 인상 발표');
  });

  it('finds every article by its headline with the site search', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/404.html`);
    await tab.addScriptTag({ type: 'module', url: SEARCH_CLIENT_LOADER_URL });
    await tab.waitForFunction(() => 'searchClient' in window);
    const headlines = sources.map((source) => source.headline);
    const found = await tab.evaluate(async (queries) => {
      const client = (
        window as unknown as { searchClient: typeof import('../../src/scripts/search/client.ts') }
      ).searchClient;
      const urls: string[][] = [];
      for (const query of queries) {
        const progress = await client.runSearch(query, { wanted: 100 });
        urls.push(await Promise.all(progress.hits.map(async (hit) => (await hit.data()).url)));
      }
      return urls;
    }, headlines);
    await tab.close();
    sources.forEach((source, i) => {
      expect(found[i], `${source.id}: ${headlines[i]}`).toContain(`/articles/${source.id}/`);
    });
  });
});
