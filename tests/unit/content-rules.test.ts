import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingAsChecked } from '../../src/data/article-loader.ts';
import { cleanText } from '../../src/lib/clean-text.ts';
import {
  ContentError,
  isLinkedBelow,
  listArticleFiles,
  parseContentYaml,
  SYMLINK_MESSAGE,
} from '../../src/lib/content-files.ts';
import { parseBody } from '../../src/lib/markdown/mdx-guard.ts';
import {
  bodyImageProblem,
  bodyImages,
  bodyPlaceholderProblems,
  isBodyEmpty,
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

describe('content read from untrusted files', () => {
  it('is NFC, without control characters, with LF line ends', () => {
    const text = `${'로봇'.normalize('NFD')}\u0000\t태\u0007그\r\n둘째\r셋째\u000b\uffff`;
    expect(cleanText(text)).toBe('로봇\t태그\n둘째\n셋째');
    expect(cleanText(text)).toBe(cleanText(cleanText(text)));
  });

  it('reads the lists with a line for syntax errors and a limit on aliases', () => {
    const fail = (text: string) => {
      try {
        parseContentYaml(text, 'content/sections.yaml');
      } catch (error) {
        return error as ContentError;
      }
      throw new Error('parsed');
    };
    expect(fail('- id: a\n  name: [A\n- id: b\n')).toMatchObject({
      file: 'content/sections.yaml',
      field: '(yaml)',
      line: 3,
    });
    const bomb = ['a: &a [x, x, x]', ...[1, 2, 3].map((n) => `b${n}: &a${n} [*a, *a, *a]`)];
    expect(
      fail(bomb.join('\n').replaceAll('*a,', `*a,`) + '\nc: [' + '*a1, '.repeat(20) + '*a1]')
        .message,
    ).toContain('YAML 별칭(*이름)이 너무 많습니다');
    expect(parseContentYaml('- id: a\n  name: "A\u0001"\n', 'x')).toEqual([{ id: 'a', name: 'A' }]);
  });

  describe('in the articles folder', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'article-files-'));
      mkdirSync(join(dir, '2025/11/folder'), { recursive: true });
      writeFileSync(join(dir, '2025/11/ok.md'), 'x');
      writeFileSync(join(dir, '2025/11/upper.MD'), 'x');
      writeFileSync(join(dir, '2025/11/long.markdown'), 'x');
      writeFileSync(join(dir, '2025/11/notes.txt'), 'x');
      symlinkSync(join(dir, '2025/11/ok.md'), join(dir, '2025/11/link.md'));
      symlinkSync(tmpdir(), join(dir, '2025/10'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('lists real .md files and refuses links and other Markdown extensions', () => {
      const { files, errors } = listArticleFiles(dir);
      expect(files.map((f) => f.id)).toEqual(['2025/11/ok']);
      expect(errors.map((e) => [e.file, e.message.includes('심볼릭 링크')])).toEqual(
        [
          ['content/articles/2025/10', true],
          ['content/articles/2025/11/link.md', true],
          ['content/articles/2025/11/long.markdown', false],
          ['content/articles/2025/11/upper.MD', false],
        ].sort(),
      );
      expect(isLinkedBelow(dir, join(dir, '2025/11/link.md'))).toBe(true);
      expect(isLinkedBelow(dir, join(dir, '2025/11/ok.md'))).toBe(false);
    });

    it('makes the build loader refuse a linked file and clean what it reads', async () => {
      const seen: string[] = [];
      const type = {
        getEntryInfo: ({ contents }: { contents: string }) => {
          seen.push(contents);
          return { data: {}, body: contents, slug: '', rawData: '' };
        },
      };
      const guarded = readingAsChecked(new Map([['.md', type as never]]), dir).get('.md')!;
      const read = (name: string, contents: string) =>
        guarded.getEntryInfo({ contents, fileUrl: pathToFileURL(join(dir, name)) });
      await read('2025/11/ok.md', `${'한글'.normalize('NFD')}\u0001`);
      expect(seen).toEqual(['한글']);
      expect(() => read('2025/11/link.md', 'x')).toThrow(
        `content/articles/2025/11/link.md:1: (path): ${SYMLINK_MESSAGE}`,
      );
    });
  });
});

describe('body images and empty bodies', () => {
  const article = '/repo/content/articles/2025/11/x';
  const problem = (url: string) => bodyImageProblem(url, article, '/repo/content');
  it.each([
    ['./a%zz.jpg', '% 표기가 잘못되었습니다'],
    ['../../../../../etc/x.jpg', 'content 폴더 밖을 가리킵니다'],
    ['./photo-1.jpg', '게시되지 않습니다'],
    ['../y/photo.jpg', '게시되지 않습니다'],
  ])('%s: %s', (url, message) => {
    expect(problem(url)).toContain(message);
  });
  it('leaves web addresses and the site’s own to the sanitizer', () => {
    expect(problem('https://example.com/a.jpg')).toBeUndefined();
    expect(problem('/favicon.svg')).toBeUndefined();
  });
  it('finds inline and reference images at their lines', () => {
    const tree = parseBody('문단\n\n![a](./a.jpg)\n\n![b][r]\n\n[r]: ./r.jpg\n', 'md');
    expect(bodyImages(tree)).toEqual([
      { url: './a.jpg', line: 3 },
      { url: './r.jpg', line: 5 },
    ]);
  });
  it('calls a body empty when nothing readable is left after sanitizing', () => {
    expect(isBodyEmpty('\n  \n<!-- 메모 -->\n')).toBe(true);
    expect(isBodyEmpty('<script>alert("글")</script>\n<Photo n="1" />')).toBe(true);
    expect(isBodyEmpty('<div>남는 글</div>')).toBe(false);
    expect(isBodyEmpty('한 문장.')).toBe(false);
  });
});
