/**
 * npm run new -- --section economy --headline "제목" --reporters kim-hayoon --date "2025-11-03 09:30" --slug robot-center
 * Missing flags are asked for when run in a terminal; elsewhere they are listed as errors.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadContentContext } from '../src/lib/content-context.ts';
import {
  articlePath,
  articleTemplate,
  parseEditorDate,
  validateNewArticle,
  type NewArticleInput,
} from '../src/lib/scaffold.ts';

const { values } = parseArgs({
  options: {
    section: { type: 'string' },
    headline: { type: 'string' },
    reporters: { type: 'string' },
    date: { type: 'string' },
    slug: { type: 'string' },
    'content-dir': { type: 'string', default: 'content' },
  },
});
const contentDir = values['content-dir']!;
const context = loadContentContext(contentDir);

const QUESTIONS: Record<keyof NewArticleInput, string> = {
  section: `섹션 id (${[...context.sectionIds].join(', ')})`,
  headline: '제목',
  reporters: `기자 id, 여럿이면 쉼표로 (${[...context.reporterIds].join(', ')})`,
  date: '입력 시각, 한국 시간 (예: 2025-11-03 09:30)',
  slug: '주소에 쓸 영문 슬러그 (예: seoul-robot-center)',
};

const answers: Partial<Record<keyof NewArticleInput, string>> = { ...values };
const missing = (Object.keys(QUESTIONS) as (keyof NewArticleInput)[]).filter((k) => !answers[k]);
if (missing.length > 0) {
  if (!process.stdin.isTTY) {
    console.error(`빠진 항목: ${missing.map((k) => `--${k} (${QUESTIONS[k]})`).join(', ')}`);
    process.exit(1);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (const key of missing) answers[key] = (await rl.question(`${QUESTIONS[key]}: `)).trim();
  rl.close();
}

const input: NewArticleInput = {
  section: answers.section!,
  headline: answers.headline!,
  reporters: answers
    .reporters!.split(',')
    .map((r) => r.trim())
    .filter(Boolean),
  date: answers.date!,
  slug: answers.slug!,
};
const problems = validateNewArticle(input);
if (!context.sectionIds.has(input.section))
  problems.push(`--section: 알 수 없는 섹션 '${input.section}'`);
for (const r of input.reporters) {
  if (!context.reporterIds.has(r))
    problems.push(`--reporters: 알 수 없는 기자 '${r}' (content/reporters.yaml)`);
}
const target =
  problems.length === 0
    ? join(contentDir, articlePath(parseEditorDate(input.date)!, input.slug))
    : '';
if (target && (existsSync(target) || existsSync(target.replace(/\.md$/, '/index.md')))) {
  problems.push(`--slug: 같은 주소의 기사가 이미 있습니다: ${target}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, articleTemplate(input));
console.log(`새 기사 파일을 만들었습니다: ${relative('.', target)}
다음 단계: 본문을 쓰고 '<!-- 본문을 쓰세요 -->' 줄을 지운 뒤 npm run check 로 확인하세요.`);
