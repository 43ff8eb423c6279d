import { describe, expect, it } from 'vitest';
import { buildSearchRecord } from '../../src/lib/search/record.ts';
import {
  completions,
  countWords,
  nearestWords,
  suggestionWords,
} from '../../src/lib/search/suggest.ts';

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

describe('completions', () => {
  const words = ['김하윤', '경제', '김하늘', '닭갈비', '반도체'];
  it('lists the words that start with what is typed, a syllable being typed included', () => {
    expect(completions('김하', words)).toEqual(['김하윤', '김하늘']);
    expect(completions('김ㅎ', words)).toEqual(['김하윤', '김하늘']);
    expect(completions('반도ㅊ', words)).toEqual(['반도체']);
    expect(completions('닭', words)).toEqual(['닭갈비']);
  });
  it('matches initials typed alone, from two on', () => {
    expect(completions('ㄱㅎㅇ', words)).toEqual(['김하윤']);
    expect(completions('ㄱ', words)).toEqual([]);
  });
  it('leaves out the typed word itself and what does not start with it', () => {
    expect(completions('경제', words)).toEqual([]);
    expect(completions('하윤', words)).toEqual([]);
  });
});
