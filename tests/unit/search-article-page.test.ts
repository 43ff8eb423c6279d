import { describe, expect, it } from 'vitest';
import { readArticlePage } from '../../src/lib/search/article-page.ts';
import { buildSearchRecord } from '../../src/lib/search/record.ts';

const PAGE = `<!doctype html><html lang="ko"><body>
<nav><a href="/">경제</a> 메뉴문구</nav>
<main>
<article data-article-id="2025/11/robot" data-section-id="economy" data-section-name="경제"
  data-published="2025-10-31T23:30:00Z" data-reporters="김하윤, 박서준" data-thumbnail="/_astro/robot.webp">
  <h1 data-article-headline>판교에 로봇혁신센터 &amp; 시험장</h1>
  <p data-article-subheadline>중소기업에 무료 개방</p>
  <p class="byline">김하윤 기자 hayoon@example.com</p>
  <div data-article-body>
    <p>로봇혁신센터가 문을 <strong>열었다</strong>.</p>
    <figure><img src="a.webp" alt="사진 설명 대체문"><figcaption>시험장 모습</figcaption></figure>
    <blockquote><p>인용된 문장</p></blockquote>
    <ul><li><p>항목 안 문단</p></li><li>바로 쓴 항목</li></ul>
    <p>보이는 <span hidden>숨은 글</span>문장</p>
    <script>var 스크립트 = 1;</script>
  </div>
  <footer>관련기사 목록</footer>
</article>
</main>
<footer>저작권 문구</footer>
</body></html>`;

describe('readArticlePage', () => {
  const article = readArticlePage(PAGE);

  it('reads only the article: headline, subheadline, body, and captions apart', () => {
    expect(article).toMatchObject({
      id: '2025/11/robot',
      url: '/articles/2025/11/robot/',
      headline: '판교에 로봇혁신센터 & 시험장',
      subheadlines: ['중소기업에 무료 개방'],
      paragraphs: [
        '로봇혁신센터가 문을 열었다.',
        '인용된 문장',
        '항목 안 문단',
        '바로 쓴 항목',
        '보이는 문장',
      ],
      captions: ['시험장 모습'],
      sectionName: '경제',
      reporters: ['김하윤', '박서준'],
      thumbnail: '/_astro/robot.webp',
    });
    const text = JSON.stringify(article);
    for (const outside of ['메뉴문구', '관련기사', '저작권', '스크립트', 'hayoon@', '숨은']) {
      expect(text).not.toContain(outside);
    }
  });

  it('reads a nested article as part of the body, and nothing of the articles after it', () => {
    const page = PAGE.replace(
      '<p>보이는',
      '<article class="card"><p>본문 속 카드</p></article><p>보이는',
    ).replace(
      '</main>',
      '<section><article class="related"><p>다음 기사 요약</p></article></section></main>',
    );
    const read = readArticlePage(page);
    expect(read).toMatchObject({
      paragraphs: expect.arrayContaining(['본문 속 카드', '보이는 문장']),
    });
    expect(JSON.stringify(read)).not.toContain('다음 기사');
  });

  it('dates the article in KST', () => {
    // 2025-10-31 23:30 UTC is 11월 1일 08:30 in Seoul.
    expect(article).toMatchObject({
      published: '2025-11-01T08:30:00+09:00',
      publishedDate: '2025-11-01',
    });
  });

  it('ignores pages that are not articles and reports broken ones', () => {
    expect(readArticlePage('<html><body><h1>목록</h1></body></html>')).toBeUndefined();
    expect(
      readArticlePage('<article data-article-id="x"><h1 data-article-headline>제목</h1></article>'),
    ).toMatch(/기사 x/);
  });

  it('becomes a record whose readable fields carry no index forms', () => {
    if (typeof article !== 'object') throw new Error(String(article));
    const record = buildSearchRecord(article);
    expect(record.meta.title).toBe(article.headline);
    // The story first, then subheadlines and captions: all searched, only the story excerpted.
    expect(record.content).toBe(
      [...article.paragraphs, '중소기업에 무료 개방', '시험장 모습'].join('\n'),
    );
    expect(record.lead).toBe(article.paragraphs.join('\n'));
    expect(record.meta.kt.split(' ')).toContain('혁신센터');
    expect(record.filters).toMatchObject({
      section: ['경제'],
      year: ['2025'],
      reporter: ['김하윤', '박서준'],
      published: ['2025-11-01'],
      thumb: ['/_astro/robot.webp'],
    });
  });
});
