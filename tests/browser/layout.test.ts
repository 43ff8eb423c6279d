/**
 * The rendered layout of every page type, measured in Chromium at a small phone, a phone, a
 * tablet and a desktop: nothing off the viewport's sides (the header's search panel open
 * too), photos in their intended landscape shape, content clear of the sticky header and the
 * footer, the menu in sections.yaml order, the phone header in one row; then each page in
 * the light and the dark scheme under axe-core, and the header's behaviour (search button,
 * menu, colour scheme toggle, tucking on scroll).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from '../helpers/browser.ts';
import { builtSiteInChromium } from '../helpers/built-site.ts';
import {
  axeViolations,
  headerGaps,
  offViewport,
  openSettled,
  photoShapes,
} from '../helpers/layout.ts';
import { pageTypes } from '../helpers/page-types.ts';
import { yamlList } from '../helpers/site.ts';

const WIDTHS = [320, 390, 768, 1366];
/** How far a photo's box may be from its intended shape (rounding of CSS pixels). */
const SHAPE_TOLERANCE = 0.03;
const types = pageTypes();
const sectionNames = yamlList('sections').map((s) => String(s.name));
const searchWord = new URL(
  types.find((t) => t.name === 'search-results')!.path,
  'http://x',
).searchParams.get('q')!;

const site = builtSiteInChromium();

const viewport = (width: number) => ({ width, height: width < 900 ? 844 : 900 });

/** Opens the header's search (the phone's button first) and waits for the results panel. */
async function openSearchPanel(page: Page) {
  const opener = page.locator('[data-search-open]');
  if (await opener.isVisible()) await opener.click();
  await page.locator('#site-search').fill(searchWord);
  await page.locator('[data-search-panel]').waitFor({ state: 'visible' });
  await page.locator('[data-search-panel] a.search-result-link').first().waitFor();
}

describe.each(WIDTHS)('at %i px wide', (width) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await site.browser.newContext({ locale: 'ko-KR', viewport: viewport(width) });
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterAll(() => context?.close());

  it.each(types)('$name ($path): fits, keeps photo shapes, clears the header', async (type) => {
    errors.length = 0;
    await openSettled(page, site.url + type.path);
    expect(await offViewport(page)).toEqual([]);

    const shapes = await photoShapes(page);
    const bad = shapes.filter(
      (s) => s.intended <= 1 || Math.abs(s.ratio / s.intended - 1) > SHAPE_TOLERANCE,
    );
    expect(bad).toEqual([]);
    if (['home', 'section', 'reporter', 'tag', 'archive-month'].includes(type.name)) {
      expect(shapes.length).toBeGreaterThan(0);
    }

    const gaps = await headerGaps(page);
    expect(gaps.content).toBeGreaterThanOrEqual(12);
    expect(gaps.title).toBeGreaterThan(0);
    expect(gaps.footer).toBeGreaterThanOrEqual(24);

    const menu = await page
      .locator('nav[aria-label="섹션"] a[href^="/sections/"]')
      .allTextContents();
    expect(menu.map((t) => t.trim())).toEqual(sectionNames);
    // The 404 page is served with its status, which Chromium reports; nothing else may fail.
    expect(errors).toEqual(
      type.name === '404'
        ? ['Failed to load resource: the server responded with a status of 404 (Not Found)']
        : [],
    );
  });

  it('the header search panel opens inside the viewport', async () => {
    for (const type of types.filter((t) => ['home', 'article'].includes(t.name))) {
      await openSettled(page, site.url + type.path);
      await openSearchPanel(page);
      const box = (await page.locator('[data-search-panel]').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + Math.min(box.height, 200)).toBeLessThanOrEqual(viewport(width).height);
      expect(await offViewport(page)).toEqual([]);
    }
  });

  if (width < 900) {
    it('the phone header is one row: masthead, search button, menu button', async () => {
      await openSettled(page, site.url + '/');
      const rows = await Promise.all(
        ['.logo', '[data-search-open]', '[data-site-menu] summary'].map(async (selector) => {
          const box = (await page.locator(`[data-site-header] ${selector}`).boundingBox())!;
          return box.y + box.height / 2;
        }),
      );
      expect(Math.max(...rows) - Math.min(...rows)).toBeLessThan(4);
      const header = (await page.locator('[data-site-header]').boundingBox())!;
      expect(header.height).toBeLessThan(110);
    });
  }
});

