/**
 * What a deploy to an S3-compatible bucket must upload and delete, and the headers each file
 * gets. Pure: scripts/deploy-s3.ts lists the bucket and the built site and carries the plan
 * out.
 *
 * A file is compared by its MD5 with the object's ETag, which S3 (and every compatible
 * store) sets to the MD5 of an object uploaded in one part; the deploy uploads every file in
 * one part (no file of the site comes near S3's 5 GB single-part limit). `aws s3 sync`
 * compares size and modification time instead, and every fresh CI build has new times, so it
 * would upload the whole archive after each merge.
 */
import { lookup } from 'mrmime';

export interface LocalFile {
  /** Path inside dist/, with forward slashes: the object's key. */
  key: string;
  md5: string;
}

export interface RemoteObject {
  key: string;
  /** As S3 lists it: the MD5 in hex, in double quotes. */
  etag: string;
}

export interface SyncPlan {
  upload: LocalFile[];
  /** Keys in the bucket that the site no longer has. */
  remove: string[];
  unchanged: number;
}

export function planSync(local: LocalFile[], remote: RemoteObject[]): SyncPlan {
  const remoteTags = new Map(remote.map((object) => [object.key, object.etag.replace(/"/g, '')]));
  const localKeys = new Set(local.map((file) => file.key));
  const upload = local.filter((file) => remoteTags.get(file.key) !== file.md5);
  return {
    upload,
    remove: remote.map((object) => object.key).filter((key) => !localKeys.has(key)),
    unchanged: local.length - upload.length,
  };
}

/** A year: the longest a CDN or browser keeps anything. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, feeds, the sitemap and the search manifest change with every article. */
const SHORT = 'public, max-age=300, must-revalidate';

/**
 * Astro names every file under _astro/ by its content hash, and Pagefind names its index
 * chunks, fragments and filters the same way (pagefind/<shard>/{index,fragment,filter}/…,
 * and the shard's pf_meta). Anything else keeps its name when its content changes.
 */
export function cacheControl(key: string): string {
  if (key.startsWith('_astro/')) return IMMUTABLE;
  if (/^pagefind\/[^/]+\/(index|fragment|filter)\//.test(key)) return IMMUTABLE;
  if (/^pagefind\/[^/]+\/pagefind\.[^/]+_[0-9a-f]+\.pf_meta$/.test(key)) return IMMUTABLE;
  return SHORT;
}

export function contentType(key: string): string {
  const type = lookup(key) ?? 'application/octet-stream';
  return /^(text\/|application\/(json|xml|javascript|rss\+xml))/.test(type)
    ? `${type}; charset=utf-8`
    : type;
}
