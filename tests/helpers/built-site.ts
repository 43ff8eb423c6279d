/** The built site and Chromium for a browser test file (kept apart from browser.ts, which
 * the benchmark and screenshot scripts import outside of Vitest). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { DIST, requireBuild } from './site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * The built site (dist/) served on 127.0.0.1 and Chromium, for one test file: started before
 * its tests, closed after them. Read `site.url`, `site.browser` and `site.server` inside the tests.
 */
export function builtSiteInChromium() {
  const site = {
    browser: undefined as unknown as Browser,
    server: undefined as unknown as StaticServer,
    get url() {
      return this.server.url;
    },
  };
  beforeAll(async () => {
    requireBuild();
    site.server = await serveStatic(DIST);
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
