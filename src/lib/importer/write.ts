/** Writes what prepare.ts produced: the article file, its placeholder photos, new reporters. */
import {
  appendFileSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  writeFileSync,
} from 'node:fs';
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

/** Whether the file ends with a line break, reading its last byte only. */
function endsWithNewline(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

export function appendReporters(contentDir: string, added: readonly NewAuthor[]) {
  if (added.length === 0) return;
  const file = join(contentDir, 'reporters.yaml');
  // Not the whole file: a batch appends thousands of times to a list that keeps growing.
  appendFileSync(file, (endsWithNewline(file) ? '' : '\n') + reportersYaml(added));
}
