/**
 * `npm run bench:import`: the batch import (`npm run import -- folder/ --add-reporters`) of
 * 10,000 generated scrapes (scripts/bench-lib/scrapes.ts) into a copy of the sample site's
 * lists, through the real CLI: wall time, files per second and the peak resident memory of
 * the process tree; then the same folder again, which the report makes a resume (all skipped).
 *
 *   npm run bench:import            # 10000
 *   npm run bench:import -- 2000
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScrapes } from './bench-lib/scrapes.ts';
import { sampleTreeRss } from './bench-lib/process-tree.ts';

const count = Number(process.argv[2] ?? 10_000);
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const inbox = join(work, 'inbox');
const content = join(work, 'content');
mkdirSync(inbox);
mkdirSync(join(content, 'articles'), { recursive: true });
cpSync('content/sections.yaml', join(content, 'sections.yaml'));
cpSync('content/reporters.yaml', join(content, 'reporters.yaml'));
for (const scrape of generateScrapes(count)) writeFileSync(join(inbox, scrape.name), scrape.text);

async function importOnce(label: string) {
  const started = performance.now();
  // GNU time adds the CPU seconds the tree used: on a shared machine wall time alone
  // says more about the neighbours than about the importer.
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      'cpu %U %S',
      'node_modules/.bin/tsx',
      'scripts/import-article.ts',
      inbox,
      '--content-dir',
      content,
      '--add-reporters',
      '--date',
      '2024-01-01 09:00',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const rss = sampleTreeRss(child.pid!, started);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk).slice(-2000)));
  await new Promise((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  const peak = Math.max(0, ...rss.stop().map((s) => s.bytes));
  const [, user = 'NaN', system = 'NaN'] = /cpu (\S+) (\S+)/.exec(err) ?? [];
  const cpu = Number(user) + Number(system);
  console.log(
    `${label}: ${count}개 ${seconds.toFixed(1)}초 (초당 ${(count / seconds).toFixed(0)}개), CPU ${cpu.toFixed(1)}초 (사용자 ${user} + 시스템 ${system}), 최대 메모리 ${(peak / 1024 / 1024).toFixed(0)}MB`,
  );
  console.log('  ' + out.split('\n')[0]);
}

try {
  await importOnce('가져오기');
  const files = readdirSync(join(content, 'articles'), { recursive: true }).length;
  console.log(`  content/articles 아래 항목 ${files}개`);
  await importOnce('다시 실행 (보고서로 건너뜀)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
