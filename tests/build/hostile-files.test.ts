/**
 * An editor's pull request must not be able to publish files of the machine that builds it.
 * This builds a content folder whose articles, folder and photo are symbolic links to files
 * outside the repository (made here, with a unique marker), and whose Markdown and MDX
 * bodies point images out of content/: `npm run check` and the real build refuse every one,
 * naming file, line and field, and no byte of the outside files appears in the output.
 */
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYMLINK_MESSAGE } from '../../src/lib/content-files.ts';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { runScript } from '../helpers/cli.ts';
import { ROOT } from '../helpers/site.ts';

const MARKER = `OUTSIDE-${randomUUID()}`;
const outside = mkdtempSync(join(tmpdir(), 'outside-repo-'));
const work = buildWorkDir('hostile-files');
const content = join(work, 'content');
const articles = join(content, 'articles');
let secretPhoto: Buffer;

const frontmatter = (headline: string, date: string, extra = '') =>
  `---\nheadline: ${headline}\nsection: economy\npublishedAt: "${date}T09:00:00+09:00"\nreporters: [kim-hayoon]\n${extra}---\n\n`;

beforeAll(async () => {
  // Outside the repository: an article, a month folder with one, and a photo, each marked.
  writeFileSync(join(outside, 'secret.md'), frontmatter(MARKER, '2025-11-05') + `${MARKER}\n`);
  mkdirSync(join(outside, 'month'));
  writeFileSync(join(outside, 'month', 'leak.md'), frontmatter(MARKER, '2025-09-05') + MARKER);
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a52' } })
    .jpeg()
    .toBuffer();
  // The marker after the JPEG's end: a copy of the file carries it, a re-encoded one not.
  secretPhoto = Buffer.concat([jpeg, Buffer.from(MARKER)]);
  writeFileSync(join(outside, 'secret.jpg'), secretPhoto);

  cpSync(join(ROOT, 'fixtures/good-content'), content, { recursive: true });
  symlinkSync(join(outside, 'secret.md'), join(articles, '2025/11/linked-file.md'));
  symlinkSync(join(outside, 'month'), join(articles, '2025/09'));
  const photoArticle = join(articles, '2025/11/linked-photo');
  mkdirSync(photoArticle);
  symlinkSync(join(outside, 'secret.jpg'), join(photoArticle, 'photo-1.jpg'));
  const photo =
    'photos:\n  - src: ./photo-1.jpg\n    alt: 시장 전경\n    caption: 시장 전경.\n    credit: 상인회\n';
  writeFileSync(
    join(photoArticle, 'index.md'),
    frontmatter('링크된 사진', '2025-11-04', photo) + '본문 문단.\n',
  );
  const climb = (from: string) => relative(from, join(outside, 'secret.jpg'));
  writeFileSync(
    join(articles, '2025/11/body-climb.md'),
    frontmatter('본문 사진이 밖으로', '2025-11-04') +
      `첫 문단.\n\n![바깥 사진](${climb(join(articles, '2025/11'))})\n`,
  );
  mkdirSync(join(articles, '2025/11/mdx-climb'));
  writeFileSync(
    join(articles, '2025/11/mdx-climb/index.mdx'),
    frontmatter('MDX 본문 사진이 밖으로', '2025-11-04') +
      `첫 문단.\n\n![바깥 사진](${climb(join(articles, '2025/11/mdx-climb'))})\n`,
  );
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** Every line both commands must print, with paths as seen from the project folder. */
function expectedLines() {
  const file = (path: string) => relative(ROOT, join(articles, path));
  const outsideBody = `(body): 본문 사진이 content 폴더 밖을 가리킵니다:`;
  return [
    `${file('2025/09')}:1: (path): ${SYMLINK_MESSAGE}`,
    `${file('2025/11/linked-file.md')}:1: (path): ${SYMLINK_MESSAGE}`,
    // A linked photo is a link in the folder listing and in the article's photos.
    `${file('2025/11/linked-photo/photo-1.jpg')}:1: (path): ${SYMLINK_MESSAGE}`,
    `${file('2025/11/linked-photo/index.md')}:7: photos.0.src: 사진 파일이 심볼릭 링크이거나 링크된 폴더 안에 있습니다: './photo-1.jpg' (링크가 아닌 실제 파일을 넣으세요)`,
    `${file('2025/11/body-climb.md')}:10: ${outsideBody}`,
    `${file('2025/11/mdx-climb/index.mdx')}:10: ${outsideBody}`,
  ];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('files from outside the repository', () => {
  it('npm run check refuses every link and every climbing body image', async () => {
    const { code, out } = await runScript('scripts/check-content.ts', relative(ROOT, content));
    expect(code).toBe(1);
    for (const line of expectedLines()) expect(out, out).toContain(line);
    // The linked month's article is not listed, so never read: six articles of the folder's own.
    expect(out).toContain('기사 6건 검사: 파일 6개에서 문제 6건');
    expect(out).not.toContain(MARKER);
  });

  it('the build refuses them before Astro reads a linked file, and publishes none', async () => {
    const output = await buildSite(work, relative(ROOT, content)).then(
      () => 'built',
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
    for (const line of expectedLines()) expect(output, output).toContain(line);
    // Nothing anywhere in what the build wrote carries the outside files' bytes.
    const written = [...filesUnder(join(work, 'dist')), ...filesUnder(join(work, 'cache'))];
    for (const path of written) {
      const bytes = readFileSync(path);
      expect(bytes.includes(MARKER), path).toBe(false);
      expect(bytes.equals(secretPhoto), path).toBe(false);
    }
    expect(existsSync(join(work, 'dist', 'index.html'))).toBe(false);
  });
});
