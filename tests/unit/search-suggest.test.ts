import { describe, expect, it } from 'vitest';
import { buildSearchRecord } from '../../src/lib/search/record.ts';
import { countWords, nearestWords, suggestionWords } from '../../src/lib/search/suggest.ts';

const record = (headline: string, reporters: string[], sectionName: string) =>
  buildSearchRecord({
    id: headline,
    url: `/articles/${headline}/`,
    headline,
    subheadlines: [],
    paragraphs: ['본문'],
    sectionName,
    published: '2025-01-01T09:00:00+09:00',
    publishedDate: '2025-01-01',
    reporters,
  });

describe('suggestionWords', () => {
  it('lists headline words without particles, reporters and sections, most frequent first', () => {
    const counts = new Map<string, number>();
    countWords(record('춘천 닭갈비 골목에 손님', ['최유나'], '사회'), counts);
    countWords(record('닭갈비 축제가 열린다', ['최유나'], '사회'), counts);
    const words = suggestionWords(counts);
    expect(words.slice(0, 3)).toEqual(['닭갈비', '사회', '최유나']);
    expect(words).toContain('골목');
    expect(words).not.toContain('골목에');
  });
});

describe('nearestWords', () => {
  const words = ['닭갈비', '갈비', '집값', '서울', '서울시'];
  it('finds the word one jamo away, nearest first', () => {
    expect(nearestWords('닥갈비', words)).toEqual(['닭갈비']);
    expect(nearestWords('집갑', words)).toEqual(['집값']);
    expect(nearestWords('서올', words)).toEqual(['서울']);
  });
  it('suggests nothing far off, nor the word itself', () => {
    expect(nearestWords('비트코인', words)).toEqual([]);
    expect(nearestWords('서울', words)).toEqual([]);
  });
});
