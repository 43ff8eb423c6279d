/**
 * An article page's weight without photos (HTML, CSS, JS, fonts: every byte the page loads
 * that is not an image) and its Largest Contentful Paint in Chromium with a mobile viewport,
 * 4× CPU slowdown and a fast-3G-like network, as a stand-in where Lighthouse cannot run.
 */
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';

export interface PageWeight {
  path: string;
  nonImageBytes: number;
  byType: Record<string, number>;
  imageBytes: number;
  lcpMs: number;
}

export async function measurePageWeight(outDir: string, path: string): Promise<PageWeight> {
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    const lcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1].startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    const byType: Record<string, number> = {};
    let imageBytes = 0;
    for (const [served, bytes] of server.served) {
      const ext = /\.([a-z0-9]+)$/.exec(served)?.[1] ?? 'html';
      if (['avif', 'webp', 'jpg', 'jpeg', 'png', 'svg', 'ico'].includes(ext)) imageBytes += bytes;
      else byType[ext] = (byType[ext] ?? 0) + bytes;
    }
    const nonImageBytes = Object.values(byType).reduce((a, b) => a + b, 0);
    return { path, nonImageBytes, byType, imageBytes, lcpMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
