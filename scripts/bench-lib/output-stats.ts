/** Size of the built site and of its search index, read from the output folder. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARD_MANIFEST, type ShardManifest } from '../../src/lib/search/shards.ts';

function walk(dir: string, visit: (file: string, bytes: number) => void) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path, statSync(path).size);
  }
}

export interface OutputStats {
  bytes: number;
  files: number;
  htmlFiles: number;
  imageFiles: number;
  imageBytes: number;
  /** The HTML page with most article cards (listings must stop at a page size). */
  mostCards: { path: string; cards: number };
  /** The largest HTML page: an index that grows with the archive shows up here. */
  largestHtml: { path: string; bytes: number };
}

const CARD = /<article class="card[" ]/g;

export function outputStats(outDir: string): OutputStats {
  const stats: OutputStats = {
    bytes: 0,
    files: 0,
    htmlFiles: 0,
    imageFiles: 0,
    imageBytes: 0,
    mostCards: { path: '', cards: 0 },
    largestHtml: { path: '', bytes: 0 },
  };
  walk(outDir, (file, bytes) => {
    stats.bytes += bytes;
    stats.files += 1;
    if (file.endsWith('.html')) {
      stats.htmlFiles += 1;
      const path = `/${relative(outDir, file)}`;
      if (bytes > stats.largestHtml.bytes) stats.largestHtml = { path, bytes };
      const cards = readFileSync(file, 'utf8').match(CARD)?.length ?? 0;
      if (cards > stats.mostCards.cards) stats.mostCards = { path, cards };
    }
    if (/\/_astro\/.*\.(avif|webp|jpe?g|png)$/.test(file)) {
      stats.imageFiles += 1;
      stats.imageBytes += bytes;
    }
  });
  return stats;
}

export interface PagefindStats {
  /** Shards (one Pagefind bundle each under /pagefind/<key>/), newest first; `delta` counts
   * the articles in the shard's delta bundle (src/lib/search/delta.ts), its bytes included. */
  shards: { key: string; articles: number; delta: number; metaBytes: number; bytes: number }[];
  bytes: number;
  files: number;
  /** Word index chunks (`index/*.pf_index`): a first query loads only the ones it needs. */
  indexChunks: number;
  largestChunkBytes: number;
  fragments: number;
}

/** The sharded search index written by scripts/build-search-index.ts. */
export function pagefindStats(outDir: string): PagefindStats | undefined {
  const root = join(outDir, 'pagefind');
  const manifestFile = join(root, SHARD_MANIFEST);
  if (!existsSync(manifestFile)) return undefined;
  const manifest: ShardManifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const stats: PagefindStats = {
    shards: [],
    bytes: 0,
    files: 0,
    indexChunks: 0,
    largestChunkBytes: 0,
    fragments: 0,
  };
  for (const shard of manifest.shards) {
    const entry = {
      key: shard.key,
      articles: shard.articles,
      delta: shard.delta?.articles ?? 0,
      metaBytes: 0,
      bytes: 0,
    };
    const folders = [shard.key, ...(shard.delta ? [shard.delta.key] : [])];
    for (const folder of folders)
      walk(join(root, folder), (file, bytes) => {
        entry.bytes += bytes;
        stats.files += 1;
        if (file.endsWith('.pf_meta')) entry.metaBytes += bytes;
        if (file.endsWith('.pf_index')) {
          stats.indexChunks += 1;
          stats.largestChunkBytes = Math.max(stats.largestChunkBytes, bytes);
        }
        if (file.endsWith('.pf_fragment')) stats.fragments += 1;
      });
    stats.bytes += entry.bytes;
    stats.shards.push(entry);
  }
  return stats;
}
