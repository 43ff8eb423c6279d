/**
 * Seeded random mutations of the sample articles (frontmatter values, YAML syntax, body
 * images, odd characters, MDX components), each in a content folder of its own, through
 * the checker (`npm run check`'s checkContent) and through what `astro build` runs on the
 * content before it renders a page:
 *
 * 1. src/content.config.ts runs the same checkContent and stops the build on any problem;
 * 2. Astro's glob loader reads each file through article-loader.ts (readingAsChecked, over
 *    Astro's own entry type: its frontmatter parser, js-yaml) ...
 * 3. ... validates the data with the collection's schema (withPhotoSources over image(),
 *    which fails for a photo file that is not there), and
 * 4. renders the body: .md with Astro's render function over the site's processor (as the
 *    Markdown worker does), .mdx compiled by @mdx-js/mdx with the site's remark plugins;
 *    a .md body whose HTML the page would show without text or with an image that has no
 *    src counts as a failure too: nothing throws there, the article is just damaged.
 *
 * The checker and the build agree when every case the checker passes also passes steps 2–4
 * (the build refuses the rest at step 1, with the checker's lines). No case may throw out of
 * the checker, and every problem names a file of the case's folder with a line.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '@mdx-js/mdx';
import type { ContentEntryType } from 'astro';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import { readingAsChecked } from '../../src/data/article-loader.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { listArticleFiles } from '../../src/lib/content-files.ts';
import { articleMarkdownProcessor, remarkPlugins } from '../../src/lib/markdown/index.ts';
import { makeArticleSchema, withPhotoSources } from '../../src/lib/schema.ts';
import { createRandom, type Random } from '../../src/lib/synthetic/prng.ts';
import { CONTENT } from '../helpers/site.ts';

const CASES = 300;
const SEED = 20251103;
const NOW = new Date('2026-01-01T00:00:00Z');

// Not among astro's exports: reached through its package folder, as markdown-worker.ts does.
const { markdownContentEntryType } = (await import(
  new URL(
    'dist/vite-plugin-markdown/content-entry-type.js',
    import.meta.resolve('astro/package.json'),
  ).href
)) as { markdownContentEntryType: ContentEntryType };
const renderMarkdown = await markdownContentEntryType.getRenderFunction!({
  markdown: {
    processor: articleMarkdownProcessor(),
    syntaxHighlight: false,
    shikiConfig: {},
    gfm: true,
    smartypants: false,
  },
  image: { domains: [], remotePatterns: [] },
} as never);

const samples = listArticleFiles(join(CONTENT, 'articles')).files.map((file) => {
  const path = join(CONTENT, 'articles', file.relativePath);
  return { ...file, text: readFileSync(path, 'utf8'), folder: dirname(path) };
});

const nfd = (text: string) => text.normalize('NFD');
const VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  true,
  [],
  {},
  '',
  ' ',
  '가'.repeat(130),
  '../x',
  '.',
  '..',
  'a/b',
  nfd('로봇'),
  '제목\u0000끝',
  '2025-13-45T09:00:00+09:00',
  '2025-11-03T09:30:00',
  '2099-01-01T00:00:00+09:00',
  '<script>alert(1)</script>',
  'sports-x',
  ['nobody'],
];
const TAGS = [
  '../x',
  '.',
  '..',
  '?',
  '#a',
  nfd('로봇'),
  '로봇',
  '',
  ' ',
  'a\\b',
  '%',
  '100%',
  '\u0007벨',
];
const PHOTO_SRCS = [
  './missing.jpg',
  '../../../../../../../etc/passwd.jpg',
  'https://example.com/a.jpg',
  '/abs.jpg',
  './photo-1.placeholder.jpg',
  './photo-1.JPG',
  'photo-1.jpg',
  './photo-1.gif',
  './%zz.jpg',
  '../photo-1.jpg',
];
const BODY_ADDITIONS = [
  '![사진](./photo-1.jpg)',
  '![밖](../../../../../../../etc/x.jpg)',
  '![깨진](./a%zz.jpg)',
  '![웹](https://example.com/a.jpg)',
  '![참조][r]\n\n[r]: ./r.jpg',
  'TODO 확인',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{1 + 1}',
  "import x from 'y'",
  '<Photo n="9" />',
  '<Photo n="1" />',
  '<Video youtube="x" />',
  '<!-- 본문을 쓰세요 -->',
  '\u0000\u0001\u000b',
  nfd('한글 자모로 쓴 문장.'),
];
const FIELDS = [
  'headline',
  'subheadlines',
  'section',
  'publishedAt',
  'updatedAt',
  'dateline',
  'reporters',
  'photos',
  'tags',
  'related',
  'summary',
  'copyright',
];

/** One mutation of an article's frontmatter (as a YAML object) or raw text. */
function mutate(random: Random, text: string): string {
  const end = text.indexOf('\n---', 3);
  const [frontmatter, body] = [text.slice(4, end), text.slice(end + 4)];
  const data = (parseDocument(frontmatter).toJS() ?? {}) as Record<string, unknown>;
  const photos = Array.isArray(data.photos) ? (data.photos as Record<string, unknown>[]) : [];
  const joined = (fm: Record<string, unknown>, rest = body) => `---\n${stringify(fm)}---${rest}`;
  switch (random.int(0, 13)) {
    case 0:
      delete data[random.pick(FIELDS)];
      return joined(data);
    case 1:
      data[random.pick(FIELDS)] = random.pick(VALUES);
      return joined(data);
    case 2:
      data.tags = random.sample(TAGS, random.int(1, 3));
      return joined(data);
    case 3:
      if (photos.length > 0) random.pick(photos).src = random.pick(PHOTO_SRCS);
      else
        data.photos = [
          { src: random.pick(PHOTO_SRCS), alt: '설명', caption: '캡션', credit: '출처' },
        ];
      return joined(data);
    case 4:
      if (photos.length > 0) {
        const photo = random.pick(photos);
        const key = random.pick(['alt', 'caption', 'credit', 'afterParagraph', 'creditKind']);
        if (random.chance(0.5)) delete photo[key];
        else photo[key] = random.pick([-1, 999, 'x', '', 'staff', null]);
      }
      return joined(data);
    case 5:
      data[random.pick(['writer', 'Headline', 'slug', 'draft'])] = '값';
      return joined(data);
    case 6: {
      // YAML that is not YAML, or that YAML reads otherwise.
      const broken = random.pick([
        'headline: [닫지 않은 괄호',
        '\theadline: 탭 들여쓰기',
        'headline: 두 번\nheadline: 또',
        'publishedAt: 2025-11-03T09:30:00+09:00',
        'tags: &t [가, 나]\nsubheadlines: *t',
        'headline: "따옴표가 안 닫힘',
        'a: b: c',
      ]);
      const lines = frontmatter.split('\n');
      lines.splice(random.int(0, lines.length), random.int(0, 1), broken);
      return `---\n${lines.join('\n')}\n---${body}`;
    }
    case 7:
      return random.chance(0.5)
        ? `---\n${frontmatter}\n---\n\n`
        : `---\n${frontmatter}\n---\n\n<!-- 메모 -->\n`;
    case 8: {
      const paragraphs = body.split('\n\n');
      paragraphs.splice(random.int(1, paragraphs.length), 0, random.pick(BODY_ADDITIONS));
      return `---\n${frontmatter}\n---${paragraphs.join('\n\n')}`;
    }
    case 9:
      return body.includes('<Photo') ? text.replace(/<Photo n="\d+" \/>/, '') : text;
    case 10: {
      const at = random.int(0, text.length);
      return (
        text.slice(0, at) +
        random.pick(['\u0000', '\u0001', '\u001f', '\u000b', '\r']) +
        text.slice(at)
      );
    }
    case 11:
      return random.chance(0.5) ? nfd(text) : text.replaceAll('\n', '\r\n');
    case 12:
      return text.replace(/\n---\n/, random.pick(['\n', '\n--\n', '\n---']));
    default:
      data.headline = random.pick(VALUES);
      data.tags = random.sample(TAGS, 2);
      return joined(data, `${body}\n\n${random.pick(BODY_ADDITIONS)}\n`);
  }
}

