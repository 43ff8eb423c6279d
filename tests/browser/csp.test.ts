/**
 * The Content-Security-Policy that Astro writes into every page (astro.config.mjs
 * security.csp) is in force in Chromium, and the site runs without a single violation:
 * reader tools on articles, and Pagefind's WebAssembly on the search page.
 */
import { describe, expect, it } from 'vitest';
import { collectErrors } from '../helpers/browser.ts';
import { builtSiteInChromium } from '../helpers/built-site.ts';
import { sourceArticles } from '../helpers/site.ts';

const site = builtSiteInChromium();

const article = sourceArticles()[0];

describe('Content-Security-Policy', () => {
  it.each(['/', `/articles/${article.id}/`, '/search/?q=서울'])(
    '%s runs with no violation',
    async (path) => {
      const page = await site.browser.newPage();
      const errors = collectErrors(page);
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      const policy = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute('content');
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("'wasm-unsafe-eval'");
      expect(policy).not.toContain("'unsafe-inline'");
      if (path.startsWith('/articles/')) {
        // Scripts really ran under the policy: the reader tools un-hide themselves.
        await expect(page.locator('[data-reader-tools]').isVisible()).resolves.toBe(true);
      }
      if (path.startsWith('/search/')) {
        await page.waitForFunction(
          () => document.querySelectorAll('[data-search-results] li').length > 0,
          null,
          {
            timeout: 15_000,
          },
        );
      }
      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      expect(violations).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
