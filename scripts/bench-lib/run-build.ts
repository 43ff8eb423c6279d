/**
 * Runs the project's real build (`astro build`, then the search indexer, as `npm run build`
 * does) on a content folder and times its phases from the log lines as they arrive (Astro
 * writes to a pipe synchronously on Linux, so arrival time is emission time), while sampling
 * the memory of the whole process tree.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { peakBetween, sampleTreeRss, type RssSample } from './process-tree.ts';

export interface BuildPaths {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  /** Astro's cacheDir: content layer data store and processed images. */
  cacheDir: string;
  /** Scratch folder for the wrapper config and the build log. */
  workDir: string;
  /** Kill the build when its process tree passes this many bytes. */
  maxRssBytes?: number;
}

export interface Phase {
  name: string;
  startMs: number;
  endMs: number;
  peakRssBytes: number;
}

export interface BuildResult {
  wallMs: number;
  peakRssBytes: number;
  phases: Phase[];
  imagesEncoded: number;
  imagesReused: number;
  /** Summed per-image encode times Astro logs, by output format: where image time goes. */
  encodeMsByFormat: Record<string, { count: number; ms: number }>;
  /** True when Astro threw away the content layer cache (config or Astro changed). */
  contentStoreCleared: boolean;
  pagesBuilt: number;
  logFile: string;
  /** What the search indexer printed (articles read, shards indexed). */
  searchIndexLines: string[];
}

const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Astro has no --cacheDir flag; a wrapper config that spreads the project's own config keeps
 * every integration (including ones added later) and only moves the caches.
 */
function writeWrapperConfig(paths: BuildPaths): string {
  const file = join(paths.workDir, 'astro.bench.config.mjs');
  const projectConfig = join(paths.projectRoot, 'astro.config.mjs');
  writeFileSync(
    file,
    `import config from ${JSON.stringify(projectConfig)};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(paths.cacheDir)} };\n`,
  );
  return file;
}

interface Marker {
  line: number;
  atMs: number;
  text: string;
}

