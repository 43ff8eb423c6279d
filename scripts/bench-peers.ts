/**
 * npm run bench:peers -- [--articles 2000] [--rounds 2] [--work DIR] [--keep]
 *
 * Builds one generated archive (src/lib/synthetic, as bench:build) with this project's
 * `npm run build` and with a plain Astro + Pagefind CLI site (bench-lib/peer-site.ts), side
 * by side: each round builds both cold (no caches) and then with only the encoded photos
 * kept, alternating which goes first, and prints each build's wall time and peak RSS, the
 * medians and the ratio this project / plain (#24 asks for ≤ 0.8 with photos cached).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS } from '../src/lib/synthetic/generate.ts';
import { writePeerSite } from './bench-lib/peer-site.ts';
import { sampleTreeRss } from './bench-lib/process-tree.ts';
import { runBuild } from './bench-lib/run-build.ts';
import { trashFolder } from './bench-lib/trash.ts';
import { writeArchive } from './bench-lib/write-archive.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const rounds = Number(values.rounds);
const projectRoot = join(import.meta.dirname, '..');
const work = values.work ?? `/tmp/bench-peers-${articles}`;
const contentDir = join(work, 'content');
const peer = join(work, 'peer');
const ours = {
  projectRoot,
  workDir: work,
  contentDir,
  outDir: join(work, 'out'),
  cacheDir: join(work, 'cache'),
};

const trash = trashFolder(`${work}.trash`);
const { discard, keepPhotosOnly } = trash;

interface Run {
  ms: number;
  peakBytes: number;
}

async function buildPeer(): Promise<Run> {
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const pagefind = join(projectRoot, 'node_modules/.bin/pagefind');
  const started = performance.now();
  const child = spawn(
    'nice',
    ['-n', '5', 'sh', '-c', `'${process.execPath}' '${astro}' build && '${pagefind}' --site dist`],
    {
      cwd: peer,
      env: { ...process.env, PEER_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  const sampler = sampleTreeRss(child.pid!, started);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const samples = sampler.stop();
  if (code !== 0) throw new Error(`plain Astro + Pagefind failed (exit ${code}):\n${errors}`);
  return { ms: performance.now() - started, peakBytes: Math.max(...samples.map((s) => s.bytes)) };
}

async function buildOurs(label: string): Promise<Run> {
  const result = await runBuild(ours, label);
  return { ms: result.wallMs, peakBytes: result.peakRssBytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

rmSync(work, { recursive: true, force: true });
trash.empty();
mkdirSync(work, { recursive: true });
console.log(`[bench:peers] ${articles}건 생성 → ${contentDir}`);
await writeArchive(contentDir, { ...DEFAULT_OPTIONS, articles });
writePeerSite(peer, projectRoot);

const runs: Record<'ours cold' | 'ours cached' | 'plain cold' | 'plain cached', Run[]> = {
  'ours cold': [],
  'ours cached': [],
  'plain cold': [],
  'plain cached': [],
};
for (let round = 1; round <= rounds; round++) {
  const sides = [
    async () => {
      discard(ours.outDir);
      discard(ours.cacheDir);
      runs['ours cold'].push(await buildOurs(`cold-${round}`));
      discard(ours.outDir);
      keepPhotosOnly(ours.cacheDir);
      runs['ours cached'].push(await buildOurs(`cached-${round}`));
    },
    async () => {
      discard(join(peer, 'dist'));
      discard(join(peer, '.cache'));
      discard(join(peer, '.vite'));
      runs['plain cold'].push(await buildPeer());
      discard(join(peer, 'dist'));
      discard(join(peer, '.vite'));
      keepPhotosOnly(join(peer, '.cache'));
      runs['plain cached'].push(await buildPeer());
    },
  ];
  if (round % 2 === 0) sides.reverse();
  for (const side of sides) await side();
  console.log(`[bench:peers] round ${round}/${rounds} done`);
}

console.log(
  `\n${articles} articles, ${rounds} rounds alternating (this project's npm run build vs plain Astro + Pagefind CLI)\n`,
);
console.log('| build | runs | median | peak RSS (max) |');
console.log('| --- | --- | ---: | ---: |');
for (const [name, list] of Object.entries(runs)) {
  console.log(
    `| ${name} | ${list.map((r) => sec(r.ms)).join(' / ')} | ${sec(median(list.map((r) => r.ms)))} | ${mb(Math.max(...list.map((r) => r.peakBytes)))} |`,
  );
}
const ratio = (a: Run[], b: Run[]) =>
  (median(a.map((r) => r.ms)) / median(b.map((r) => r.ms))).toFixed(2);
console.log(
  `\nratio this project / plain: cold ${ratio(runs['ours cold'], runs['plain cold'])}, photos cached ${ratio(runs['ours cached'], runs['plain cached'])} (target ≤ 0.80)`,
);
const count = (dir: string) =>
  readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
console.log(`pages: this project ${count(ours.outDir)}, plain ${count(join(peer, 'dist'))}`);
trash.empty();
if (!values.keep) rmSync(work, { recursive: true, force: true });
