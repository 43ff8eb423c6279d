/**
 * Pagefind's own index of some records, read back into the parts src/lib/search/pagefind-index.ts
 * builds (decoded, so the two compare as values): the reference the port is tested against.
 */
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import type { PagefindFragment } from '../../src/lib/search/fragment.ts';
import type { MetaIndex } from '../../src/lib/search/pagefind-index.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const SIGNATURE = 'pagefind_dcd';

function unpack(files: Map<string, Uint8Array>, path: string): Buffer {
  const packed = files.get(path);
  if (!packed) throw new Error(`${path}: not in Pagefind's files`);
  const data = gunzipSync(packed);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(path);
  return data.subarray(SIGNATURE.length);
}

export interface DecodedParts {
  meta: MetaIndex;
  words: unknown[];
  filters: Record<string, unknown>;
  fragments: { id: string; fragment: PagefindFragment }[];
}

/** Indexes `records` with Pagefind's service and decodes what getFiles returns. */
export async function pagefindParts(records: readonly SearchRecord[]): Promise<DecodedParts> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw new Error(added.errors.join('; '));
    }
    const bundle = await index.getFiles();
    const files = new Map(bundle.files.map((f) => [f.path, f.content]));
    const entry = JSON.parse(Buffer.from(files.get('pagefind-entry.json')!).toString());
    const [language] = Object.values(entry.languages) as { hash: string }[];
    const meta = decode(unpack(files, `pagefind.${language.hash}.pf_meta`)) as MetaIndex;
    const words = meta[2].flatMap(
      ([, , hash]) => (decode(unpack(files, `index/${hash}.pf_index`)) as [unknown[]])[0],
    );
    const filters = Object.fromEntries(
      meta[3].map(([, hash]) => [hash, decode(unpack(files, `filter/${hash}.pf_filter`))]),
    );
    const fragments = meta[1].map(([id]) => ({
      id,
      fragment: JSON.parse(unpack(files, `fragment/${id}.pf_fragment`).toString()),
    }));
    meta[2] = [];
    return { meta, words, filters, fragments };
  } finally {
    await index.deleteIndex();
  }
}
