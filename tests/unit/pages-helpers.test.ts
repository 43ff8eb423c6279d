import { describe, expect, it } from 'vitest';
import { formatCredit } from '../../src/lib/credit.ts';
import { splitOnPhotoSlots } from '../../src/lib/markdown/photo-slots.ts';
import { paginate, pageParam } from '../../src/lib/pagination.ts';
import { placePhotos } from '../../src/lib/photo-placement.ts';
import { newsArticleJsonLd } from '../../src/lib/structured-data.ts';

describe('paginate', () => {
  it('splits into pages of the given size, keeping order', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.every((p) => p.pageCount === 3)).toBe(true);
    expect(paginate([], 20)).toEqual([{ page: 1, pageCount: 1, items: [] }]);
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
  });
});

describe('photo placement', () => {
  it('uses afterParagraph, leads with the first photo and spreads the rest', () => {
    expect(placePhotos([undefined, undefined, undefined], 6)).toEqual([0, 2, 4]);
    expect(placePhotos([0, 3, undefined], 6)).toEqual([0, 3, 3]);
    expect(placePhotos([2], 6)).toEqual([2]);
  });
  it('never drops a photo placed past the end', () => {
    expect(placePhotos([0, 99], 4)).toEqual([0, 4]);
  });
  it('splits rendered HTML on photo slots', () => {
    expect(splitOnPhotoSlots('<!--photo:0--><p>a</p><!--photo:1--><p>b</p>')).toEqual([
      { html: '', photo: 0 },
      { html: '<p>a</p>', photo: 1 },
      { html: '<p>b</p>', photo: undefined },
    ]);
  });
});

describe('photo credits', () => {
  it('prints credits the way Korean papers do', () => {
    expect(formatCredit('서울시', 'provided')).toBe('사진 제공=서울시');
    expect(formatCredit('김하윤 기자', 'staff')).toBe('사진=김하윤 기자');
    expect(formatCredit('연합뉴스', 'agency')).toBe('연합뉴스');
  });
});

describe('NewsArticle JSON-LD', () => {
  it('carries KST dates with offset, authors, section and publisher', () => {
    const data = newsArticleJsonLd({
      url: 'https://x.kr/articles/a/',
      headline: '제목',
      description: '요약',
      images: ['https://x.kr/a.jpg'],
      publishedAt: new Date('2025-11-01T00:30:00Z'),
      authors: [{ name: '김하윤', url: 'https://x.kr/reporters/kim/' }],
      section: '경제',
      tags: ['로봇'],
      publisher: '새벽일보',
      site: 'https://x.kr',
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2025-11-01T09:30:00+09:00',
      dateModified: '2025-11-01T09:30:00+09:00',
      articleSection: '경제',
      author: [{ '@type': 'Person', name: '김하윤' }],
      publisher: { '@type': 'Organization', name: '새벽일보' },
    });
  });
});
