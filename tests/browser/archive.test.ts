/**
 * The date archive in Chromium: the month calendar fits a phone and leads to its days, the
 * day pages step to the nearest days with articles, the pages pass axe, and 오늘의 과거 lists
 * the build day's earlier years (a fixture built on a chosen day with SOURCE_DATE_EPOCH).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { collectErrors } from '../helpers/browser.ts';
import { builtSiteInChromium } from '../helpers/built-site.ts';
import { expectedKst, ROOT, sourceArticles } from '../helpers/site.ts';

/** The first day of November 2025 after the 3rd that has articles (KST), as a URL path. */
const nextDay = sourceArticles()
  .map((a) => expectedKst(a.frontmatter.publishedAt).iso.slice(0, 10))
  .filter((day) => day > '2025-11-03' && day < '2025-12-01')
  .sort()[0]!
  .replaceAll('-', '/');

const site = builtSiteInChromium();

describe('calendar and day pages', () => {
  it.each([320, 390, 1366])(
    'the month calendar fits %i px and leads to a day and its neighbours',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const errors = collectErrors(page);
      await page.goto(`${site.url}/archive/2025/11/`);
      const table = await page.locator('table[data-calendar]').boundingBox();
      expect(table!.x).toBeGreaterThanOrEqual(0);
      expect(table!.x + table!.width).toBeLessThanOrEqual(width);
      // Seven equal columns: no day squeezed by its count.
      const widths = await page
        .locator('table[data-calendar] tbody tr:nth-child(2) td')
        .evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().width)));
      expect(new Set(widths).size).toBeLessThanOrEqual(2);
      await page.locator('td[data-day="3"] a').click();
      await page.waitForURL(/\/archive\/2025\/11\/03\/$/);
      expect((await page.locator('h1').textContent())!.trim()).toBe('2025년 11월 3일(월)');
      await page.locator('[data-day-next]').click();
      await page.waitForURL(`${site.url}/archive/${nextDay}/`);
      await page.locator('[data-day-previous]').click();
      await page.waitForURL(/\/archive\/2025\/11\/03\/$/);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.each(
    ['/archive/', '/archive/2025/', '/archive/2025/11/', '/archive/2025/11/03/'].flatMap((p) =>
      (['light', 'dark'] as const).map((scheme) => [p, scheme] as const),
    ),
  )('axe finds no serious issue on %s (%s)', async (path, colorScheme) => {
    const page = await site.browser.newPage({ colorScheme });
    await page.goto(site.url + path);
    const violations = await seriousViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('오늘의 과거 on a chosen build day', () => {
  // fixtures/print/content has one article, 2025-11-05 10:00 KST. Built "on" 2026-11-05
  // 00:30 KST (still 11월 4일 in UTC), the index must list it as one year ago.
  const work = buildWorkDir('on-this-day');
  const epoch = Date.UTC(2026, 10, 4, 15, 30) / 1000;
  beforeAll(
    () =>
      buildSite(work, join(ROOT, 'fixtures/print/content'), { SOURCE_DATE_EPOCH: String(epoch) }),
    180_000,
  );
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lists the same KST day of earlier years', () => {
    const page = parse(readFileSync(join(work, 'dist/archive/index.html'), 'utf8'));
    const section = page.querySelector('[data-on-this-day]')!;
    expect(section.getAttribute('data-today')).toBe('2026-11-05');
    const year = section.querySelector('[data-year="2025"]')!;
    expect(year.querySelector('h3')!.text.trim()).toBe('1년 전 2025년 11월 5일(수)');
    expect(year.querySelector('h3 a')!.getAttribute('href')).toBe('/archive/2025/11/05/');
    expect(year.querySelectorAll('li a').map((a) => a.getAttribute('href'))).toEqual([
      '/articles/2025/11/bike-share-fares/',
    ]);
    expect(year.text).toContain('이도윤·김하윤 기자');
  });
});