describe('the header', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await site.browser.newContext({ locale: 'ko-KR', viewport: viewport(390) });
  });
  afterAll(() => context?.close());

  it('marks the current section on its pages and scrolls its tab into view', async () => {
    const page = await context.newPage();
    // The last section's tab starts off screen on a phone.
    const last = yamlList('sections').at(-1)!;
    await openSettled(page, `${site.url}/sections/${last.id}/`);
    const marked = page.locator('nav[aria-label="섹션"] a[aria-current]');
    await expect(marked.allTextContents()).resolves.toEqual([String(last.name)]);
    expect(await marked.getAttribute('aria-current')).toBe('page');
    const tab = (await marked.boundingBox())!;
    expect(tab.x).toBeGreaterThanOrEqual(0);
    expect(tab.x + tab.width).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('marks an article’s section on the article page', async () => {
    const page = await context.newPage();
    await openSettled(page, `${site.url}/articles/2025/11/beijing-startup-street/`);
    const section = await page
      .locator('article[data-section-name]')
      .getAttribute('data-section-name');
    const marked = page.locator('nav[aria-label="섹션"] a[aria-current]');
    await expect(marked.allTextContents()).resolves.toEqual([section]);
    expect(await marked.getAttribute('aria-current')).toBe('true');
    await page.close();
  });

  it('sticks: tucks away while scrolling down, comes back on scrolling up', async () => {
    const page = await context.newPage();
    await openSettled(page, site.url + '/');
    const headerBottom = async () =>
      page.locator('[data-site-header]').evaluate((el) => el.getBoundingClientRect().bottom);
    await page.mouse.wheel(0, 1200);
    await expect.poll(headerBottom, { timeout: 5000 }).toBeLessThanOrEqual(0);
    await page.mouse.wheel(0, -200);
    await expect.poll(headerBottom, { timeout: 5000 }).toBeGreaterThan(80);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
    await page.close();
  });

  it('opens the menu of every section in order, and closes it with Esc', async () => {
    const page = await context.newPage();
    await openSettled(page, site.url + '/');
    const summary = page.locator('[data-site-menu] summary');
    await summary.click();
    const panel = page.locator('nav[aria-label="전체 메뉴"]');
    await expect(panel.isVisible()).resolves.toBe(true);
    const links = await panel.locator('a[href^="/sections/"]').allTextContents();
    expect(links.map((t) => t.trim())).toEqual(sectionNames);
    expect(await offViewport(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it('the phone search button opens the search row and focuses the box', async () => {
    const page = await context.newPage();
    await openSettled(page, site.url + '/');
    const opener = page.locator('[data-search-open]');
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(false);
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.close();
  });

  it('the 어두운 화면 toggle switches the scheme before first paint on the next page', async () => {
    const page = await context.newPage();
    await openSettled(page, site.url + '/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const toggle = page.locator('[data-theme-toggle]');
    const light = await background();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    // The next page is dark from its first frame: the inline script runs before the body.
    await page.goto(site.url + types.find((t) => t.name === 'section')!.path, {
      waitUntil: 'commit',
    });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.waitForLoadState('load');
    expect(await background()).toBe(dark);
    // Back to light, which is the system's here: the choice is forgotten.
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => localStorage.getItem('color-scheme'))).toBeNull();
    expect(await background()).toBe(light);
    await page.close();
  });
});

describe('the front page', () => {
  it('has one top story, 주요 기사, then section blocks in sections.yaml order, no story twice', async () => {
    const page = await site.browser.newPage({ viewport: viewport(1366) });
    await openSettled(page, site.url + '/');
    const main = page.locator('main');
    await expect(main.locator('.card.lead').count()).resolves.toBe(1);
    const lead = (await main.locator('.card.lead img').boundingBox())!;
    expect(lead.width).toBeGreaterThan(500);
    const headings = (await main.locator('h2').allTextContents()).map((t) => t.trim());
    const blocks = headings.slice(2);
    expect(headings[1]).toBe('주요 기사');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks).toEqual(sectionNames.filter((name) => blocks.includes(name)));
    const links = await main
      .locator('.card .headline a')
      .evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(10);
    expect(new Set(links).size).toBe(links.length);
    await page.close();
  });
});

describe('weight and stability', () => {
  it('the article page loads under 100 KB before photos', async () => {
    const page = await site.browser.newPage();
    site.server.served.clear();
    await page.goto(site.url + types.find((t) => t.name === 'article')!.path, {
      waitUntil: 'networkidle',
    });
    const bytes = [...site.server.served]
      .filter(([path]) => !/\.(avif|webp|jpe?g|png|svg)$/.test(path))
      .reduce((sum, [, size]) => sum + size, 0);
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(100 * 1024);
    await page.close();
  });

  it.each(types.filter((t) => ['home', 'section', 'article'].includes(t.name)))(
    'nothing in the header shifts while $name loads on a phone',
    async (type) => {
      const context = await site.browser.newContext({ locale: 'ko-KR', viewport: viewport(390) });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: { value: number; inHeader: boolean }[] = [];
        (window as unknown as { shifts: typeof shifts }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as any[]) {
            shifts.push({
              value: entry.value,
              inHeader: entry.sources.some((s: any) => s.node?.closest?.('[data-site-header]')),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.url + type.path, { waitUntil: 'networkidle' });
      const shifts = await page.evaluate(
        () => (window as unknown as { shifts: { value: number; inHeader: boolean }[] }).shifts,
      );
      expect(shifts.filter((s) => s.inHeader)).toEqual([]);
      if (type.name !== 'article') {
        expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBeLessThan(0.01);
      }
      await context.close();
    },
  );
});

describe.each(['light', 'dark'] as const)('in the %s scheme', (colorScheme) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({
      locale: 'ko-KR',
      viewport: viewport(390),
      colorScheme,
    });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it.each(types)(
    '$name: the background follows the scheme; axe finds no serious issue',
    async (type) => {
      await openSettled(page, site.url + type.path);
      const luminance = await page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.body)
          .backgroundColor.match(/\d+/g)!
          .map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
      if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.2);
      else expect(luminance).toBeGreaterThan(0.9);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    },
  );
});
