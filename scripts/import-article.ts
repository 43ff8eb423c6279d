/**
 * npm run import -- raw.txt [--date "2025-11-03 09:30"] [--slug robot-center] [--section economy] [--add-reporters]
 * npm run import -- folder/ [--date …] [--section …] [--add-reporters] [--dry-run] [--report import-report.csv]
 *
 * Turns a scraped article (text or saved HTML page) into an article file under content/,
 * with placeholder photos the editor must replace. Writes nothing when the input cannot be
 * read with confidence, and says why. Given a folder, imports every scrape in it
 * (scripts/import-batch.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContentContext } from '../src/lib/content-context.ts';
import { formatKstDateTime } from '../src/lib/dates.ts';
import { placeholderPhotoName } from '../src/lib/importer/article-file.ts';
import { sectionLabels } from '../src/lib/importer/parse.ts';
import { prepareImport } from '../src/lib/importer/prepare.ts';
import { appendReporters, reportersYaml, writeArticle } from '../src/lib/importer/write.ts';
import { parseEditorDate } from '../src/lib/scaffold.ts';
import { importBatch } from './import-batch.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    slug: { type: 'string' },
    section: { type: 'string' },
    'add-reporters': { type: 'boolean', default: false },
    'content-dir': { type: 'string', default: 'content' },
    'dry-run': { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const rawFile = positionals[0];
if (!rawFile || positionals.length > 1) {
  fail(
    '사용법: npm run import -- 기사.txt [--date "2025-11-03 09:30"] [--slug 영문-주소] [--section 섹션id] [--add-reporters]\n' +
      '       npm run import -- 폴더/ [--date …] [--section …] [--add-reporters] [--dry-run] [--report import-report.csv]',
  );
}
if (!existsSync(rawFile)) fail(`${rawFile}: 파일이 없습니다`);

const contentDir = values['content-dir']!;
const context = loadContentContext(contentDir);
if (context.errors.length > 0) fail(context.errors.map((e) => e.message).join('\n'));

const date = values.date ? parseEditorDate(values.date) : undefined;
if (values.date && !date) {
  fail(`--date: '${values.date}'를 날짜로 읽을 수 없습니다 (예: 2025-11-03 09:30, 한국 시간)`);
}
const importContext = { ...context, labels: sectionLabels(context.sections) };

if (statSync(rawFile).isDirectory()) {
  if (values.slug) fail('--slug: 폴더를 가져올 때는 쓸 수 없습니다 (주소는 제목으로 만듭니다)');
  process.exitCode = await importBatch({
    folder: rawFile,
    contentDir,
    context: importContext,
    articleIds: context.articleIds,
    section: values.section,
    date,
    addReporters: values['add-reporters']!,
    dryRun: values['dry-run']!,
    reportFile: values.report ?? join(rawFile, 'import-report.csv'),
  });
} else {
  const prepared = prepareImport(readFileSync(rawFile, 'utf8'), rawFile, importContext, {
    section: values.section,
    slug: values.slug,
    date,
    dateWins: true,
  });
  if (!prepared.ok) {
    fail(
      prepared.unreadable
        ? `${rawFile}: 가져올 수 없습니다: ${prepared.problems[0]}`
        : `${rawFile}: 가져오지 않았습니다\n${prepared.problems.join('\n')}`,
    );
  }
  const { scraped, reporters, publishedAt, updatedAt, section, relativePath } = prepared;
  if (reporters.added.length > 0 && !values['add-reporters']) {
    const persons = reporters.added.filter((r) => r.kind !== 'desk');
    fail(`${rawFile}: 가져오지 않았습니다
기자: content/reporters.yaml에 없는 기자입니다: ${reporters.added.map((r) => (r.kind === 'desk' ? r.name : `${r.name} ${r.role}`)).join(', ')}
  --add-reporters 를 붙여 다시 실행하면 아래처럼 추가합니다${persons.some((r) => r.email.endsWith('.invalid')) ? ' (…@placeholder.invalid 이메일은 나중에 고치세요)' : ''}. 직접 추가해도 됩니다.
${reportersYaml(reporters.added).replace(/^/gm, '    ')}`);
  }
  const id = relativePath.replace(/^articles\//, '').replace(/(\/index)?\.md$/, '');
  if (context.articleIds.has(id)) {
    fail(`--slug: 같은 주소(/articles/${id}/)의 기사가 이미 있습니다`);
  }

  const target = await writeArticle(
    contentDir,
    relativePath,
    prepared.markdown,
    scraped.photos.length,
  );
  appendReporters(contentDir, reporters.added);

  const { dropped } = scraped;
  const report = [
    `가져왔습니다: ${relative('.', target)}`,
    `  제목: ${scraped.headline}`,
    `  섹션 ${section} · 입력 ${formatKstDateTime(publishedAt)}${updatedAt ? ` · 수정 ${formatKstDateTime(updatedAt)}` : ''}${scraped.dateline ? ` · 발신지 ${scraped.dateline}` : ''} · 기자 ${reporters.ids.join(', ')}`,
    `  부제 ${scraped.subheadlines.length}줄 · 본문 ${scraped.paragraphs.length}문단 · 사진 ${scraped.photos.length}장 · 저작권 줄 ${scraped.copyright ? '있음' : '없음'}`,
    dropped.length > 0
      ? `버린 줄 (페이지 장식) ${dropped.length}줄: ${dropped.join(', ')}`
      : '버린 줄 없음',
  ];
  if (reporters.added.length > 0) {
    report.push(
      `content/reporters.yaml에 새 기자를 추가했습니다: ${reporters.added.map((r) => `${r.id} (${r.kind === 'desk' ? `${r.name}, 부서` : `${r.name} ${r.role}, ${r.email}`})`).join(', ')}`,
    );
  }
  const todo = [
    ...scraped.photos.map(
      (_, i) => `${placeholderPhotoName(i)}를 실제 사진으로 바꾸고 src와 alt를 고치세요`,
    ),
    // The desk is guessed from the section; the address only when the byline printed none.
    ...reporters.added.map((r) =>
      r.kind === 'desk'
        ? `content/reporters.yaml에서 부서 ${r.id}(${r.name})의 desk: ${r.desk}가 맞는지 확인하세요`
        : r.email.endsWith('.invalid')
          ? `content/reporters.yaml에서 ${r.id}의 이메일과 부서(desk: ${r.desk})를 고치세요`
          : `content/reporters.yaml에서 ${r.id}의 부서(desk: ${r.desk})가 맞는지 확인하세요`,
    ),
    'npm run check 로 확인하세요',
  ];
  report.push('남은 일:', ...todo.map((line, i) => `  ${i + 1}. ${line}`));
  console.log(report.join('\n'));
}
