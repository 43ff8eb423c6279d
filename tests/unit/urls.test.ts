import { describe, expect, it } from 'vitest';
import { absoluteUrl, parseArticlePath, urls } from '../../src/lib/urls.ts';

describe('parseArticlePath', () => {
  it('gives the same id to a single file and a folder with index.md', () => {
    expect(parseArticlePath('2025/11/robot-center.md')).toEqual({
      id: '2025/11/robot-center',
      year: 2025,
      month: 11,
      slug: 'robot-center',
    });
    expect(parseArticlePath('2025/11/robot-center/index.md')).toMatchObject({
      id: '2025/11/robot-center',
    });
    expect(parseArticlePath('2024/01/fact-box.mdx')).toMatchObject({ id: '2024/01/fact-box' });
  });

  it.each([
    ['2025/13/x.md', '01~12'],
    ['2025/1/x.md', '연도4자리'],
    ['2025/11/로봇.md', '영문 소문자'],
    ['2025/11/Robot_Center.md', '영문 소문자'],
    ['robot.md', '연도4자리'],
  ])('explains why %s is not a valid article path', (path, reason) => {
    const result = parseArticlePath(path);
    expect(typeof result).toBe('string');
    expect(result).toContain(reason);
  });
});

describe('urls', () => {
  it('builds readable, trailing-slash URLs', () => {
    expect(urls.article('2025/11/robot-center')).toBe('/articles/2025/11/robot-center/');
    expect(urls.section('economy')).toBe('/sections/economy/');
    expect(urls.section('economy', 3)).toBe('/sections/economy/3/');
    expect(urls.reporter('kim-hayoon', 2)).toBe('/reporters/kim-hayoon/2/');
    expect(urls.archive()).toBe('/archive/');
    expect(urls.archive(2025, 3)).toBe('/archive/2025/03/');
    expect(urls.archive(2025, 3, 7)).toBe('/archive/2025/03/07/');
    expect(urls.archive(2025, 3, undefined, 2)).toBe('/archive/2025/03/page/2/');
    expect(urls.feed()).toBe('/rss.xml');
    expect(urls.feed('economy')).toBe('/sections/economy/rss.xml');
  });

  it('percent-encodes Korean tags and search queries', () => {
    expect(urls.tag('반도체')).toBe('/tags/%EB%B0%98%EB%8F%84%EC%B2%B4/');
    expect(urls.search('서울 로봇')).toBe('/search/?q=%EC%84%9C%EC%9A%B8%20%EB%A1%9C%EB%B4%87');
  });

  it('makes absolute URLs with or without a trailing slash on the site', () => {
    expect(absoluteUrl('/articles/a/', 'https://example.kr')).toBe(
      'https://example.kr/articles/a/',
    );
    expect(absoluteUrl('/articles/a/', 'https://example.kr/')).toBe(
      'https://example.kr/articles/a/',
    );
  });
});
