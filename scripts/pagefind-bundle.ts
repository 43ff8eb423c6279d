/**
 * Finishes a bundle Pagefind has just written, in place, in two ways its options do not
 * offer (src/lib/search/chunks.ts says why):
 * - the word index is cut again into smaller chunks at prefix-safe gaps, and the cuts that
 *   still fall inside a shared prefix are listed in spans.json for the query engine;
 * - the index-only meta fields (`kt`, `k`: our extra forms) are dropped from the fragments,
 *   a third of each, since the words are already in the index and no result shows them.
 *
 * This reads Pagefind's file format (gzip of "pagefind_dcd" + CBOR or JSON), so it accepts
 * only the Pagefind version it was written for (package.json pins it) and fails loudly on
 * another one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import { arrayHeader, arrayItems, leadingText } from '../src/lib/search/cbor.ts';
import {
  CHUNK_TARGET_BYTES,
  planChunks,
  SPANS_FILE,
  type ChunkSpan,
} from '../src/lib/search/chunks.ts';

const PAGEFIND_FORMAT = '1.6.0';
/** Meta fields that only feed the index (src/lib/search/record.ts). */
const INDEX_ONLY_META = ['k', 'kt'];

const SIGNATURE = Buffer.from('pagefind_dcd');

function unpack(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error(`${file}: Pagefind 파일 형식이 아닙니다`);
  }
  return data.subarray(SIGNATURE.length);
}

const pack = (payload: Uint8Array) => gzipSync(Buffer.concat([SIGNATURE, payload]));

const shortHash = (data: Uint8Array) => createHash('sha1').update(data).digest('hex').slice(0, 10);

/** Pagefind 1.6's pf_meta: [version, pages, index chunks [from, to, hash], filters, sorts, meta fields]. */
type MetaIndex = [string, unknown[], [string, string, string][], ...unknown[]];

export function finishBundle(dir: string, chunkBytes = CHUNK_TARGET_BYTES): void {
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8'));
  if (entry.version !== PAGEFIND_FORMAT) {
    throw new Error(
      `Pagefind ${entry.version}: scripts/pagefind-bundle.ts는 ${PAGEFIND_FORMAT} 형식만 압니다`,
    );
  }
  const spans: ChunkSpan[] = [];
  for (const language of Object.values(entry.languages) as { hash: string }[]) {
    const metaFile = join(dir, `pagefind.${language.hash}.pf_meta`);
    const meta = decode(unpack(metaFile)) as MetaIndex;
    const prefix = language.hash.split('_')[0];
    // Word entries are moved as the bytes Pagefind wrote: decoding and re-encoding them
    // took half of this function's time (cbor.ts).
    const words: { word: string; encoded: Uint8Array }[] = [];
    for (const [, , hash] of meta[2]) {
      const file = join(dir, 'index', `${hash}.pf_index`);
      const chunk = unpack(file);
      // [[entry, …]]: a one-item array, whose head is one byte, holding the word entries.
      if (chunk[0] !== arrayHeader(1)[0]) {
        throw new Error(`${file}: 단어 목록 하나만 있어야 합니다`);
      }
      for (const { start, end } of arrayItems(chunk, 1)) {
        words.push({ word: leadingText(chunk, start), encoded: chunk.subarray(start, end) });
      }
      rmSync(file);
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
      writeFileSync(join(dir, 'index', `${hash}.pf_index`), pack(payload));
      return [members[0].word, members.at(-1)!.word, hash];
    });
    const payload = encode(meta);
    rmSync(metaFile);
    language.hash = `${prefix}_${shortHash(payload)}`;
    writeFileSync(join(dir, `pagefind.${language.hash}.pf_meta`), pack(payload));
  }
  writeFileSync(entryFile, JSON.stringify(entry));
  writeFileSync(join(dir, SPANS_FILE), JSON.stringify(spans));

  // A fragment keeps its name: it is looked up by the page's hash in pf_meta.
  const fragmentDir = join(dir, 'fragment');
  for (const name of readdirSync(fragmentDir)) {
    const file = join(fragmentDir, name);
    const fragment = JSON.parse(unpack(file).toString('utf8'));
    for (const field of INDEX_ONLY_META) delete fragment.meta[field];
    writeFileSync(file, pack(Buffer.from(JSON.stringify(fragment))));
  }
}
