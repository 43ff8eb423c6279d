/**
 * Writes one shard's Pagefind bundle for scripts/build-search-index.ts, off the main thread
 * (which reads the next shard meanwhile) with a Pagefind service of its own. A message is
 * { records, outputPath }; the reply lists Pagefind's errors.
 */
import { rmSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search/record.ts';

export interface BundleJob {
  records: SearchRecord[];
  outputPath: string;
}

parentPort!.on('message', async ({ records, outputPath }: BundleJob) => {
  const problems: string[] = [];
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind를 시작하지 못했습니다: ${errors.join('; ')}`);
    for (const record of records) problems.push(...(await index.addCustomRecord(record)).errors);
    rmSync(outputPath, { recursive: true, force: true });
    problems.push(...(await index.writeFiles({ outputPath })).errors);
    // The next shard starts with an empty service: one shard's memory at a time.
    await index.deleteIndex();
  } catch (error) {
    problems.push((error as Error).message);
  }
  parentPort!.postMessage(problems);
});
