/**
 * Measurements of a rendered page, taken in the browser: what is off the viewport's sides,
 * which photos lost their shape, how far the content sits from the header. Each returns
 * plain data with a readable description of every offender, so a failing test says what.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Elements whose box runs past the viewport's left or right edge (by more than 1 px). */
export function offViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      [...el.classList]
        .filter((c) => !c.startsWith('astro-'))
        .map((c) => `.${c}`)
        .join('');
    // A box inside a container that clips or scrolls sideways (the tab bar) may run past
    // the viewport: the container is what has to fit, and it is checked itself.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      // Nothing drawn, or visually hidden (1 px, clipped) for screen readers.
      if (box.width <= 1 || box.height <= 1) continue;
      if (el.closest('.visually-hidden') || clipped(el)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      if (box.left < -1 || box.right > width + 1) {
        found.push(`${name(el)}: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      }
    }
    return found;
  });
}

export interface PhotoShape {
  what: string;
  box: string;
  ratio: number;
  intended: number;
}

/**
 * Every visible photo's box next to the shape it is meant to have: the CSS aspect-ratio when
 * the box is cropped to one (object-fit), else its width and height attributes (Astro writes
 * the encoded file's; the search results' the crop they ask for), else the file's own.
 */
export function photoShapes(page: Page): Promise<PhotoShape[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('img')].flatMap((img) => {
      const box = img.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return [];
      const declared = getComputedStyle(img).aspectRatio;
      const match = /^(\d+(?:\.\d+)?) \/ (\d+(?:\.\d+)?)$/.exec(declared);
      const width = Number(img.getAttribute('width'));
      const height = Number(img.getAttribute('height'));
      const intended = match
        ? Number(match[1]) / Number(match[2])
        : width && height
          ? width / height
          : img.naturalWidth / img.naturalHeight;
      return [
        {
          what: `${img.className || 'img'} ${img.currentSrc || img.src}`.slice(0, 120),
          box: `${Math.round(box.width)}×${Math.round(box.height)}`,
          ratio: box.width / box.height,
          intended,
        },
      ];
    }),
  );
}

export interface HeaderGaps {
  /** From the header's bottom to the first thing drawn in <main>. */
  content: number;
  /** From the header's bottom to the page's title (its first visible h1, else h2). */
  title: number;
  /** From the last thing drawn in <main> to the footer's top. */
  footer: number;
}

/** Measured with the page scrolled to the top. */
export function headerGaps(page: Page): Promise<HeaderGaps> {
  return page.evaluate(() => {
    const header = document.querySelector('[data-site-header]')!.getBoundingClientRect();
    const footer = document.querySelector('body > footer')!.getBoundingClientRect();
    const drawn = [...document.querySelectorAll('main *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return (
        box.width > 1 &&
        box.height > 1 &&
        !el.closest('.visually-hidden') &&
        el.checkVisibility({ visibilityProperty: true })
      );
    });
    const tops = drawn.map((el) => el.getBoundingClientRect().top);
    const bottoms = drawn.map((el) => el.getBoundingClientRect().bottom);
    const title =
      drawn.find((el) => el.tagName === 'H1') ?? drawn.find((el) => el.tagName === 'H2')!;
    return {
      content: Math.min(...tops) - header.bottom,
      title: title.getBoundingClientRect().top - header.bottom,
      footer: footer.top - Math.max(...bottoms),
    };
  });
}

// Evaluated through the DevTools protocol: the site's CSP (rightly) refuses injected tags.
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's serious and critical violations (WCAG 2.1 A/AA and best practice) on a page. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<any> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

/** Loads a page and waits for what its scripts draw (search results, the search summary). */
export async function openSettled(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  if (new URL(url).pathname !== '/search/') return;
  // The index is fetched, then the summary says what was found (it says 찾는 중… before).
  await page.waitForLoadState('networkidle');
  const summary = page.locator('[data-search-summary]');
  let last = '';
  await expect
    .poll(
      async () => {
        const text = (await summary.textContent())?.trim() ?? '';
        const stable = text !== '' && text === last;
        last = text;
        return stable;
      },
      { interval: 250, timeout: 10_000 },
    )
    .toBe(true);
}
