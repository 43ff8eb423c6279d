/** Writes what prepare.ts produced: the article file, its placeholder photos, new reporters. */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { stringify as toYaml } from 'yaml';
import { placeholderPhotoName } from './article-file.ts';
import type { NewAuthor } from './reporters.ts';

/** A plain grey frame: obviously not the photo, and refused by the checker by its name. */
let placeholder: Promise<Buffer> | undefined;
export const placeholderJpeg = () =>
  (placeholder ??= sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#9e9e9e' },
  })
    .jpeg({ quality: 60 })
    .toBuffer());

export async function writeArticle(
  contentDir: string,
  relativePath: string,
  markdown: string,
  photoCount: number,
) {
  const target = join(contentDir, relativePath);
  mkdirSync(dirname(target), { recursive: true });
  // 'wx' fails if the file exists: an import never overwrites an article.
  writeFileSync(target, markdown, { flag: 'wx' });
  const jpeg = photoCount > 0 ? await placeholderJpeg() : undefined;
  for (let index = 0; index < photoCount; index++) {
    writeFileSync(join(dirname(target), placeholderPhotoName(index)), jpeg!);
  }
  return target;
}

export const reportersYaml = (added: readonly NewAuthor[]) => toYaml(added);

export function appendReporters(contentDir: string, added: readonly NewAuthor[]) {
  if (added.length === 0) return;
  const file = join(contentDir, 'reporters.yaml');
  const before = readFileSync(file, 'utf8');
  appendFileSync(file, (before.endsWith('\n') ? '' : '\n') + reportersYaml(added));
}
