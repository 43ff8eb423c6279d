/**
 * Incremental builds (experimental.incrementalBuild + the cache keys in src/data/cache-keys.ts)
 * must never serve a stale page: after one article is edited, that article, every page that
 * shows it (related list, section, tag listings) is rendered again, and the rest is restored
 * (linked into the output by src/integrations/cached-pages.ts, or copied by Astro).
 */
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { ROOT } from '../helpers/site.ts';

const work = buildWorkDir('incremental');
const content = join(work, 'content');
const outDir = join(work, 'dist');
cpSync(join(ROOT, 'fixtures/good-content'), content, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds and returns the pages the log says were taken from the cache: already in place
 * (linked by cached-pages.ts: "cached") or copied by Astro ("restored"). */
async function build(): Promise<string[]> {
  const log = await buildSite(work, content);
  return [...log.matchAll(/(\/\S+\.html) \((?:restored|cached)\)/g)].map((m) => m[1]!);
}
const page = (path: string) => parse(readFileSync(join(outDir, path, 'index.html'), 'utf8'));

describe('incremental build', () => {
  const BUS = 'articles/2025/10/bus-route-change';
  const NEW_HEADLINE = '시내버스 노선 15개 다음 달 조정 (정정)';

  it('restores every article page when nothing changed', { timeout: 120_000 }, async () => {
    expect(await build()).toEqual([]);
    const restored = await build();
    expect(restored).toEqual(
      expect.arrayContaining([
        `/${BUS}/index.html`,
        '/articles/2025/11/market-card/index.html',
        '/articles/2025/11/market-factbox/index.html',
        '/sections/economy/index.html',
        '/archive/2025/11/02/index.html',
      ]),
    );
  });

  it(
    'renders again the edited article and every page that shows it',
    { timeout: 60_000 },
    async () => {
      const file = join(content, `${BUS}.md`);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^headline: .*$/m, `headline: ${NEW_HEADLINE}`),
      );
      const restored = await build();
      const showingBus = [
        BUS,
        'articles/2025/11/market-card',
        'sections/society',
        'tags/교통',
        'archive/2025/10/28',
        'archive/2025/10',
      ];
      for (const path of showingBus) {
        expect(restored).not.toContain(`/${path}/index.html`);
        expect(page(path).text, path).toContain(NEW_HEADLINE);
      }
      // market-factbox and its day show neither the bus article nor anything that changed.
      expect(restored).toContain('/articles/2025/11/market-factbox/index.html');
      expect(restored).toContain('/archive/2025/11/02/index.html');
    },
  );

  it(
    'links unchanged pages from the cache and removes the page of a deleted article',
    { timeout: 90_000 },
    async () => {
      const extra = 'articles/2025/10/bus-route-extra';
      const source = readFileSync(join(content, `${BUS}.md`), 'utf8');
      writeFileSync(
        join(content, `${extra}.md`),
        source.replace(/^headline: .*$/m, 'headline: 시내버스 노선 조정 설명회 열려'),
      );
      await build();
      expect(page(extra).text).toContain('시내버스 노선 조정 설명회 열려');
      rmSync(join(content, `${extra}.md`));
      const reused = await build();
      expect(existsSync(join(outDir, extra))).toBe(false);
      expect(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8')).not.toContain(extra);
      // An unchanged page is the cache's file itself, not a copy.
      const factbox = 'articles/2025/11/market-factbox/index.html';
      expect(reused).toContain(`/${factbox}`);
      expect(statSync(join(outDir, factbox)).ino).toBe(
        statSync(join(work, 'cache', 'dist', factbox)).ino,
      );
    },
  );
});
