/**
 * The index side of scripts/build-search-index.ts, on a thread of its own: it indexes each
 * bundle's records (src/lib/search/pagefind-index.ts), finishes the bundle and writes it
 * (pagefind-bundle.ts) while the main thread reads and tokenizes the next shard's pages.
 *
 * Messages are handled in order: `records` adds to the open bundle, `close` indexes and
 * writes it to `dir` and replies with its page ids. Records of the next bundle that arrive
 * meanwhile wait their turn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { pagefindRuntime, writeRecordsBundle } from './pagefind-bundle.ts';

export type BundleJob =
  { type: 'records'; records: SearchRecord[] } | { type: 'close'; dir: string };

/** The reply to `close`: the page ids by URL, when the bundle was written. */
export interface BundleReply {
  problems: string[];
  pages?: Record<string, string>;
}

const { chunkBytes } = workerData as { chunkBytes: number };
// Pagefind's service runs only for this, then stops: the index is built here.
const runtime = pagefindRuntime().finally(() => pagefind.close());
let open: SearchRecord[] = [];

parentPort!.on('message', async (job: BundleJob) => {
  if (job.type === 'records') {
    open.push(...job.records);
    return;
  }
  const records = open;
  open = [];
  try {
    const pages = writeRecordsBundle(records, await runtime, job.dir, chunkBytes);
    parentPort!.postMessage({ problems: [], pages } satisfies BundleReply);
  } catch (error) {
    parentPort!.postMessage({ problems: [(error as Error).message] } satisfies BundleReply);
  }
});
