import { describe, expect, it } from 'vitest';
import { tagInitial, tagsByInitial, topTags } from '../../src/lib/tag-index.ts';

describe('tag index', () => {
  it('groups a tag by its first initial consonant, double consonants with the plain one', () => {
    expect(tagInitial('반도체')).toBe('ㅂ');
    expect(tagInitial('쌀값')).toBe('ㅅ');
    expect(tagInitial('까치')).toBe('ㄱ');
    expect(tagInitial('AI반도체')).toBe('abc');
    expect(tagInitial('5G')).toBe('기타');
  });
  it('orders the top tags by use, then in dictionary order, and keeps only the limit', () => {
    const tags = [
      { tag: '환율', count: 3 },
      { tag: '가뭄', count: 3 },
      { tag: '선거', count: 9 },
      { tag: '날씨', count: 1 },
    ];
    expect(topTags(tags, 3).map((t) => t.tag)).toEqual(['선거', '가뭄', '환율']);
  });
  it('lists the initials in reading order, each with its tags in dictionary order', () => {
    const groups = tagsByInitial(
      ['환율', 'AI', '가뭄', '감귤', '씨름', '서울'].map((tag) => ({ tag, count: 1 })),
    );
    expect([...groups.keys()]).toEqual(['ㄱ', 'ㅅ', 'ㅎ', 'abc']);
    expect(groups.get('ㄱ')!.map((t) => t.tag)).toEqual(['가뭄', '감귤']);
    expect(groups.get('ㅅ')!.map((t) => t.tag)).toEqual(['서울', '씨름']);
  });
});
