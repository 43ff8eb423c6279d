/**
 * Writes a bundle from Pagefind's files in memory (getFiles), finished in two ways its
 * options do not offer (src/lib/search/chunks.ts says why):
 * - the word index is cut again into smaller chunks at prefix-safe gaps, and the cuts that
 *   still fall inside a shared prefix are listed in spans.json for the query engine;
 * - each fragment keeps only what a result shows: the headline, the filters shown and the
 *   article's lead (src/lib/search/fragment.ts), not the whole text and our index-only forms.
 *
 * Taking the files from memory spares Pagefind writing ~4,000 files that are rewritten here
 * anyway, and this reading them back (Pagefind's part for 3,900 articles: 12–14.5 s →
 * ~9.5 s); the writing moves here, so a shard's whole step changed little (README, §3).
 *
 * This reads Pagefind's file format (gzip of "pagefind_dcd" + CBOR or JSON), so it accepts
 * only the Pagefind version it was written for (package.json pins it) and fails loudly on
 * another one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import type { PagefindIndex } from 'pagefind';
import { arrayHeader, arrayItems, leadingText } from '../src/lib/search/cbor.ts';
import {
  CHUNK_TARGET_BYTES,
  planChunks,
  SPANS_FILE,
  type ChunkSpan,
} from '../src/lib/search/chunks.ts';
import { resultFragment } from '../src/lib/search/fragment.ts';

const PAGEFIND_FORMAT = '1.6.0';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** A bundle's files by their path inside it, as Pagefind's getFiles() returns them. */
type Bundle = Map<string, Uint8Array>;

function take(bundle: Bundle, path: string): Uint8Array {
  const data = bundle.get(path);
  if (!data) throw new Error(`${path}: Pagefind 묶음에 없습니다`);
  bundle.delete(path);
  return data;
}

function unpack(path: string, packed: Uint8Array): Buffer {
  const data = gunzipSync(packed);
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error(`${path}: Pagefind 파일 형식이 아닙니다`);
  }
  return data.subarray(SIGNATURE.length);
}

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

/** Pagefind 1.6's pf_meta: [version, pages, index chunks [from, to, hash], filters, sorts, meta fields]. */
type MetaIndex = [string, unknown[], [string, string, string][], ...unknown[]];

export interface WrittenBundle {
  errors: string[];
  /** Each page's id (its fragment's name, what a search result's id is), by URL. */
  pages: Record<string, string>;
}

/** One of a bundle's files as Pagefind's getFiles() returns it. */
export interface PagefindFile {
  path: string;
  content: Uint8Array;
}

/**
 * Pagefind's files for `index`, finished, written to `dir` (replaced). Nothing is written
 * when Pagefind reports errors.
 */
export async function writeFinishedBundle(
  index: PagefindIndex,
  dir: string,
  chunkBytes = CHUNK_TARGET_BYTES,
): Promise<WrittenBundle> {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) return { errors, pages: {} };
  return { errors: [], pages: writeFinishedFiles(files, dir, chunkBytes) };
}

/**
 * A bundle's files from Pagefind, finished, written to `dir` (replaced); returns the page
 * ids by URL. The folder appears whole or not at all (written aside, then renamed): the
 * indexer takes an existing bundle folder as cached.
 */
export function writeFinishedFiles(
  files: PagefindFile[],
  dir: string,
  chunkBytes = CHUNK_TARGET_BYTES,
): Record<string, string> {
  const bundle: Bundle = new Map(files.map((file) => [file.path, file.content]));
  const pages = finishBundle(bundle, chunkBytes);
  const aside = `${dir}.${process.pid}.partial`;
  rmSync(aside, { recursive: true, force: true });
  for (const [path, content] of bundle) {
    const file = join(aside, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(aside, dir);
  return pages;
}

/** Finishes the bundle in place; returns the page ids by URL. */
function finishBundle(bundle: Bundle, chunkBytes: number): Record<string, string> {
  const entryPath = 'pagefind-entry.json';
  const entry = JSON.parse(Buffer.from(take(bundle, entryPath)).toString('utf8'));
  if (entry.version !== PAGEFIND_FORMAT) {
    throw new Error(
      `Pagefind ${entry.version}: scripts/pagefind-bundle.ts는 ${PAGEFIND_FORMAT} 형식만 압니다`,
    );
  }
  const spans: ChunkSpan[] = [];
  for (const language of Object.values(entry.languages) as { hash: string }[]) {
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const meta = decode(unpack(metaPath, take(bundle, metaPath))) as MetaIndex;
    const prefix = language.hash.split('_')[0];
    // Word entries are moved as the bytes Pagefind wrote: decoding and re-encoding them
    // took half of this function's time (cbor.ts).
    const words: { word: string; encoded: Uint8Array }[] = [];
    for (const [, , hash] of meta[2]) {
      const path = `index/${hash}.pf_index`;
      const chunk = unpack(path, take(bundle, path));
      // [[entry, …]]: a one-item array, whose head is one byte, holding the word entries.
      if (chunk[0] !== arrayHeader(1)[0]) {
        throw new Error(`${path}: 단어 목록 하나만 있어야 합니다`);
      }
      for (const { start, end } of arrayItems(chunk, 1)) {
        words.push({ word: leadingText(chunk, start), encoded: chunk.subarray(start, end) });
      }
    }
    const plan = planChunks(
      words.map((w) => ({ word: w.word, bytes: w.encoded.length })),
      chunkBytes,
    );
    spans.push(...plan.spans);
    meta[2] = plan.ends.map((end, c) => {
      const members = words.slice(c === 0 ? 0 : plan.ends[c - 1], end);
      // A pf_index is [[entry, …]]: a one-item array holding the array of word entries.
      const payload = Buffer.concat([
        arrayHeader(1),
        arrayHeader(members.length),
        ...members.map((m) => m.encoded),
      ]);
      const hash = `${prefix}_${shortHash(payload)}`;
      bundle.set(`index/${hash}.pf_index`, pack(payload));
      return [members[0].word, members.at(-1)!.word, hash];
    });
    const payload = encode(meta);
    language.hash = `${prefix}_${shortHash(payload)}`;
    bundle.set(`pagefind.${language.hash}.pf_meta`, pack(payload));
  }
  bundle.set(entryPath, Buffer.from(JSON.stringify(entry)));
  bundle.set(SPANS_FILE, Buffer.from(JSON.stringify(spans)));

  // A fragment keeps its name: it is looked up by the page's hash in pf_meta.
  const pages: Record<string, string> = {};
  for (const [path, packed] of bundle) {
    const id = /^fragment\/(.+)\.pf_fragment$/.exec(path)?.[1];
    if (!id) continue;
    const fragment = resultFragment(JSON.parse(unpack(path, packed).toString('utf8')));
    bundle.set(path, pack(Buffer.from(JSON.stringify(fragment))));
    pages[fragment.url] = id;
  }
  return pages;
}
