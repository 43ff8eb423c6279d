/**
 * The Pagefind side of scripts/build-search-index.ts, on a thread of its own with its own
 * Pagefind service: it only feeds records to the service and takes the bundle's files back,
 * so the service (which indexes on one core) is never kept waiting by our own work. The main
 * thread reads pages and finishes bundles (pagefind-bundle.ts) meanwhile.
 *
 * Messages are handled strictly in order: `records` adds to the open bundle (opening one
 * first), `close` takes its files and deletes it from the service. Records of the next bundle
 * that arrive meanwhile wait their turn, so the service holds one bundle's index at a time.
 */
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search/record.ts';
import type { PagefindFile } from './pagefind-bundle.ts';

export type BundleJob = { type: 'records'; records: SearchRecord[] } | { type: 'close' };

/** The reply to `close`. */
export interface BundleReply {
  problems: string[];
  files: PagefindFile[];
}

let index: pagefind.PagefindIndex | undefined;
/** Pagefind's answers to the open bundle's records: sent without waiting for each (the
 * service still takes them in order, so the bundle is byte-identical). */
let added: Promise<{ errors: string[] }>[] = [];
let openProblems: string[] = [];
let queue = Promise.resolve();

async function openIndex() {
  if (index || openProblems.length > 0) return;
  const created = await pagefind.createIndex({});
  if (created.index) index = created.index;
  else openProblems.push(`Pagefind를 시작하지 못했습니다: ${created.errors.join('; ')}`);
}

async function handle(job: BundleJob) {
  await openIndex();
  if (job.type === 'records') {
    if (index) added.push(...job.records.map((record) => index!.addCustomRecord(record)));
    return;
  }
  const problems = [...openProblems];
  let files: PagefindFile[] = [];
  try {
    problems.push(...(await Promise.all(added)).flatMap((result) => result.errors));
    if (index) {
      const bundle = await index.getFiles();
      problems.push(...bundle.errors);
      files = bundle.files;
      // The next bundle starts with an empty service: one bundle's memory at a time.
      await index.deleteIndex();
    }
  } catch (error) {
    problems.push((error as Error).message);
  }
  index = undefined;
  added = [];
  openProblems = [];
  parentPort!.postMessage({ problems, files } satisfies BundleReply);
}

parentPort!.on('message', (job: BundleJob) => {
  queue = queue
    .then(() => handle(job))
    .catch((error: Error) => {
      openProblems.push(error.message);
    });
});
