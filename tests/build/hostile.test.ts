/**
 * Builds the hostile Markdown corpus (fixtures/hostile/content: raw HTML payloads in valid
 * articles) with the real build and checks that no payload survives in the built pages:
 * no script, style, frame, form or plugin element from an article, no event handler, no
 * javascript:/vbscript:/data: URL. Then Chromium opens every page: no dialog may open.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT, sourceArticles } from '../helpers/site.ts';
import { serveStatic } from '../helpers/static-server.ts';

const HOSTILE = join(ROOT, 'fixtures/hostile/content');
// A cache of its own: with the project's, this build's pages would be written through the
// incremental cache's hard links into the sample site's dist/ that other tests read.
const work = buildWorkDir('hostile');
const outDir = join(work, 'dist');
const articles = sourceArticles(HOSTILE);
const ALLOWED_FRAMES =
  /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;
const BAD_URL = /^\s*(javascript|vbscript|data):/i;

beforeAll(() => buildSite(work, HOSTILE), 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bodyOf = (id: string) => {
  const page = parse(readFileSync(join(outDir, 'articles', id, 'index.html'), 'utf8'));
  return { page, body: page.querySelector('[data-article-body]')! };
};

describe('hostile raw HTML in articles', () => {
  it('has a corpus of payloads', () => {
    expect(articles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(articles.map((a) => [a.id] as const))('%s: no payload survives', (id) => {
    const { page, body } = bodyOf(id);
    expect(body.text).toContain('안전한 문단'); // the harmless text around payloads is kept
    expect(
      body.querySelectorAll(
        'script, style, object, embed, form, input, button, meta, link, base, svg, math, noscript',
      ),
    ).toHaveLength(0);
    for (const frame of body.querySelectorAll('iframe, frame')) {
      expect(frame.getAttribute('src') ?? '').toMatch(ALLOWED_FRAMES);
    }
    for (const el of body.querySelectorAll('*')) {
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name.toLowerCase().startsWith('on'), `${name} on <${el.tagName}>`).toBe(false);
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster'].includes(
            name.toLowerCase(),
          )
        ) {
          expect(value, `${name}=${value}`).not.toMatch(BAD_URL);
        }
        expect(name.toLowerCase()).not.toBe('style');
      }
    }
    // Outside the body only the site's own scripts exist: bundled files, JSON-LD, the
    // font-size snippet. None carries an article's payload.
    for (const script of page.querySelectorAll('script')) {
      expect(script.text).not.toMatch(/XSS-/);
      const src = script.getAttribute('src');
      if (src) expect(src.startsWith('/_astro/')).toBe(true);
    }
    expect(page.querySelectorAll('meta[http-equiv="refresh"]')).toHaveLength(0);
  });

  it('opens no dialog in Chromium on any hostile page', async () => {
    const server = await serveStatic(outDir);
    const browser = await launchChromium();
    const dialogs: string[] = [];
    try {
      const page = await browser.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const { id } of articles) {
        await page.goto(`${server.url}/articles/${id}/`, { waitUntil: 'load' });
        // Hover and click every link and image, where onmouseover/onclick payloads would fire.
        for (const el of await page
          .locator('[data-article-body] a, [data-article-body] img')
          .all()) {
          await el.hover({ timeout: 1000 }).catch(() => {});
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    expect(dialogs).toEqual([]);
  });
});
