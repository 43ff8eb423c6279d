/**
 * `npm run build`: the site (astro build) and its search index (build-search-index.ts) into
 * a folder of their own, moved to dist/ only when both succeed. A deploy step that uploads
 * dist/ after a failed build therefore finds no dist/ at all, never a half-written one, nor
 * the previous build's pages that a warm build links in before Astro runs
 * (src/integrations/cached-pages.ts): dist/ is removed before anything is built, so a build
 * that dies, even by a kill, leaves none.
 *
 *   npm run build [-- <astro build options>]
 */
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** Inside the project, as dist/ is (Astro then bundles the prerendered pages into the
 * output folder, next to the project's node_modules), in a folder git already ignores. */
const NEXT = join(ROOT, '.astro', 'dist-next');

function run(command: string, args: string[]): boolean {
  const { status, signal } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  return status === 0 && signal === null;
}

rmSync(DIST, { recursive: true, force: true });
rmSync(NEXT, { recursive: true, force: true });
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const built =
  run(bin('astro'), ['build', '--outDir', NEXT, ...process.argv.slice(2)]) &&
  run(bin('tsx'), [join(ROOT, 'scripts/build-search-index.ts'), '--dist', NEXT]);
if (built) {
  renameSync(NEXT, DIST);
} else {
  rmSync(NEXT, { recursive: true, force: true });
  console.error('\n빌드 실패: dist/를 만들지 않았습니다 (이전 빌드의 dist/도 지웠습니다).');
  process.exitCode = 1;
}
