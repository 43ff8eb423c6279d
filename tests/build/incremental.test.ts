/**
 * Incremental builds (experimental.incrementalBuild + the cache keys in src/data/cache-keys.ts)
 * must never serve a stale page: after one article is edited, that article, every page that
 * shows it (related list, section, tag listings) is rendered again, and the rest is restored
 * (linked into the output by src/integrations/cached-pages.ts, or copied by Astro).
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-'));
const content = join(work, 'content');
const outDir = join(work, 'dist');
cpSync(join(ROOT, 'fixtures/good-content'), content, { recursive: true });
// Astro has no --cacheDir flag: a wrapper config moves the cache away from the main site's,
// and Vite's too, so that its dependency optimizer does not race the builds that other test
// files run at the same time in node_modules/.vite.
const config = join(work, 'astro.incremental.config.mjs');
writeFileSync(
  config,
  `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\n` +
    `export default { ...config, cacheDir: ${JSON.stringify(join(work, 'cache'))}, ` +
    `vite: { ...config.vite, cacheDir: ${JSON.stringify(join(work, 'vite'))} } };\n`,
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds and returns the pages the log says were taken from the cache: already in place
 * (linked by cached-pages.ts: "cached") or copied by Astro ("restored"). */
async function build(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/astro'),
    ['build', '--outDir', outDir, '--config', relative(ROOT, config)],
    { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content } },
  );
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  return [...plain.matchAll(/(\/\S+\.html) \((?:restored|cached)\)/g)].map((m) => m[1]!);
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
