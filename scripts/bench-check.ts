/**
 * `npm run bench:check`: how long `npm run check` takes on 1,000 and 5,000 valid synthetic
 * articles (src/lib/synthetic, one photo each), median of 3 runs of the real CLI, wall time
 * including start-up: what an editor or CI waits for.
 *
 *   npm run bench:check              # 1000 and 5000
 *   npm run bench:check -- 200 2000  # other sizes
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { DEFAULT_OPTIONS, generateArchive, poolImagePath } from '../src/lib/synthetic/generate.ts';

const run = promisify(execFile);
const RUNS = 3;
const PHOTO_POOL = 24;
const sizes = process.argv.slice(2).map(Number);

async function writeContent(dir: string, articles: number) {
  const options = { ...DEFAULT_OPTIONS, articles, photoPool: PHOTO_POOL };
  for (const file of generateArchive(options)) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  // Camera-sized photos: the checker reads each one's header, never its pixels.
  mkdirSync(join(dir, 'photos'), { recursive: true });
  for (let i = 0; i < PHOTO_POOL; i++) {
    await sharp({
      create: { width: 1600, height: 1067, channels: 3, background: { r: i * 10, g: 120, b: 200 } },
    })
      .jpeg({ quality: 85 })
      .toFile(join(dir, poolImagePath(i)));
  }
}

async function timeCheck(dir: string): Promise<number> {
  const started = performance.now();
  try {
    await run(process.execPath, [
      join('node_modules', 'tsx', 'dist', 'cli.mjs'),
      'scripts/check-content.ts',
      '--content-dir',
      dir,
    ]);
  } catch (error) {
    const { stdout } = error as { stdout: string };
    throw new Error(
      `검사가 실패했습니다 (합성 기사는 모두 올발라야 합니다):\n${stdout.slice(0, 2000)}`,
    );
  }
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`npm run check, 기사당 사진 1장, ${RUNS}회 중 중앙값 (node ${process.version})`);
for (const articles of sizes.length > 0 ? sizes : [1000, 5000]) {
  const dir = mkdtempSync(join(tmpdir(), `bench-check-${articles}-`));
  try {
    await writeContent(dir, articles);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeCheck(dir));
    const all = times.map((t) => (t / 1000).toFixed(2)).join(', ');
    console.log(
      `기사 ${String(articles).padStart(5)}건: ${(median(times) / 1000).toFixed(2)}초 (${all})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
