import { describe, expect, it } from 'vitest';
import { frontPage, type Story } from '../../src/lib/front-page.ts';

/** Articles newest first: [id, section, has a photo]. */
function archive(rows: [string, string, boolean][]) {
  const articles: Story[] = rows.map(([id, section, photo]) => ({
    id,
    section: { id: section },
    leadPhoto: photo ? {} : undefined,
  }));
  const bySection = new Map<string, Story[]>();
  for (const a of articles)
    bySection.set(a.section.id, [...(bySection.get(a.section.id) ?? []), a]);
  return { articles, bySection };
}
const ids = (list: Story[]) => list.map((a) => a.id);

describe('frontPage', () => {
  const { articles, bySection } = archive([
    ['a', 'economy', false],
    ['b', 'economy', true],
    ['c', 'economy', true],
    ['d', 'politics', false],
    ['e', 'society', true],
    ['f', 'politics', true],
    ['g', 'culture', false],
    ['h', 'economy', false],
  ]);
  const order = ['politics', 'economy', 'society', 'culture'];

  it('leads with the newest story that has a photo', () => {
    expect(frontPage(articles, bySection, order).top?.id).toBe('b');
  });

  it('takes 주요 기사 one per section first, newest first, then fills with the newest', () => {
    const page = frontPage(articles, bySection, order, { headlines: 3 });
    // b (economy) is the top story: a is skipped for d, e, g of other sections.
    expect(ids(page.headlines)).toEqual(['d', 'e', 'g']);
    const more = frontPage(articles, bySection, order, { headlines: 5 });
    expect(ids(more.headlines)).toEqual(['a', 'c', 'd', 'e', 'g']);
  });

  it('gives each section a block in the given order, never repeating a story', () => {
    const page = frontPage(articles, bySection, order, { headlines: 3, perSection: 2 });
    expect(page.sections).toEqual([
      { id: 'politics', articles: [articles[5]] },
      { id: 'economy', articles: [articles[0], articles[2]] },
    ]);
    const all = [page.top!, ...page.headlines, ...page.sections.flatMap((s) => s.articles)];
    expect(new Set(ids(all)).size).toBe(all.length);
  });

  it('works without photos and without articles', () => {
    const plain = archive([['x', 'economy', false]]);
    expect(frontPage(plain.articles, plain.bySection, order).top?.id).toBe('x');
    expect(frontPage([], new Map(), order)).toEqual({
      top: undefined,
      headlines: [],
      sections: [],
    });
  });
});
