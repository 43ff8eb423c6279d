/**
 * The article page as a reader sees it in Chromium, measured on the rendered layout: the
 * story starts in the first screen, nothing moves while it loads, credits and times never
 * break inside, 맨 위로 waits for a scroll, photos open in an accessible viewer, and the
 * printout of a five-paragraph story with one photo is one A4 page.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { collectErrors } from '../helpers/browser.ts';
import { builtSiteInChromium } from '../helpers/built-site.ts';
import { ROOT, sourceArticles } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const articles = sourceArticles();
const withPhotos = articles.filter((a) => (a.frontmatter.photos ?? []).length > 0);
const manyPhotos = [...withPhotos].sort(
  (a, b) => b.frontmatter.photos.length - a.frontmatter.photos.length,
)[0];
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

const site = builtSiteInChromium();

async function open(
  path: string,
  viewport: { width: number; height: number },
  init?: () => void,
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await site.browser.newContext({ locale: 'ko-KR', viewport });
  const page = await context.newPage();
  const errors = collectErrors(page);
  if (init) await page.addInitScript(init);
  await page.goto(site.url + path, { waitUntil: 'load' });
  return { page, context, errors };
}

describe('the first screen', () => {
  it.each(SCREENS.flatMap((s) => articles.map((a) => [a.id, s.width, s.height] as const)))(
    '%s at %i×%i shows the headline and the first paragraph',
    async (id, width, height) => {
      const { page, context } = await open(`/articles/${id}/`, { width, height });
      const m = await page.evaluate(() => {
        const h1 = document.querySelector('h1[data-article-headline]')!.getBoundingClientRect();
        const p = document.querySelector('[data-article-body] p')!;
        const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
        return { h1, pTop: p.getBoundingClientRect().top, lineHeight, inner: innerHeight };
      });
      expect(m.h1.top).toBeGreaterThanOrEqual(0);
      expect(m.h1.bottom).toBeLessThanOrEqual(m.inner);
      // At least its first two lines, not a sliver of the first.
      expect(m.pTop + 2 * m.lineHeight).toBeLessThanOrEqual(m.inner);
      await context.close();
    },
  );
});

describe('loading', () => {
  const observeShifts = () => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  };

  it.each([
    ['default size', 390, 844],
    ['default size', 1366, 900],
    ['saved size 2', 390, 844],
  ] as const)(
    'moves nothing as it loads (CLS < 0.01), %s at %i px',
    async (size, width, height) => {
      const context = await site.browser.newContext({
        locale: 'ko-KR',
        viewport: { width, height },
      });
      const page = await context.newPage();
      await page.addInitScript(observeShifts);
      if (size === 'saved size 2') {
        await page.addInitScript(() => localStorage.setItem('article-font-size', '2'));
      }
      await page.goto(`${site.url}/articles/${manyPhotos.id}/`, { waitUntil: 'load' });
      await expect.poll(() => page.locator('[data-reader-tools]').isVisible()).toBe(true);
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
      expect(cls).toBeLessThan(0.01);
      await context.close();
    },
  );

  it('shows the font size step by name and keeps the row the same size', async () => {
    const { page, context, errors } = await open(`/articles/${manyPhotos.id}/`, SCREENS[0]);
    const tools = page.locator('[data-reader-tools]');
    const box = await tools.boundingBox();
    const current = page.locator('[data-font-current]');
    expect((await current.textContent())?.trim()).toBe('보통');
    await page.getByRole('button', { name: '글자 크게' }).click();
    expect((await current.textContent())?.trim()).toBe('크게');
    await page.getByRole('button', { name: '글자 크게' }).click();
    await page.getByRole('button', { name: '글자 크게' }).click();
    expect((await current.textContent())?.trim()).toBe('가장 크게');
    await expect(page.getByRole('button', { name: '글자 크게' }).isDisabled()).resolves.toBe(true);
    expect(await tools.boundingBox()).toEqual(box);
    // The row is one line of icon buttons on a phone.
    expect(box!.height).toBeLessThanOrEqual(40);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('맨 위로', () => {
  it('appears only after the reader scrolls past the headline', async () => {
    const { page, context, errors } = await open(`/articles/${manyPhotos.id}/`, SCREENS[0]);
    const button = page.locator('[data-to-top]');
    expect(await button.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo({ top: 1500, behavior: 'instant' }));
    await expect.poll(() => button.isVisible()).toBe(true);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => button.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('line breaks', () => {
  it.each([320, 390, 768].flatMap((w) => withPhotos.map((a) => [a.id, w] as const)))(
    '%s at %i px: credits and times sit on one line each',
    async (id, width) => {
      const { page, context } = await open(`/articles/${id}/`, { width, height: 800 });
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('article .credit, article time')]
          .filter((el) => el.getClientRects().length !== 1)
          .map((el) => el.textContent),
      );
      expect(broken).toEqual([]);
      expect(
        await page
          .locator('h1[data-article-headline]')
          .evaluate((el) => getComputedStyle(el).textWrap),
      ).toContain('balance');
      await context.close();
    },
  );
});

describe('photo viewer', () => {
  it('opens the largest size with caption and credit, keeps focus, closes on Esc', async () => {
    const { page, context, errors } = await open(`/articles/${manyPhotos.id}/`, SCREENS[0]);
    const link = page.locator('[data-photo-open]').nth(1);
    const largest = await link.evaluate((a) => {
      const candidates = a
        .querySelector('source[type="image/webp"]')!
        .getAttribute('srcset')!
        .split(',')
        .map((c) => c.trim().split(/\s+/));
      return candidates.sort((x, y) => parseInt(y[1]) - parseInt(x[1]))[0][0];
    });
    const credit = (await link.locator('xpath=..').locator('.credit').textContent())!.trim();

    await link.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[data-photo-viewer]');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '사진 닫기',
    );
    const image = dialog.locator('img');
    expect(new URL((await image.getAttribute('src'))!, site.url).pathname).toBe(largest);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await image.getAttribute('alt')).toBeTruthy();
    expect(await dialog.locator('.credit').textContent()).toBe(credit);
    for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);

    // The close button and a click beside the photo close it too.
    await link.click();
    await page.getByRole('button', { name: '사진 닫기' }).click();
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await link.click();
    await page.mouse.click(5, 5);
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('print', () => {
  // A five-paragraph story with one photo (fixtures/print/content), built on its own.
  const work = buildWorkDir('print');
  let printServer: StaticServer;
  beforeAll(async () => {
    await buildSite(work, join(ROOT, 'fixtures/print/content'));
    printServer = await serveStatic(join(work, 'dist'));
  }, 180_000);
  afterAll(async () => {
    await printServer?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const path = '/articles/2025/11/bike-share-fares/';

  it('fits one A4 page', async () => {
    const page = await site.browser.newPage();
    await page.goto(printServer.url + path, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.close();
  });

  it('prints the photo at about 8 cm, the times and the address, without tools or menus', async () => {
    const page = await site.browser.newPage();
    await page.goto(printServer.url + path, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const photo = await page.locator('.article-photo img').boundingBox();
    // 8 cm is 302 CSS px.
    expect(photo!.width).toBeGreaterThan(280);
    expect(photo!.width).toBeLessThanOrEqual(303);
    const source = page.locator('[data-print-source]');
    expect(await source.isVisible()).toBe(true);
    expect(await source.textContent()).toContain(`${path}`);
    const times = (await page.locator('.times').textContent())!;
    expect(times).toContain('입력');
    expect(times).toContain('수정');
    for (const hidden of ['[data-reader-tools]', 'nav.breadcrumbs', '.site-header nav']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    await page.close();
  });
});
