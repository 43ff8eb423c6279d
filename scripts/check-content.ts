/**
 * `npm run check`: validates every article, section and reporter without building the site
 * and prints every problem as `file:line: field: message`. Exit code 1 on any problem.
 *
 *   npm run check
 *   npm run check -- --content-dir fixtures/good-content --future-margin-hours 48
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorAnnotation, stepSummary } from '../src/lib/annotations.ts';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { SITE } from '../src/lib/site.ts';

const { values } = parseArgs({
  options: {
    'content-dir': { type: 'string', default: 'content' },
    'future-margin-hours': { type: 'string', default: String(SITE.futureMarginHours) },
  },
});

const futureMarginHours = Number(values['future-margin-hours']);
if (!Number.isFinite(futureMarginHours) || futureMarginHours < 0) {
  console.error(
    `--future-margin-hours는 0 이상의 숫자여야 합니다: ${values['future-margin-hours']}`,
  );
  process.exit(2);
}

const started = performance.now();
const { problems, articles } = await checkContent(resolve(values['content-dir']), {
  futureMarginHours,
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);

for (const problem of problems) console.log(formatProblem(problem));
// On GitHub Actions each problem is also an annotation on the pull request's line.
if (process.env.GITHUB_ACTIONS === 'true') {
  for (const problem of problems) console.log(errorAnnotation(problem));
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, stepSummary(problems, articles));
}
if (problems.length > 0) {
  const files = new Set(problems.map((p) => p.file)).size;
  console.log(
    `\n기사 ${articles}건 검사: 파일 ${files}개에서 문제 ${problems.length}건 (${seconds}초)`,
  );
  console.log('고치는 방법은 CONTRIBUTING.md의 "검사 메시지와 고치는 법"을 보세요.');
  process.exitCode = 1;
} else {
  console.log(`기사 ${articles}건 검사: 문제 없음 (${seconds}초)`);
}
