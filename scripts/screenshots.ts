/**
 * npm run screenshots [-- --build] [--out DIR] [--articles ID,ID]: PNGs of every page type at
 * a phone's and a desktop's width, in light and dark, plus the header search panel open on a
 * phone and the article's print view (PDF and a print-media PNG), into one folder a reviewer
 * can look at. With --articles (ids such as 2025/11/seoul-robot-center), only those
 * articles, at both widths in both schemes: what a pull request's preview shows of the
 * articles it changes. Uses the dist/ that is there (or builds it when missing or with --build).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { urls } from '../src/lib/urls.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { pageTypes } from '../tests/helpers/page-types.ts';
import { DIST, ROOT } from '../tests/helpers/site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'screenshots') },
    articles: { type: 'string' },
  },
});
const articleIds = values.articles?.split(',').filter(Boolean);
const out = resolve(values.out!);

if (values.build || !existsSync(join(DIST, 'index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(out, { recursive: true });
// Last run's pictures only: --out may name a folder that holds other things.
for (const file of readdirSync(out)) {
  if (/\.(png|pdf)$/.test(file)) rmSync(join(out, file));
}

/** Loads a page and waits until its scripts (search results, lazy photos) have settled. */
async function load(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' });
  // Lazy photos below the first screen load only when scrolled to; a full-page shot needs them.
  await page.evaluate(() => {
    for (const img of document.querySelectorAll('img[loading="lazy"]'))
      img.removeAttribute('loading');
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() =>
    Promise.all([
      document.fonts.ready,
      ...[...document.images].map((img) => img.decode().catch(() => {})),
    ]),
  );
}

/** Each page at both widths in both schemes; returns how many files it wrote. */
async function shootPages(browser: Browser, base: string, pages: { name: string; path: string }[]) {
  let count = 0;
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ locale: 'ko-KR', viewport, colorScheme });
      const page = await context.newPage();
      for (const { name, path } of pages) {
        await load(page, base + path);
        await page.screenshot({
          path: join(out, `${name}-${viewport.width}-${colorScheme}.png`),
          fullPage: true,
        });
        count++;
      }
      await context.close();
    }
  }
  return count;
}

async function shoot(browser: Browser, base: string) {
  const types = pageTypes();
  const article = types.find((t) => t.name === 'article')!;
  const query = new URL(types.find((t) => t.name === 'search-results')!.path, base).searchParams;
  let count = await shootPages(browser, base, types);
  // The header's search panel, open with results, on the first screen.
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ locale: 'ko-KR', viewport, colorScheme });
      const page = await context.newPage();
      await load(page, base + '/');
      const opener = page.locator('[data-search-open]');
      if (await opener.isVisible()) await opener.click();
      await page.locator('#site-search').fill(query.get('q')!);
      await page.locator('[data-search-panel]').waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
      await page.screenshot({
        path: join(out, `search-panel-${viewport.width}-${colorScheme}.png`),
      });
      count++;
      await context.close();
    }
  }
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await load(page, base + article.path);
  await page.pdf({ path: join(out, 'article-print.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.screenshot({ path: join(out, 'article-print.png'), fullPage: true });
  await context.close();
  return count + 2;
}

const server = await serveStatic(DIST);
const browser = await launchChromium();
try {
  const count = articleIds
    ? await shootPages(
        browser,
        server.url,
        articleIds.map((id) => ({
          name: `article-${id.replaceAll('/', '-')}`,
          path: urls.article(id),
        })),
      )
    : await shoot(browser, server.url);
  console.log(`[screenshots] ${count}개 파일 → ${relative(process.cwd(), out) || '.'}/`);
} finally {
  await browser.close();
  await server.close();
}
