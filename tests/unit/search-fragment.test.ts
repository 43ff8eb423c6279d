import { describe, expect, it } from 'vitest';
import { buildSearchRecord } from '../../src/lib/search/record.ts';
import { LEAD_CHARS, leadOf, resultFragment } from '../../src/lib/search/fragment.ts';

const paragraph = '항만공사는 새벽 물류 창고의 전력 사용을 줄이려고 지붕 태양광을 늘렸다.';

describe('leadOf', () => {
  it('keeps a text that fits as it is', () => {
    expect(leadOf(paragraph, 100)).toBe(paragraph);
  });

  it('cuts at the last space that fits and marks the cut', () => {
    const lead = leadOf(paragraph, 20);
    expect(lead).toBe('항만공사는 새벽 물류 창고의 전력 …');
    expect(paragraph.startsWith(lead.slice(0, -2))).toBe(true);
  });

  it('cuts a text without spaces at the limit, whole characters only', () => {
    expect(leadOf('가'.repeat(30), 10)).toBe(`${'가'.repeat(10)} …`);
    expect(leadOf('🙂'.repeat(30), 10)).toBe(`${'🙂'.repeat(10)} …`);
  });
});

describe('resultFragment', () => {
  const article = {
    id: '2025/10/port-solar',
    url: '/articles/2025/10/port-solar/',
    headline: '항만 태양광 확대',
    subheadlines: ['부제목 문장'],
    captions: ['부두 전경. 사진 제공=항만공사'],
    paragraphs: Array.from({ length: 20 }, (_, i) => `${i + 1}번째 문단. ${paragraph}`),
    sectionName: '경제',
    published: '2025-10-02T09:00:00+09:00',
    publishedDate: '2025-10-02',
    reporters: ['한서윤'],
    thumbnail: '/_astro/port.webp',
  };
  const record = buildSearchRecord(article);
  // What Pagefind 1.6 writes for the record.
  const fromPagefind = {
    url: record.url,
    content: record.content,
    word_count: 120,
    filters: record.filters,
    meta: record.meta,
    anchors: [],
  };
  const lean = resultFragment(fromPagefind, record.lead);

  it('keeps what a result shows: URL, headline, section, day, thumbnail, reporters, lead', () => {
    expect(lean.url).toBe(record.url);
    expect(lean.meta).toEqual({ title: '항만 태양광 확대' });
    expect(lean.filters).toEqual({
      section: ['경제'],
      published: ['2025-10-02'],
      thumb: ['/_astro/port.webp'],
      reporter: ['한서윤'],
    });
    expect(lean.anchors).toEqual([]);
    expect(lean.content.startsWith('1번째 문단. 항만공사는')).toBe(true);
    expect([...lean.content].length).toBeLessThanOrEqual(LEAD_CHARS + 2);
  });

  it('leaves out the rest of the text and the index-only forms', () => {
    expect(record.content.length).toBeGreaterThan(2 * LEAD_CHARS);
    expect(lean.content).not.toContain('20번째 문단');
    expect(JSON.stringify(lean)).not.toMatch(/"(k|kt|year)":/);
  });

  it('cuts the lead from the story, never from subheadlines or captions', () => {
    const short = buildSearchRecord({
      ...article,
      paragraphs: ['짧은 본문이다.'],
    });
    expect(short.content).toContain('사진 제공=항만공사');
    const fragment = resultFragment({ ...fromPagefind, content: short.content }, short.lead);
    expect(fragment.content).toBe('짧은 본문이다.');
  });
});