/** Steps 2–4 of the file comment for one article; throws what the build would. */
async function buildSide(contentDir: string, file: { relativePath: string }) {
  const base = join(contentDir, 'articles');
  const path = join(base, file.relativePath);
  const extension = path.endsWith('.mdx') ? '.mdx' : '.md';
  // @astrojs/mdx's entry type reads the frontmatter with the same safeParseFrontmatter.
  const types = readingAsChecked(new Map([[extension, markdownContentEntryType]]), base);
  const fileUrl = pathToFileURL(path);
  const { data, body } = await types.get(extension)!.getEntryInfo({
    contents: readFileSync(path, 'utf8'),
    fileUrl,
  });
  // image(): Astro resolves the path from the entry's file and fails when nothing is there.
  const image = z
    .string()
    .refine((src) => statSync(resolve(dirname(path), src), { throwIfNoEntry: false })?.isFile(), {
      error: 'ImageNotFound',
    });
  const schema = withPhotoSources(
    makeArticleSchema({ ...contexts.get(contentDir)!, photoSrc: z.string() }),
    image,
  );
  const parsed = await schema.safeParseAsync(data);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  if (extension === '.md') {
    const rendered = await renderMarkdown({ id: file.relativePath, data, body, filePath: path });
    // What the article page shows as it is (src/pages/articles/[...id].astro): an image
    // Astro left for its image pipeline has no src there, and an empty body is no article.
    const html = rendered.html ?? '';
    if (html.includes('__ASTRO_IMAGE_')) throw new Error(`${path}: 본문 사진이 src 없이 남음`);
    if (html.replace(/<[^>]*>/g, '').trim() === '') throw new Error(`${path}: 빈 본문`);
  } else {
    const vfile = new VFile({ value: body, path, data: { astro: { frontmatter: data } } });
    await compile(vfile, { remarkPlugins });
  }
}

