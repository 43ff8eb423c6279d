import { describe, expect, it } from 'vitest';
import {
  excerptFromMarkdown,
  markdownToPlainText,
  openingParagraph,
  truncate,
} from '../../src/lib/excerpt.ts';

describe('excerpts', () => {
  it('strips Markdown and HTML from the first real paragraph', () => {
    const body =
      '<Photo n="1" />\n\n**"혁신은 속도"**라고 [김 대표](https://a.kr)가 말했다.\n\n둘째 문단';
    expect(excerptFromMarkdown(body)).toBe('"혁신은 속도"라고 김 대표가 말했다.');
  });

  it('cuts an excerpt from the opening paragraph alone, as from the whole body', () => {
    const body =
      '<Photo n="1" />\n\n> 인용문\n\n## 소제목\n\n첫 문단은 **여기서** 시작해\n다음 줄로 이어진다.\n\n둘째 문단';
    const opening = openingParagraph(body);
    expect(opening).toBe('첫 문단은 **여기서** 시작해\n다음 줄로 이어진다.');
    expect(excerptFromMarkdown(opening)).toBe(excerptFromMarkdown(body));
    expect(openingParagraph('<Photo n="1" />')).toBe('');
  });

  it('keeps the spaces between Korean words', () => {
    expect(markdownToPlainText('서울시는  *오늘*\n발표했다')).toBe('서울시는 오늘 발표했다');
  });

  it('cuts at a word boundary and marks the cut', () => {
    const text = '서울시가 올해 하반기부터 로봇 혁신센터를 열고 창업 기업을 지원한다';
    const cut = truncate(text, 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(' ')).toBe(false);
    expect(truncate('짧은 글', 20)).toBe('짧은 글');
  });
});
