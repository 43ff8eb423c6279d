/**
 * The index side of scripts/build-search-index.ts, on threads of their own: each indexes its
 * bundles' records (src/lib/search/pagefind-index.ts), finishes the bundle and writes it
 * (pagefind-bundle.ts) while the main thread reads and tokenizes the next shard's pages.
 *
 * Messages are handled in order: `runtime` brings Pagefind's runtime files (before any
 * bundle is written), `records` adds to the open bundle, `close` indexes, finishes and writes
 * it to `dir` and replies with its page ids. Records of the next bundle that arrive
 * meanwhile wait their turn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { writeRecordsBundle, type PagefindRuntime } from './pagefind-bundle.ts';

export type BundleJob =
  | { type: 'runtime'; runtime: PagefindRuntime }
  | { type: 'records'; records: SearchRecord[] }
  | { type: 'close'; dir: string };

/** The reply to `close`: the page ids by URL, when the bundle was written. */
export interface BundleReply {
  problems: string[];
  pages?: Record<string, string>;
}

const { chunkBytes } = workerData as { chunkBytes: number };
// Pagefind's runtime files, which the main thread gets from Pagefind once for all workers.
let setRuntime: (runtime: PagefindRuntime) => void;
const runtime = new Promise<PagefindRuntime>((resolve) => (setRuntime = resolve));
let open: SearchRecord[] = [];

parentPort!.on('message', async (job: BundleJob) => {
  if (job.type === 'runtime') {
    setRuntime(job.runtime);
    return;
  }
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