/** What content.config.ts builds the collection's schema from: the checker's context. */
const contexts = new Map<string, Awaited<ReturnType<typeof checkContent>>['context']>();

const root = mkdtempSync(join(tmpdir(), 'content-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder with the sample lists and one mutated article (with its photos). */
function writeCase(index: number, sample: (typeof samples)[number], text: string) {
  const dir = join(root, String(index));
  const target = join(dir, 'articles', sample.relativePath);
  mkdirSync(dirname(target), { recursive: true });
  for (const name of ['sections.yaml', 'reporters.yaml'])
    copyFileSync(join(CONTENT, name), join(dir, name));
  if (sample.relativePath.includes('/index.')) {
    for (const name of readdirSync(sample.folder)) {
      if (!/\.mdx?$/.test(name))
        copyFileSync(join(sample.folder, name), join(dirname(target), name));
    }
  }
  // `related` names other sample articles, which the case's folder does not hold.
  writeFileSync(target, text.replace(/^related: .*\n/m, ''));
  return dir;
}

describe('checker and build on mutated articles', () => {
  it(`agree on ${CASES} seeded cases, and every problem names a file and line`, async () => {
    const random = createRandom(SEED);
    const outcomes = { refused: 0, passed: 0 };
    const disagreements: string[] = [];
    for (let index = 0; index < CASES; index++) {
      const sample = random.pick(samples);
      let text = sample.text;
      for (let n = random.int(1, 2); n > 0; n--) text = mutate(random, text);
      const dir = writeCase(index, sample, text);
      const { problems, context } = await checkContent(dir, { now: NOW, displayRoot: dir });
      contexts.set(dir, context);
      for (const problem of problems) {
        expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
        expect(problem.file.startsWith('..'), JSON.stringify(problem)).toBe(false);
        expect(problem.message.length).toBeGreaterThan(0);
      }
      const files = listArticleFiles(join(dir, 'articles')).files;
      if (problems.length > 0) {
        outcomes.refused++;
      } else {
        outcomes.passed++;
        for (const file of files) {
          await buildSide(dir, file).catch((error: Error) => {
            disagreements.push(`case ${index} (${sample.relativePath}): ${error.message}\n${text}`);
          });
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
    expect(disagreements).toEqual([]);
    // Both kinds of case are well represented, or the test says little.
    expect(outcomes.refused).toBeGreaterThan(CASES / 4);
    expect(outcomes.passed).toBeGreaterThan(CASES / 10);
  }, 120_000);
});
