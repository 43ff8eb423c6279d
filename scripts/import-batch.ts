/**
 * The batch import behind `npm run import -- folder/`: every .txt/.html scrape under the
 * folder, one at a time (memory stays flat however many there are), each written as the
 * one-file import would, never over an existing article. One report row per file, appended
 * as it goes, so an interrupted run resumes where it stopped: files the report lists as
 * imported are skipped. New reporters and desks are collected once for the whole batch.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Reporter } from '../src/lib/schema.ts';
import type { ImportContext } from '../src/lib/importer/prepare.ts';
import { prepareImport } from '../src/lib/importer/prepare.ts';
import { asReporter, type NewAuthor } from '../src/lib/importer/reporters.ts';
import {
  dateFromFileName,
  readReport,
  REPORT_HEADER,
  reportLine,
  RESULTS,
  csvLine,
  type ReportRow,
} from '../src/lib/importer/report.ts';
import { appendReporters, reportersYaml, writeArticle } from '../src/lib/importer/write.ts';

export interface BatchOptions {
  folder: string;
  contentDir: string;
  context: ImportContext;
  articleIds: ReadonlySet<string>;
  section?: string;
  /** Used when neither the scrape nor the file name gives a date. */
  date?: Date;
  addReporters: boolean;
  dryRun: boolean;
  reportFile: string;
}

