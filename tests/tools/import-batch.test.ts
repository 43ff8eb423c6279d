/**
 * `npm run import -- folder/` end to end on a copy of the good-content fixture: a dry run
 * that writes nothing, a real run with its report, and a resumed run after more files arrive.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReport, RESULTS } from '../../src/lib/importer/report.ts';
import { runScript } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'import-batch-'));
const dir = join(work, 'content');
const inbox = join(work, 'inbox');
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync('fixtures/good-content', dir, { recursive: true });
cpSync('content/sections.yaml', join(dir, 'sections.yaml'));
mkdirSync(join(inbox, 'older'), { recursive: true });

const fixture = (name: string) => {
  const folder = join('fixtures/import', name);
  const raw = readdirSync(folder).find((file) => file.startsWith('raw.'))!;
  return readFileSync(join(folder, raw), 'utf8');
};
// Stamped scrapes, one undated scrape dated by its file name, one that cannot be read.
writeFileSync(join(inbox, 'desk.txt'), fixture('society-desk-byline-graphic'));
writeFileSync(join(inbox, 'wire.txt'), fixture('economy-agency-byline-markers'));
writeFileSync(join(inbox, 'page.html'), fixture('html-economy-page'));
writeFileSync(
  join(inbox, 'older/20251020-0715-undated.txt'),
  fixture('politics-two-reporters').replace(/입력 .*\n/, ''),
);
writeFileSync(
  join(inbox, 'no-byline.txt'),
  fixture('society-desk-byline-graphic').replace('디지털뉴스부', ''),
);
writeFileSync(join(inbox, 'notes.md'), '# 가져오지 않는 파일');

const importFolder = (...args: string[]) =>
  runScript('scripts/import-article.ts', dir, inbox, ...args);
const articles = () => readdirSync(join(dir, 'articles'), { recursive: true }).map(String).sort();
const report = () => readReport(readFileSync(join(inbox, 'import-report.csv'), 'utf8'));

describe('npm run import -- folder/', () => {
  it('shows the report without writing anything on --dry-run', async () => {
    const before = [articles(), readFileSync(join(dir, 'reporters.yaml'), 'utf8')];
    const result = await importFolder('--dry-run', '--add-reporters');
    expect(result.code).toBe(1);
    expect(result.out).toContain('파일,결과,기사,거부 이유,버린 줄');
    expect(result.out).toMatch(
      /desk\.txt,가져올 예정,.*articles\/2025\/12\/.*index\.md,,\[그래픽\] \| \[표\]/,
    );
    expect(result.out).toContain('5개 파일: 가져올 수 있음 4 · 거부 1');
    expect(result.out).toContain('시험 실행(--dry-run): 아무 파일도 쓰지 않았습니다');
    expect([articles(), readFileSync(join(dir, 'reporters.yaml'), 'utf8')]).toEqual(before);
    expect(existsSync(join(inbox, 'import-report.csv'))).toBe(false);
  });

  it('refuses files whose authors are not listed, listing each new author once', async () => {
    const result = await importFolder();
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/content\/reporters\.yaml에 없는 기자·부서 \d+개/);
    expect(result.out.match(/name: 디지털뉴스부/g)).toHaveLength(1);
    const rows = report();
    expect(rows.get('desk.txt')?.reason).toBe(
      'content/reporters.yaml에 없는 기자: 디지털뉴스부 (--add-reporters로 추가)',
    );
  });

  it('imports every readable file with --add-reporters, dating by stamps, then file name', async () => {
    const result = await importFolder('--add-reporters');
    expect(result.out).toContain('가져오는 중 5/5개 (100%');
    // page.html names a listed reporter: the run before imported it already.
    expect(result.out).toContain('5개 파일: 가져옴 3 · 거부 1 · 이전에 가져와 건너뜀 1');
    const rows = report();
    expect([...rows.keys()]).toEqual([
      'desk.txt',
      'no-byline.txt',
      'older/20251020-0715-undated.txt',
      'page.html',
      'wire.txt',
    ]);
    expect(rows.get('no-byline.txt')).toMatchObject({
      result: RESULTS.refused,
      reason: expect.stringContaining('기자 이름 줄을 찾지 못했습니다'),
    });
    const undated = rows.get('older/20251020-0715-undated.txt')!;
    expect(undated.article).toMatch(/articles\/2025\/10\//);
    expect(readFileSync(undated.article, 'utf8')).toContain(
      'publishedAt: "2025-10-20T07:15:00+09:00"',
    );
    expect(readFileSync(rows.get('wire.txt')!.article, 'utf8')).toContain('reporters: [yonhap]');
    const reporters = readFileSync(join(dir, 'reporters.yaml'), 'utf8');
    expect(reporters.match(/name: 연합뉴스/g)).toHaveLength(1);

    // Interrupted or not, a second run skips what the report lists as imported.
    writeFileSync(join(inbox, 'later.txt'), fixture('politics-newsroom-byline'));
    const resumed = await importFolder('--add-reporters');
    expect(resumed.out).toContain('6개 파일: 가져옴 1 · 거부 1 · 이전에 가져와 건너뜀 4');
    expect(report().size).toBe(6);
    expect(readFileSync(join(inbox, 'import-report.csv'), 'utf8').trim().split('\n')).toHaveLength(
      7,
    );
  });

  it('never overwrites: the same story again is refused, another one gets its own address', async () => {
    rmSync(join(inbox, 'import-report.csv'));
    const again = await importFolder('--add-reporters');
    expect(again.out).toContain('가져옴 0');
    expect(report().get('wire.txt')?.reason).toMatch(
      /^이미 있는 기사입니다: \/articles\/2025\/11\//,
    );
  });
});
