/**
 * The built site in Debian's Chromium: a reader's path through the pages, the reader tools,
 * keyboard access and console errors (axe-core's audit of every page type, in both colour
 * schemes, is in layout.test.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from '../helpers/browser.ts';
import { builtSiteInChromium } from '../helpers/built-site.ts';
import { sourceArticles } from '../helpers/site.ts';

const articles = sourceArticles();
const withPhotos = articles.find((a) => (a.frontmatter.photos ?? []).length > 0) ?? articles[0];

const site = builtSiteInChromium();
let context: BrowserContext;

beforeAll(async () => {
  context = await site.browser.newContext({
    locale: 'ko-KR',
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(site.url + path, { waitUntil: 'load' });
  return { page, errors };
}

describe('a reader’s path', () => {
  it('home → section → article → reporter → archive, without console errors', async () => {
    const { page, errors } = await open('/');
    await page.locator('nav[aria-label="섹션"] a').first().click();
    await page.waitForURL(/\/sections\/[a-z-]+\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();

    await page.locator('.article-list a').first().click();
    await page.waitForURL(/\/articles\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/);
    const headline = await page.locator('h1[data-article-headline]').textContent();
    expect(headline?.trim().length).toBeGreaterThan(0);

    const reporterName = (await page.locator('a[rel=author]').first().textContent())!.trim();
    await page.locator('a[rel=author]').first().click();
    await page.waitForURL(/\/reporters\/[a-z0-9-]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(reporterName);

    await page.locator('footer a', { hasText: '날짜별 기사' }).click();
    await page.waitForURL(/\/archive\/$/);
    await page.locator('.date-links a').first().click();
    await page.waitForURL(/\/archive\/\d{4}\/$/);
    await page.locator('.date-links a').first().click();
    await page.waitForURL(/\/archive\/\d{4}\/\d{2}\/$/);
    expect(await page.locator('.article-list a').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('reader tools', () => {
  it('remembers the font size across pages', async () => {
    const [first, second] = articles;
    const { page, errors } = await open(`/articles/${first.id}/`);
    const bodySize = () =>
      page
        .locator('[data-article-body]')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await bodySize();
    await page.getByRole('button', { name: '글자 크게' }).click();
    await page.getByRole('button', { name: '글자 크게' }).click();
    const bigger = await bodySize();
    expect(bigger).toBeGreaterThan(before);
    await expect(page.locator('[data-reader-status]').textContent()).resolves.toContain('2단계');

    await page.goto(`${site.url}/articles/${second.id}/`);
    expect(await bodySize()).toBe(bigger);
    await page.getByRole('button', { name: '글자 크기 기본' }).click();
    expect(await bodySize()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies the link when the Web Share API is not available', async () => {
    const { page, errors } = await open(`/articles/${withPhotos.id}/`);
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
    await page.getByRole('button', { name: '공유하기' }).click();
    await expect
      .poll(() => page.locator('[data-reader-status]').textContent())
      .toContain('복사했습니다');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keyboard and accessibility', () => {
  it('the first Tab reaches a visible skip link that moves focus to the content', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('본문 바로가기');
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});
