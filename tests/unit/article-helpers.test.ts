import { describe, expect, it } from 'vitest';
import { formatCredit } from '../../src/lib/credit.ts';
import { leadPhotoAfterFirstParagraph } from '../../src/lib/lead-photo.ts';
import { otherArticlesBy } from '../../src/lib/reporter-articles.ts';

describe('formatCredit', () => {
  it('prints the three kinds of credit', () => {
    expect(formatCredit('서울시', 'provided')).toBe('사진 제공=서울시');
    expect(formatCredit('홍길동 기자', 'staff')).toBe('사진=홍길동 기자');
    expect(formatCredit('연합뉴스', 'agency')).toBe('연합뉴스');
  });
});

describe('leadPhotoAfterFirstParagraph', () => {
  it('moves a photo above the body to after the first paragraph', () => {
    const chunks = [
      { html: '', photo: 0 },
      { html: '<p class="x">첫 문단</p>\n<p>둘째</p>', photo: 1 },
      { html: '<p>셋째</p>' },
    ];
    expect(leadPhotoAfterFirstParagraph(chunks)).toEqual([
      { html: '<p class="x">첫 문단</p>', photo: 0 },
      { html: '\n<p>둘째</p>', photo: 1 },
      { html: '<p>셋째</p>' },
    ]);
  });
  it('leaves a body that opens with something else, or a photo already in the text', () => {
    const quote = [{ html: '', photo: 0 }, { html: '<blockquote><p>인용</p></blockquote>' }];
    expect(leadPhotoAfterFirstParagraph(quote)).toEqual(quote);
    const inText = [{ html: '<p>첫 문단</p>', photo: 0 }, { html: '<p>둘째</p>' }];
    expect(leadPhotoAfterFirstParagraph(inText)).toEqual(inText);
    expect(leadPhotoAfterFirstParagraph([{ html: '<p>사진 없음</p>' }])).toEqual([
      { html: '<p>사진 없음</p>' },
    ]);
  });
});

describe('otherArticlesBy', () => {
  const list = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  it('takes the newest few other than the current article', () => {
    expect(otherArticlesBy(list, 'b').map((a) => a.id)).toEqual(['a', 'c', 'd']);
    expect(otherArticlesBy(list, 'z', 2).map((a) => a.id)).toEqual(['a', 'b']);
    expect(otherArticlesBy([{ id: 'a' }], 'a')).toEqual([]);
    expect(otherArticlesBy(undefined, 'a')).toEqual([]);
  });
});
