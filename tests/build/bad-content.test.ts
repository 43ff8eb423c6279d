/**
 * The real build refuses every bad content folder with the same `file:line: field: message`
 * lines as `npm run check` (both run src/lib/content-check.ts), and writes no site.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { BAD, BAD_CONTENT_CASES } from '../helpers/bad-content-cases.ts';
import { ROOT } from '../helpers/site.ts';

const run = promisify(execFile);
const outRoot = mkdtempSync(join(tmpdir(), 'bad-build-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

async function build(contentDir: string) {
  const outDir = join(outRoot, contentDir.replaceAll('/', '_'));
  try {
    await run(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir },
    });
    return { code: 0, output: '', outDir };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr, outDir };
  }
}

describe('astro build with bad content', () => {
  // Two builds at a time: this machine has two cores.
  const entries = Object.entries(BAD_CONTENT_CASES);
  const pairs = Array.from({ length: Math.ceil(entries.length / 2) }, (_, i) =>
    entries.slice(i * 2, i * 2 + 2),
  );
  it.each(pairs.map((pair) => [pair.map(([name]) => name).join(' + '), pair] as const))(
    '%s: fails naming the file, line and field',
    async (_names, pair) => {
      const results = await Promise.all(pair.map(([name]) => build(`${BAD}/${name}`)));
      pair.forEach(([, expected], i) => {
        const { code, output, outDir } = results[i];
        expect(code).not.toBe(0);
        for (const line of expected) expect(output, output).toContain(line);
        expect(existsSync(join(outDir, 'index.html'))).toBe(false);
      });
    },
  );
});

describe('a failed warm build', () => {
  const work = buildWorkDir('failed-warm');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('leaves no output folder, though the cache linked the last pages into it', async () => {
    await buildSite(work, 'fixtures/good-content');
    expect(existsSync(join(work, 'dist', 'index.html'))).toBe(true);
    // Warm: cached-pages.ts links the cached pages into dist/ before the check fails.
    await expect(buildSite(work, `${BAD}/empty-body`)).rejects.toThrow(/본문이 비었습니다/);
    expect(existsSync(join(work, 'dist'))).toBe(false);
  }, 240_000);
});