export async function runBuild(paths: BuildPaths, label: string): Promise<BuildResult> {
  const config = writeWrapperConfig(paths);
  const logFile = join(paths.workDir, `build-${label}.log`);
  const log = createWriteStream(logFile);
  const astro = join(paths.projectRoot, 'node_modules/astro/bin/astro.mjs');
  const startedAt = performance.now();
  // npm run build's two steps, as one process tree: astro build, then the search indexer.
  const astroBuild = [
    process.execPath,
    astro,
    'build',
    '--outDir',
    paths.outDir,
    // Astro joins --config onto the project root, so it must be relative to it.
    '--config',
    relative(paths.projectRoot, config),
  ];
  const searchIndex = [
    process.execPath,
    join(paths.projectRoot, 'node_modules/tsx/dist/cli.mjs'),
    join(paths.projectRoot, 'scripts/build-search-index.ts'),
    '--dist',
    paths.outDir,
    '--cache',
    join(paths.cacheDir, 'search-index'),
  ];
  const quote = (args: string[]) => args.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const child = spawn(
    'nice',
    ['-n', '5', 'sh', '-c', `${quote(astroBuild)} && ${quote(searchIndex)}`],
    {
      cwd: paths.projectRoot,
      env: { ...process.env, CONTENT_DIR: paths.contentDir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let overLimit = false;
  const sampler = sampleTreeRss(child.pid!, startedAt, {
    limitBytes: paths.maxRssBytes,
    onOverLimit: () => {
      overLimit = true;
      // The whole group: Astro's workers and the Pagefind binary too.
      process.kill(-child.pid!, 'SIGKILL');
    },
  });
  const lines: Marker[] = [];
  const onLine = (text: string) => {
    const atMs = performance.now() - startedAt;
    const clean = text.replace(ANSI, '');
    lines.push({ line: lines.length, atMs, text: clean });
    log.write(`${(atMs / 1000).toFixed(3)} ${clean}\n`);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - startedAt;
  const samples = sampler.stop();
  log.end();
  if (overLimit) {
    throw new Error(
      `stopped: the build passed ${paths.maxRssBytes! / 2 ** 30} GB RSS (log: ${logFile})`,
    );
  }
  if (code !== 0) {
    const tail = lines
      .slice(-30)
      .map((l) => l.text)
      .join('\n');
    throw new Error(`npm run build failed (exit ${code}), log: ${logFile}\n${tail}`);
  }
  return { ...phasesFromLog(lines, wallMs, samples), wallMs, logFile, peakRssBytes: peak(samples) };
}

const peak = (samples: readonly RssSample[]) => samples.reduce((m, s) => Math.max(m, s.bytes), 0);

function phasesFromLog(lines: readonly Marker[], wallMs: number, samples: readonly RssSample[]) {
  const find = (pattern: RegExp, from = 0) => lines.slice(from).find((l) => pattern.test(l.text));
  const completedAfter = (marker?: Marker) =>
    marker ? find(/✓ Completed in/, marker.line + 1) : undefined;
  const phases: Phase[] = [];
  const add = (name: string, start?: Marker | number, end?: Marker | number) => {
    const startMs = typeof start === 'number' ? start : start?.atMs;
    const endMs = typeof end === 'number' ? end : end?.atMs;
    if (startMs === undefined || endMs === undefined) return;
    phases.push({ name, startMs, endMs, peakRssBytes: peakBetween(samples, startMs, endMs) });
  };
  const syncStart = find(/\[content\] Syncing content/);
  const syncEnd = find(/\[content\] Synced content/);
  const bundleStart = find(/Building static entrypoints/);
  const routesStart = find(/generating static routes/);
  const routesEnd = completedAfter(routesStart);
  const imagesStart = find(/generating optimized images/);
  const imagesEnd = completedAfter(imagesStart);
  const generateEnd = find(/\[build\] ✓ Completed in/, (imagesEnd ?? routesEnd)?.line ?? 0);
  const built = find(/page\(s\) built in/);
  const indexStart = find(/\[search-index\] 시작/);
  add('startup', 0, syncStart);
  add('content sync', syncStart, syncEnd);
  add('bundling (vite)', bundleStart, routesStart);
  add('page rendering', routesStart, routesEnd);
  add('image processing', imagesStart, imagesEnd);
  add('build:done hooks (sitemap)', generateEnd, built);
  add('astro exit', built, indexStart);
  add('search index (own process)', indexStart, wallMs);
  const imageLines = lines.filter((l) => /▶ \/_astro\/\S+\.(avif|webp|jpe?g|png)/.test(l.text));
  const reused = imageLines.filter((l) =>
    /reused cache entry|revalidated cache entry/.test(l.text),
  );
  const encodeMsByFormat: Record<string, { count: number; ms: number }> = {};
  for (const l of imageLines) {
    const time = /\(\+([\d.]+)(ms|s)\)/.exec(l.text);
    if (!time || reused.includes(l)) continue;
    const format = /\.(avif|webp|jpe?g|png) /.exec(l.text)![1];
    const entry = (encodeMsByFormat[format] ??= { count: 0, ms: 0 });
    entry.count += 1;
    entry.ms += Number(time[1]) * (time[2] === 's' ? 1000 : 1);
  }
  return {
    phases,
    imagesEncoded: imageLines.length - reused.length,
    imagesReused: reused.length,
    encodeMsByFormat,
    contentStoreCleared: lines.some((l) => /Clearing content store/.test(l.text)),
    pagesBuilt: Number(/(\d+) page\(s\) built/.exec(built?.text ?? '')?.[1] ?? 0),
    searchIndexLines: lines.filter((l) => l.text.startsWith('[search-index]')).map((l) => l.text),
  };
}
