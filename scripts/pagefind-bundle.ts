/**
 * Writes a shard's search bundle: Pagefind's browser runtime (its scripts, styles and
 * WebAssembly, taken from Pagefind itself) and the shard's index built by
 * src/lib/search/pagefind-index.ts, finished in two ways Pagefind's options do not offer
 * (src/lib/search/chunks.ts says why):
 * - the word index is cut into smaller chunks at prefix-safe gaps, and the cuts that still
 *   fall inside a shared prefix are listed in spans.json for the query engine;
 * - each fragment keeps only what a result shows: the headline, the filters shown and the
 *   article's lead (src/lib/search/fragment.ts), not the whole text and our index-only forms.
 * It also writes the bundle's numbers for the archive-wide directory (directory.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encode } from 'cbor2';
import * as pagefind from 'pagefind';
import { arrayHeader } from '../src/lib/search/cbor.ts';
import { planChunks, SPANS_FILE, type ChunkSpan } from '../src/lib/search/chunks.ts';
import { bundleStats, STATS_FILE, type BundleStats } from '../src/lib/search/directory.ts';
import { RANKING } from '../src/lib/search/engine.ts';
import { resultFragment } from '../src/lib/search/fragment.ts';
import {
  buildIndexParts,
  PAGEFIND_FORMAT,
  type IndexParts,
} from '../src/lib/search/pagefind-index.ts';
import { SEARCH_LANGUAGE, type SearchRecord } from '../src/lib/search/record.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** Pagefind's compressed file: gzip of its signature and the payload. */
const pack = (payload: Uint8Array) => gzipSync(Buffer.concat([SIGNATURE, payload]));

/** Pagefind's WebAssembly: one file per language it has a stemmer for (`unknown` for Korean). */
const WASM_FILE = /^wasm\.[\w-]+\.pagefind$/;

/**
 * What stands in for a bundle's WebAssembly file `name` when the page runs Pagefind's
 * WebAssembly from another bundle (undefined for any other file). Pagefind's runtime keeps
 * the first module it is given for every instance of a page (wasm-bindgen's init returns
 * early once it has one), so a second bundle's download is never used; and it takes a file
 * that starts with its signature as already decompressed, so the signature alone will do.
 */
export const runtimeStandIn = (name: string): Buffer | undefined =>
  WASM_FILE.test(name) ? SIGNATURE : undefined;

const shortHash = (data: Uint8Array) => createHash('sha1').update(data).digest('hex').slice(0, 10);

/** pagefind-entry.json: the runtime's version and, per language, its pf_meta and pages. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters: string[];
}

/** The files every bundle shares, and the entry its index is announced in. */
export interface PagefindRuntime {
  files: Map<string, Uint8Array>;
  entry: PagefindEntry;
}

const ENTRY_FILE = 'pagefind-entry.json';

/** A file of an index rather than of the runtime. */
const INDEX_FILE = /\.pf_meta$|^(index|fragment|filter)\//;

/**
 * Pagefind's runtime, from Pagefind: the scripts, styles and WebAssembly it writes beside
 * any index (here a one-record one) of the site's language. Fails on a Pagefind whose
 * format the index builder was not checked against.
 */
export async function pagefindRuntime(): Promise<PagefindRuntime> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind를 시작하지 못했습니다: ${errors.join('; ')}`);
  try {
    await index.addCustomRecord({ url: '/', content: '런타임', language: SEARCH_LANGUAGE });
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(bundle.errors.join('; '));
    const files = new Map(
      bundle.files.filter((f) => !INDEX_FILE.test(f.path)).map((f) => [f.path, f.content]),
    );
    const entry: PagefindEntry = JSON.parse(Buffer.from(files.get(ENTRY_FILE)!).toString());
    files.delete(ENTRY_FILE);
    if (entry.version !== PAGEFIND_FORMAT) {
      throw new Error(
        `Pagefind ${entry.version}: src/lib/search/pagefind-index.ts는 ${PAGEFIND_FORMAT} 형식만 압니다`,
      );
    }
    return { files, entry };
  } finally {
    await index.deleteIndex();
  }
}

interface FinishedBundle {
  files: Map<string, Uint8Array>;
  /** Each page's id (its fragment's name, what a search result's id is), by URL. */
  pages: Record<string, string>;
}

/** A bundle's files: the runtime's, the index's word chunks as chunks.ts plans them, its
 * filters, result-sized fragments, pf_meta and entry. */
function finishBundle(
  parts: IndexParts,
  runtime: PagefindRuntime,
  chunkBytes: number,
): FinishedBundle {
  const files = new Map(runtime.files);
  const { language, words, meta } = parts;
  const plan = planChunks(
    words.map((w) => ({ word: w.word, bytes: w.encoded.length })),
    chunkBytes,
  );
  const chunks: IndexParts['meta'][2] = plan.ends.map((end, c) => {
    const members = words.slice(c === 0 ? 0 : plan.ends[c - 1], end);
    // A pf_index is [[entry, …]]: a one-item array holding the array of word entries.
    const payload = Buffer.concat([
      arrayHeader(1),
      arrayHeader(members.length),
      ...members.map((m) => m.encoded),
    ]);
    const hash = `${language}_${shortHash(payload)}`;
    files.set(`index/${hash}.pf_index`, pack(payload));
    return [members[0].word, members.at(-1)!.word, hash];
  });
  for (const [name, payload] of parts.filters) files.set(`filter/${name}.pf_filter`, pack(payload));
  const metaPayload = encode([meta[0], meta[1], chunks, ...meta.slice(3)]);
  const metaHash = `${language}_${shortHash(metaPayload)}`;
  files.set(`pagefind.${metaHash}.pf_meta`, pack(metaPayload));
  const [announced] = Object.values(runtime.entry.languages);
  const entry: PagefindEntry = {
    ...runtime.entry,
    languages: {
      [language]: { ...announced, hash: metaHash, page_count: parts.fragments.length },
    },
  };
  files.set(ENTRY_FILE, Buffer.from(JSON.stringify(entry)));
  files.set(SPANS_FILE, Buffer.from(JSON.stringify(plan.spans satisfies ChunkSpan[])));
  // For the archive-wide directory (directory.ts); the indexer keeps it out of the output.
  const stats = bundleStats(
    parts.fragments.map(({ fragment }) => fragment.word_count),
    words,
  );
  files.set(STATS_FILE, Buffer.from(JSON.stringify(stats satisfies BundleStats)));
  const pages: Record<string, string> = {};
  for (const { id, fragment, lead } of parts.fragments) {
    files.set(
      `fragment/${id}.pf_fragment`,
      pack(Buffer.from(JSON.stringify(resultFragment(fragment, lead)))),
    );
    pages[fragment.url] = id;
  }
  return { files, pages };
}

/**
 * Writes a bundle's files to `dir` (replaced). The folder appears whole or not at all
 * (written aside, then renamed): the indexer takes an existing bundle folder as cached.
 */
function writeBundle(files: Map<string, Uint8Array>, dir: string) {
  const aside = `${dir}.${process.pid}.partial`;
  rmSync(aside, { recursive: true, force: true });
  for (const [path, content] of files) {
    const file = join(aside, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(aside, dir);
}

/** The bundle of `records`, written to `dir`; returns the page ids by URL. */
export function writeRecordsBundle(
  records: readonly SearchRecord[],
  runtime: PagefindRuntime,
  dir: string,
  chunkBytes: number,
): Record<string, string> {
  const { files, pages } = finishBundle(
    buildIndexParts(records, RANKING.metaWeights),
    runtime,
    chunkBytes,
  );
  writeBundle(files, dir);
  return pages;
}
