import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyPlaceholderProblems,
  folderDateMessage,
  PHOTO_LIMITS,
  PLACEHOLDER_EMAIL,
  photoFileProblem,
} from '../../src/lib/content-rules.ts';
import {
  FrontmatterSyntaxError,
  readArticleSource,
  yamlLineFinder,
} from '../../src/lib/line-of-field.ts';

describe('folder and date', () => {
  const path = { id: '2025/10/x', year: 2025, month: 10, slug: 'x' };
  it('uses the KST month: 1 November 00:30 KST belongs in 2025/11, not 2025/10', () => {
    expect(folderDateMessage(path, new Date('2025-10-31T15:30:00Z'))).toContain('2025/11/');
    expect(folderDateMessage(path, new Date('2025-10-31T14:59:00Z'))).toBeUndefined();
  });
});

describe('photo files', () => {
  let content: string;
  let article: string;
  beforeAll(async () => {
    content = mkdtempSync(join(tmpdir(), 'photo-rules-'));
    article = join(content, 'articles/2025/11/x');
    mkdirSync(article, { recursive: true });
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
      .jpeg()
      .toFile(join(article, 'ok.jpg'));
    await sharp({
      create: { width: 48, height: PHOTO_LIMITS.maxSide + 1, channels: 3, background: '#468' },
    })
      .png()
      .toFile(join(article, 'tall.png'));
    writeFileSync(join(article, 'huge.jpg'), Buffer.alloc(PHOTO_LIMITS.maxBytes + 1));
    writeFileSync(join(article, 'broken.jpg'), 'not an image');
    writeFileSync(join(article, 'photo.gif'), 'GIF89a');
  });
  afterAll(() => rmSync(content, { recursive: true, force: true }));

  const problem = (src: string) => photoFileProblem(src, article, content);

  it('accepts a small photo beside the article', async () => {
    expect(await problem('./ok.jpg')).toBeUndefined();
  });
  it.each([
    ['./missing.jpg', '사진 파일이 없습니다'],
    ['./huge.jpg', '사진 파일이 너무 큽니다'],
    ['./tall.png', '사진이 너무 큽니다'],
    ['./broken.jpg', '읽을 수 없습니다'],
    ['./photo.gif', "형식 '.gif'"],
    ['https://example.com/a.jpg', '상대 경로'],
    ['/etc/passwd.jpg', '상대 경로'],
    ['../../../../../outside.jpg', 'content 폴더 밖'],
  ])('%s: %s', async (src, message) => {
    expect(await problem(src)).toContain(message);
  });
});

describe('importer placeholders', () => {
  it('finds the body marker and TODO on their file lines', () => {
    const body =
      '   \n\n<!-- 본문을 쓰세요 -->\n\n상인회 TODO 확인\n\n할 일(todo) 목록은 괜찮다.\n';
    expect(bodyPlaceholderProblems(body).map((p) => p.line)).toEqual([3, 5]);
  });
  it('recognises reserved .invalid addresses only', () => {
    expect(PLACEHOLDER_EMAIL.test('new@placeholder.invalid')).toBe(true);
    expect(PLACEHOLDER_EMAIL.test('desk@saebyeok.example')).toBe(false);
    expect(PLACEHOLDER_EMAIL.test('invalid@saebyeok.example')).toBe(false);
  });
});

describe('line of a field', () => {
  const code = [
    '---', // 1
    'headline: 제목', // 2
    'photos:', // 3
    '  - src: ./a.jpg', // 4
    '    credit: 서울시', // 5
    '  - src: ./b.jpg', // 6
    '    alt: ""', // 7
    'reporters: [kim, lee]', // 8
    '---', // 9
    '', // 10
    '본문', // 11
  ].join('\n');
  const source = readArticleSource(code);

  it.each([
    [['headline'], 2],
    [['photos', 0, 'credit'], 5],
    [['photos', 1, 'alt'], 7],
    // A missing field points at its parent entry.
    [['photos', 1, 'credit'], 6],
    [['photos', 0, 'alt'], 4],
    [['reporters', 1], 8],
    [['summary'], 2],
  ])('%j is on line %i', (path, line) => {
    expect(source.lineOf(path)).toBe(line);
  });

  it('keeps body lines equal to file lines and parses values as Astro does', () => {
    expect(source.body.split('\n')[10]).toBe('본문');
    expect(source.bodyStartLine).toBe(10);
    expect(source.frontmatter).toMatchObject({ headline: '제목', reporters: ['kim', 'lee'] });
    // js-yaml, like Astro: an unquoted timestamp becomes a Date.
    const dated = readArticleSource('---\npublishedAt: 2025-11-01T09:00:00+09:00\n---\n');
    expect(dated.frontmatter.publishedAt).toBeInstanceOf(Date);
  });

  it('counts lines after blank lines before the frontmatter', () => {
    expect(readArticleSource('\n---\na: 1\nb: 2\n---\n').lineOf(['b'])).toBe(4);
  });

  it('reports a YAML syntax error with a line in the file', () => {
    expect(() => readArticleSource('---\na: 1\nb: [unclosed\nc: 3\n---\n')).toThrow(
      FrontmatterSyntaxError,
    );
    const error = (() => {
      try {
        readArticleSource('---\na: 1\nb: "x\n---\n');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(FrontmatterSyntaxError);
    expect((error as FrontmatterSyntaxError).line).toBeGreaterThanOrEqual(3);
  });

  it('finds entries in a YAML list file', () => {
    const lineOf = yamlLineFinder('- id: a\n  name: A\n- id: b\n  email: x@y.invalid\n');
    expect(lineOf([1, 'email'])).toBe(4);
    expect(lineOf([0, 'name'])).toBe(2);
  });
});
