import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../../src/lib/line-of-field.ts';
import {
  checkMdxBody,
  isSafeLinkUrl,
  remarkMdxGuard,
  unplacedPhotoMessage,
} from '../../src/lib/markdown/mdx-guard.ts';

const HOSTILE = 'fixtures/hostile/mdx';
/** The lines each fixture's payloads are on, written down by hand next to the fixtures. */
const expectedLines: Record<string, number[]> = JSON.parse(
  readFileSync(join(HOSTILE, 'expected-lines.json'), 'utf8'),
);
const fixtures = readdirSync(HOSTILE).filter((name) => name.endsWith('.mdx'));
const GOOD = 'fixtures/good-content/articles/2025/11/market-factbox/index.mdx';

function body(path: string) {
  const source = readArticleSource(readFileSync(path, 'utf8'));
  const photos = source.frontmatter.photos;
  return { ...source, photoCount: Array.isArray(photos) ? photos.length : 0 };
}

describe('MDX guard (checker side)', () => {
  it('has an expected line list for every hostile fixture', () => {
    expect(Object.keys(expectedLines).sort()).toEqual([...fixtures].sort());
  });

  it.each(fixtures)('%s is rejected on the payload lines', (name) => {
    const { body: text, photoCount } = body(join(HOSTILE, name));
    const violations = checkMdxBody(text, photoCount);
    expect(violations.length).toBeGreaterThan(0);
    expect([...new Set(violations.map((v) => v.line))]).toEqual(expectedLines[name]);
    const source = readFileSync(join(HOSTILE, name), 'utf8').split('\n');
    // The reported line is where the payload is, not the frontmatter or a blank line.
    for (const v of violations) expect(source[v.line - 1].trim()).not.toBe('');
  });

  it('says why in Korean', () => {
    const [esm] = checkMdxBody(body(join(HOSTILE, 'import.mdx')).body);
    expect(esm.message).toContain('import/export');
    const [expression] = checkMdxBody(body(join(HOSTILE, 'flow-expression.mdx')).body);
    expect(expression.message).toContain('중괄호');
    const [element] = checkMdxBody(body(join(HOSTILE, 'script-element.mdx')).body);
    expect(element.message).toMatch(/<script>.*Photo, FactBox, Video/);
  });

  it('accepts the article components with plain attributes, Markdown and escaped braces', () => {
    const { body: text, photoCount } = body(GOOD);
    expect(checkMdxBody(text, photoCount)).toEqual([]);
  });

  it('checks component attributes', () => {
    const lines = (mdx: string, photos = 2) => checkMdxBody(mdx, photos).map((v) => v.message);
    expect(lines('<Photo n="3" />')[0]).toContain('3번째 사진이 없습니다');
    expect(lines('<Photo n="0" />')[0]).toContain('1 이상의 숫자');
    expect(lines('<Photo />')[0]).toContain('n 속성을 쓰세요');
    expect(lines('<Video youtube="aqz-KE-bpKQ" />')[0]).toContain('title 속성을 쓰세요');
    expect(lines('<FactBox title="사실">글</FactBox>', 0)).toEqual([]);
  });

  it('refuses frontmatter photos the body never places, naming each', () => {
    const violations = checkMdxBody('<Photo n="1" />\n\n문단.\n', 3);
    expect(violations).toEqual([
      { line: 1, photo: 2, message: unplacedPhotoMessage(2) },
      { line: 1, photo: 3, message: unplacedPhotoMessage(3) },
    ]);
    expect(unplacedPhotoMessage(2)).toBe(
      '사진 2번이 본문에 없습니다: 넣을 자리에 <Photo n="2" />를 쓰세요 (MDX 기사는 머리말 photos의 사진을 직접 배치합니다)',
    );
    expect(checkMdxBody('<Photo n="2" />\n\n<Photo n="1" />\n', 2)).toEqual([]);
  });

  it('reports an MDX syntax error at its line instead of throwing', () => {
    const [error] = checkMdxBody('첫 줄\n\n둘째 줄 <잘못\n');
    expect(error.line).toBe(3);
    expect(error.message).toContain('MDX 문법 오류');
  });

  it.each([
    ['https://example.com/a', true],
    ['/articles/2025/11/x/', true],
    ['#note', true],
    ['mailto:desk@example.com', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' \u0001javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
  ])('isSafeLinkUrl(%j) is %s', (url, safe) => {
    expect(isSafeLinkUrl(url)).toBe(safe);
  });
});

describe('MDX guard (build side: remark plugin)', () => {
  const compileMdx = (path: string) => {
    const { body: text, frontmatter } = body(path);
    return compile(
      { value: text, path, data: { astro: { frontmatter } } },
      { remarkPlugins: [remarkMdxGuard] },
    );
  };

  it.each(fixtures)('%s fails to compile with the checker message and line', async (name) => {
    const path = join(HOSTILE, name);
    const expected = checkMdxBody(body(path).body, body(path).photoCount)[0];
    await expect(compileMdx(path)).rejects.toThrow(
      `${path}:${expected.line}: (body): ${expected.message}`,
    );
  });

  it('compiles a good article', async () => {
    await expect(compileMdx(GOOD)).resolves.toBeDefined();
  });

  it('ignores .md files (the sanitizer handles their HTML)', async () => {
    const file = { value: '{1 + 1} <Evil />', path: 'article.md' };
    await expect(
      compile(file, { format: 'mdx', remarkPlugins: [remarkMdxGuard] }),
    ).resolves.toBeDefined();
    await expect(
      compile({ ...file, path: 'article.mdx' }, { format: 'mdx', remarkPlugins: [remarkMdxGuard] }),
    ).rejects.toThrow('중괄호');
  });
});
