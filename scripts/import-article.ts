/**
 * npm run import -- raw.txt [--date "2025-11-03 09:30"] [--slug robot-center] [--section economy] [--add-reporters]
 *
 * Turns a scraped article (text or saved HTML page) into an article file under content/,
 * with placeholder photos the editor must replace. Writes nothing when the input cannot be
 * read with confidence, and says why.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { loadContentContext } from '../src/lib/content-context.ts';
import { parseIsoWithOffset, formatKstDateTime } from '../src/lib/dates.ts';
import {
  importedArticleMarkdown,
  importedArticlePath,
  placeholderPhotoName,
  slugFromHeadline,
  unexpectedIssues,
} from '../src/lib/importer/article-file.ts';
import { ImportError, sectionLabels } from '../src/lib/importer/parse.ts';
import { readScraped } from '../src/lib/importer/read.ts';
import { matchReporters } from '../src/lib/importer/reporters.ts';
import { parseEditorDate } from '../src/lib/scaffold.ts';
import { makeArticleSchema, SLUG } from '../src/lib/schema.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    slug: { type: 'string' },
    section: { type: 'string' },
    'add-reporters': { type: 'boolean', default: false },
    'content-dir': { type: 'string', default: 'content' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const rawFile = positionals[0];
if (!rawFile || positionals.length > 1) {
  fail(
    '사용법: npm run import -- 기사.txt [--date "2025-11-03 09:30"] [--slug 영문-주소] [--section 섹션id] [--add-reporters]',
  );
}
if (!existsSync(rawFile)) fail(`${rawFile}: 파일이 없습니다`);

const contentDir = values['content-dir']!;
const context = loadContentContext(contentDir);
if (context.errors.length > 0) fail(context.errors.map((e) => e.message).join('\n'));

const raw = readFileSync(rawFile, 'utf8');
let scraped;
try {
  scraped = readScraped(raw, rawFile, sectionLabels(context.sections));
} catch (error) {
  if (error instanceof ImportError) fail(`${rawFile}: 가져올 수 없습니다: ${error.message}`);
  throw error;
}

const problems: string[] = [];
const section = values.section ?? scraped.section;
if (!section) {
  problems.push(
    `--section: 첫 줄에서 섹션을 알아보지 못했습니다. 섹션 id를 주세요 (${[...context.sectionIds].join(', ')})`,
  );
} else if (!context.sectionIds.has(section)) {
  problems.push(`--section: 알 수 없는 섹션 '${section}' (${[...context.sectionIds].join(', ')})`);
}

const publishedAt = values.date
  ? parseEditorDate(values.date)
  : scraped.publishedAt
    ? parseIsoWithOffset(scraped.publishedAt)
    : undefined;
if (values.date && !publishedAt) {
  problems.push(
    `--date: '${values.date}'를 날짜로 읽을 수 없습니다 (예: 2025-11-03 09:30, 한국 시간)`,
  );
} else if (!publishedAt) {
  problems.push(
    '--date: 원문에 입력 시각이 없습니다. 한국 시간으로 주세요 (예: --date "2025-11-03 09:30")',
  );
}

const slug = values.slug ?? slugFromHeadline(scraped.headline);
if (!slug || !SLUG.test(slug)) {
  problems.push(
    `--slug: ${slug ? `'${slug}'는 ` : '제목으로 주소를 만들지 못했습니다: '}영문 소문자, 숫자, 하이픈으로 주세요 (예: --slug seoul-robot-center)`,
  );
}

const sectionName = context.sections.find((s) => s.id === section)?.name ?? '';
const reporters = matchReporters(scraped.reporters, context.reporters, `${sectionName}부`);
for (const name of reporters.ambiguous) {
  problems.push(`기자: 같은 이름이 content/reporters.yaml에 여럿 있습니다: ${name}`);
}
if (reporters.added.length > 0 && !values['add-reporters']) {
  problems.push(
    `기자: content/reporters.yaml에 없는 기자입니다: ${reporters.added.map((r) => `${r.name} ${r.role}`).join(', ')}
  --add-reporters 를 붙여 다시 실행하면 아래처럼 추가합니다${reporters.added.some((r) => r.email.endsWith('.invalid')) ? ' (…@placeholder.invalid 이메일은 나중에 고치세요)' : ''}. 직접 추가해도 됩니다.
${toYaml(reporters.added).replace(/^/gm, '    ')}`,
  );
}
if (problems.length > 0) fail(`${rawFile}: 가져오지 않았습니다\n${problems.join('\n')}`);

const relativePath = importedArticlePath(publishedAt!, slug!, scraped.photos.length);
const target = join(contentDir, relativePath);
const id = relativePath.replace(/^articles\//, '').replace(/(\/index)?\.md$/, '');
if (context.articleIds.has(id)) fail(`--slug: 같은 주소(/articles/${id}/)의 기사가 이미 있습니다`);

const updatedAt = scraped.updatedAt ? parseIsoWithOffset(scraped.updatedAt) : undefined;
const markdown = importedArticleMarkdown(scraped, {
  section: section!,
  slug: slug!,
  publishedAt: publishedAt!,
  updatedAt,
  reporterIds: reporters.ids,
});
const schema = makeArticleSchema({
  photoSrc: z.string(),
  sectionIds: context.sectionIds,
  reporterIds: new Set([...context.reporterIds, ...reporters.added.map((r) => r.id)]),
  latestAllowed: context.latestAllowed,
});
const issues = unexpectedIssues(markdown, schema);
if (issues.length > 0) fail(`${rawFile}: 가져오지 않았습니다\n${issues.join('\n')}`);

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, markdown);
for (const [index] of scraped.photos.entries()) {
  // A plain grey frame: obviously not the photo, and refused by the checker by its name.
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#9e9e9e' } })
    .jpeg({ quality: 60 })
    .toFile(join(dirname(target), placeholderPhotoName(index)));
}
if (reporters.added.length > 0) {
  const file = join(contentDir, 'reporters.yaml');
  const before = readFileSync(file, 'utf8');
  appendFileSync(file, (before.endsWith('\n') ? '' : '\n') + toYaml(reporters.added));
}

const { dropped } = scraped;
const report = [
  `가져왔습니다: ${relative('.', target)}`,
  `  제목: ${scraped.headline}`,
  `  섹션 ${section} · 입력 ${formatKstDateTime(publishedAt!)}${updatedAt ? ` · 수정 ${formatKstDateTime(updatedAt)}` : ''}${scraped.dateline ? ` · 발신지 ${scraped.dateline}` : ''} · 기자 ${reporters.ids.join(', ')}`,
  `  부제 ${scraped.subheadlines.length}줄 · 본문 ${scraped.paragraphs.length}문단 · 사진 ${scraped.photos.length}장 · 저작권 줄 ${scraped.copyright ? '있음' : '없음'}`,
  dropped.length > 0
    ? `버린 줄 (페이지 장식) ${dropped.length}줄: ${dropped.join(', ')}`
    : '버린 줄 없음',
];
if (reporters.added.length > 0) {
  report.push(
    `content/reporters.yaml에 새 기자를 추가했습니다: ${reporters.added.map((r) => `${r.id} (${r.name} ${r.role}, ${r.email})`).join(', ')}`,
  );
}
const todo = [
  ...scraped.photos.map(
    (_, i) => `${placeholderPhotoName(i)}를 실제 사진으로 바꾸고 src와 alt를 고치세요`,
  ),
  // The desk is guessed from the section; the address only when the byline printed none.
  ...reporters.added.map((r) =>
    r.email.endsWith('.invalid')
      ? `content/reporters.yaml에서 ${r.id}의 이메일과 부서(desk: ${r.desk})를 고치세요`
      : `content/reporters.yaml에서 ${r.id}의 부서(desk: ${r.desk})가 맞는지 확인하세요`,
  ),
  'npm run check 로 확인하세요',
];
report.push('남은 일:', ...todo.map((line, i) => `  ${i + 1}. ${line}`));
console.log(report.join('\n'));
