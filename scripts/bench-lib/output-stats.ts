/** Size of the built site and of its Pagefind bundle, read from the output folder. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
  /** URL path of the bundle, e.g. /pagefind/. */
  bundlePath: string;
  bytes: number;
  files: number;
  /** Word index chunks (`index/*.pf_index`): a first query loads only the ones it needs. */
  indexChunks: number;
  largestChunkBytes: number;
  fragments: number;
  languages: Record<string, { page_count?: number }>;
}

/** Finds the Pagefind bundle (the folder with pagefind-entry.json) anywhere in the output. */
export function findPagefindBundle(outDir: string): string | undefined {
  let found: string | undefined;
  const search = (dir: string, depth: number) => {
    if (found || depth > 3) return;
    if (existsSync(join(dir, 'pagefind-entry.json'))) {
      found = dir;
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Article folders are many and never hold the bundle.
      if (entry.isDirectory() && !['articles', '_astro', 'archive', 'tags'].includes(entry.name)) {
        search(join(dir, entry.name), depth + 1);
      }
    }
  };
  search(outDir, 0);
  return found;
}

export function pagefindStats(outDir: string): PagefindStats | undefined {
  const bundle = findPagefindBundle(outDir);
  if (!bundle) return undefined;
  const stats: PagefindStats = {
    bundlePath: `/${relative(outDir, bundle)}/`,
    bytes: 0,
    files: 0,
    indexChunks: 0,
    largestChunkBytes: 0,
    fragments: 0,
    languages: {},
  };
  walk(bundle, (file, bytes) => {
    stats.bytes += bytes;
    stats.files += 1;
    if (file.endsWith('.pf_index')) {
      stats.indexChunks += 1;
      stats.largestChunkBytes = Math.max(stats.largestChunkBytes, bytes);
    }
    if (file.endsWith('.pf_fragment')) stats.fragments += 1;
  });
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
  stats.languages = entry.languages ?? {};
  return stats;
}
