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
/** CBOR's head of a definite-length array of n items (major type 4). */
function cborArrayHeader(n: number): Buffer {
  if (n < 24) return Buffer.from([0x80 + n]);
  if (n < 0x100) return Buffer.from([0x98, n]);
  if (n < 0x10000) return Buffer.from([0x99, n >> 8, n & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = 0x9a;
  head.writeUInt32BE(n, 1);
  return head;
}

const shortHash = (data: Uint8Array) => createHash('sha1').update(data).digest('hex').slice(0, 10);

/** Pagefind 1.6's pf_meta: [version, pages, index chunks [from, to, hash], filters, sorts, meta fields]. */
type MetaIndex = [string, unknown[], [string, string, string][], ...unknown[]];
/** A word entry of a pf_index chunk: [word, …]; the rest is kept as it is. */
type WordEntry = [string, ...unknown[]];

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
    // Each word entry is kept as its encoded bytes, not as decoded arrays (the indexer's
    // RSS at 10,000 articles: 0.94 GB against 0.98 GB).
    const words: { word: string; encoded: Buffer }[] = [];
    for (const [, , hash] of meta[2]) {
      const file = join(dir, 'index', `${hash}.pf_index`);
      for (const entry of (decode(unpack(file)) as [WordEntry[]])[0]) {
        // Kept as a Buffer for Buffer.concat below.
        words.push({ word: entry[0], encoded: Buffer.from(encode(entry)) });
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
        Buffer.from([0x81]),
        cborArrayHeader(members.length),
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
