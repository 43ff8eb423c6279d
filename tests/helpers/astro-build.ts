/** `astro build` of a content folder into a folder of its own, for tests that build the
 * site themselves (the main site's build is npm run test:site's). */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './site.ts';

/**
 * A new folder for a test's builds, inside the project. Astro bundles the pages it
 * prerenders into `<outDir>/.prerender/` when the output folder is inside the project, and
 * otherwise into the project's `.astro/.prerender/`, which builds run at the same time would
 * share (and the bundle must stay where it finds the project's node_modules).
 */
export function buildWorkDir(name: string): string {
  const tests = join(ROOT, '.astro', 'test-builds');
  mkdirSync(tests, { recursive: true });
  return mkdtempSync(join(tests, `${name}-`));
}

/**
 * Builds `content` into `<work>/dist` and returns the build log without colours. Astro has
 * no --cacheDir flag: a wrapper config moves the cache to `<work>/cache`, and Vite's too, so
 * that its dependency optimizer does not race the builds that other test files run at the
 * same time in node_modules/.vite.
 */
export async function buildSite(
  work: string,
  content: string,
  env: Record<string, string> = {},
): Promise<string> {
  mkdirSync(work, { recursive: true });
  const config = join(work, 'astro.test.config.mjs');
  writeFileSync(
    config,
    `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(join(work, 'cache'))}, ` +
      `vite: { ...config.vite, cacheDir: ${JSON.stringify(join(work, 'vite'))} } };\n`,
  );
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/astro'),
    ['build', '--outDir', join(work, 'dist'), '--config', relative(ROOT, config)],
    { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content, ...env } },
  );
  return stdout.replace(/\x1b\[[0-9;]*m/g, '');
}