const SCRAPE = /\.(?:txt|html?)$/i;
const articleId = (relativePath: string) =>
  relativePath.replace(/^articles\//, '').replace(/(\/index)?\.md$/, '');
const label = (author: NewAuthor) =>
  author.kind === 'desk' ? author.name : `${author.name} ${author.role}`;

/** A progress bar on a terminal, a line every 5% otherwise (CI logs). */
function progress(total: number) {
  const started = performance.now();
  let lastDraw = 0;
  let lastStep = -1;
  return (done: number) => {
    const now = performance.now();
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const text = `${done}/${total}개 (${Math.floor((done / total) * 100)}%, 초당 ${rate.toFixed(0)}개)`;
    if (process.stderr.isTTY) {
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      if (done === total) process.stderr.write('\n');
    } else {
      const step = Math.floor((done / total) * 20);
      if (step === lastStep && done < total) return;
      lastStep = step;
      process.stderr.write(`가져오는 중 ${text}\n`);
    }
  };
}

export async function importBatch(options: BatchOptions): Promise<number> {
  const { folder, contentDir, dryRun } = options;
  const reportPath = resolve(options.reportFile);
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SCRAPE.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
  if (files.length === 0) {
    console.error(`${folder}: .txt나 .html 파일이 없습니다`);
    return 1;
  }

  const earlier = existsSync(reportPath) ? readReport(readFileSync(reportPath, 'utf8')) : new Map();
  const rows = new Map<string, ReportRow>();
  const record = (row: ReportRow) => {
    rows.set(row.file, row);
    if (!dryRun) appendFileSync(reportPath, reportLine(row));
  };
  if (!dryRun && !existsSync(reportPath))
    writeFileSync(reportPath, '\uFEFF' + csvLine(REPORT_HEADER));

  const reporters: Reporter[] = [...options.context.reporters];
  const context = { ...options.context, reporters };
  /** Articles already there, and those this run wrote: id → its headline and time lines. */
  const taken = new Map<string, string | undefined>(
    [...options.articleIds].map((id) => [id, undefined]),
  );
  const added: NewAuthor[] = [];
  /** Authors not on the list, when --add-reporters was not given: name → entry and file count. */
  const missing = new Map<string, { author: NewAuthor; files: number }>();
  let skipped = 0;
  const tick = progress(files.length);

  for (const [index, file] of files.entries()) {
    const before = earlier.get(file);
    if (before?.result === RESULTS.imported) {
      rows.set(file, before);
      skipped++;
      tick(index + 1);
      continue;
    }
    const raw = readFileSync(join(folder, file), 'utf8');
    const prepared = prepareImport(raw, file, context, {
      section: options.section,
      date: options.date,
      fileDate: dateFromFileName(file),
    });
    const refuse = (reason: string, dropped: string[] = []) =>
      record({ file, result: RESULTS.refused, article: '', reason, dropped });
    if (!prepared.ok) {
      refuse(prepared.problems.join(' / '));
      tick(index + 1);
      continue;
    }
    const { scraped, reporters: match, markdown } = prepared;
    if (match.added.length > 0 && !options.addReporters) {
      for (const author of match.added) {
        const seen = missing.get(label(author));
        if (seen) seen.files++;
        else missing.set(label(author), { author, files: 1 });
      }
      refuse(
        `content/reporters.yaml에 없는 기자: ${match.added.map(label).join(', ')} (--add-reporters로 추가)`,
        scraped.dropped,
      );
      tick(index + 1);
      continue;
    }

    // Same address: the same story again is refused; another story gets -2, -3 ….
    const identity = markdown
      .split('\n')
      .filter((line) => /^(headline|publishedAt): /.test(line))
      .join('\n');
    let relativePath = prepared.relativePath;
    let duplicateOf: string | undefined;
    for (let n = 2; taken.has(articleId(relativePath)); n++) {
      const id = articleId(relativePath);
      const known = taken.get(id) ?? identityOf(contentDir, id);
      taken.set(id, known);
      if (known === identity) {
        duplicateOf = id;
        break;
      }
      relativePath = prepared.relativePath.replace(prepared.slug, `${prepared.slug}-${n}`);
    }
    if (duplicateOf) {
      refuse(`이미 있는 기사입니다: /articles/${duplicateOf}/`, scraped.dropped);
      tick(index + 1);
      continue;
    }

    taken.set(articleId(relativePath), identity);
    reporters.push(...match.added.map(asReporter));
    added.push(...match.added);
    if (!dryRun) {
      // Reporters first: an interruption between the two leaves a known reporter, not a
      // dangling reference.
      appendReporters(contentDir, match.added);
      await writeArticle(contentDir, relativePath, markdown, scraped.photos.length);
    }
    record({
      file,
      result: dryRun ? RESULTS.planned : RESULTS.imported,
      article: join(contentDir, relativePath).replaceAll('\\', '/'),
      reason: '',
      dropped: scraped.dropped,
    });
    tick(index + 1);
  }

  const all = files.map((file) => rows.get(file)!);
  if (dryRun) {
    process.stdout.write(csvLine(REPORT_HEADER) + all.map(reportLine).join(''));
  } else {
    // One row per file, whatever the earlier runs appended.
    writeFileSync(reportPath, '\uFEFF' + csvLine(REPORT_HEADER) + all.map(reportLine).join(''));
  }
  const count = (result: string) =>
    all.filter((row) => row.result === result).length - (result === RESULTS.imported ? skipped : 0);
  const summary = [
    `${files.length}개 파일: ${dryRun ? `가져올 수 있음 ${count(RESULTS.planned)}` : `가져옴 ${count(RESULTS.imported)}`} · 거부 ${count(RESULTS.refused)}${skipped > 0 ? ` · 이전에 가져와 건너뜀 ${skipped}` : ''}`,
    dryRun
      ? '시험 실행(--dry-run): 아무 파일도 쓰지 않았습니다'
      : `보고서: ${relative('.', reportPath)}`,
  ];
  if (added.length > 0) {
    summary.push(
      `${dryRun ? '추가할' : 'content/reporters.yaml에 추가한'} 새 기자·부서 ${added.length}개 (이메일과 부서를 확인하세요):`,
      reportersYaml(added).replace(/^/gm, '    ').trimEnd(),
    );
  }
  if (missing.size > 0) {
    summary.push(
      `content/reporters.yaml에 없는 기자·부서 ${missing.size}개 (기사 ${[...missing.values()].reduce((n, m) => n + m.files, 0)}건이 거부됨). --add-reporters 를 붙여 다시 실행하면 아래처럼 한 번씩 추가합니다:`,
      reportersYaml([...missing.values()].map((m) => m.author))
        .replace(/^/gm, '    ')
        .trimEnd(),
    );
  }
  console.log(summary.join('\n'));
  return count(RESULTS.refused) > 0 ? 1 : 0;
}

/** The headline and publishedAt lines of an article already in the content folder. */
function identityOf(contentDir: string, id: string): string {
  for (const path of [`${id}.md`, `${id}/index.md`, `${id}.mdx`, `${id}/index.mdx`]) {
    const file = join(contentDir, 'articles', path);
    if (!existsSync(file)) continue;
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^(headline|publishedAt): /.test(line))
      .join('\n');
  }
  return '';
}
