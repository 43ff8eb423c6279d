/**
 * node scripts/preview-comment.ts preview-meta/pr.json RUN_URL [SITE_URL] [SCREENSHOTS_URL] > body.md
 *
 * Writes the preview comment for .github/workflows/pr-preview-comment.yml, and the pull
 * request number and commit on stderr's last line as JSON ({"number":…,"sha":…}) for the step
 * that posts it. Runs under plain Node (type stripping): imports nothing outside this repo.
 */
import { readFileSync } from 'node:fs';
import { previewComment, readPreviewMeta } from '../src/lib/preview-comment.ts';

const [file, run, site, screenshots] = process.argv.slice(2);
if (!file || !run) {
  console.error('사용법: node scripts/preview-comment.ts pr.json 실행주소 [사이트주소] [사진주소]');
  process.exit(2);
}
const meta = readPreviewMeta(JSON.parse(readFileSync(file, 'utf8')));
if (typeof meta === 'string') {
  console.error(`미리보기 정보를 쓸 수 없습니다: ${meta}`);
  process.exit(1);
}
process.stdout.write(
  previewComment(meta, { run, site: site || undefined, screenshots: screenshots || undefined }),
);
console.error(JSON.stringify({ number: meta.number, sha: meta.sha }));
