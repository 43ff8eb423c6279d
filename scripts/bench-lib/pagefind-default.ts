/**
 * When the project's own search integration is not in the build yet, the benchmark still
 * needs Pagefind figures: index the output with the stock Pagefind CLI (labelled
 * "Pagefind default" in the report), timed and memory-sampled like the build.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sampleTreeRss } from './process-tree.ts';

export async function runDefaultPagefind(projectRoot: string, outDir: string) {
  const startedAt = performance.now();
  const child = spawn(
    'nice',
    ['-n', '5', join(projectRoot, 'node_modules/.bin/pagefind'), '--site', outDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const sampler = sampleTreeRss(child.pid!, startedAt);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const samples = sampler.stop();
  if (code !== 0) throw new Error(`pagefind failed (exit ${code}):\n${output}`);
  return {
    wallMs: performance.now() - startedAt,
    peakRssBytes: samples.reduce((m, s) => Math.max(m, s.bytes), 0),
    output,
  };
}
