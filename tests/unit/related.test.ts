import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, type RelatedInput } from '../../src/lib/related.ts';

const DAY = 86_400_000;
const article = (id: string, tags: string[], opts: Partial<RelatedInput> = {}): RelatedInput => ({
  id,
  section: 'economy',
  tags,
  related: [],
  publishedAt: 0,
  ...opts,
});

describe('related articles', () => {
  it('ranks articles sharing rare tags above those sharing only common ones', () => {
    const relatedFor = buildRelatedIndex([
      article('a', ['서울시', '로봇']),
      article('b', ['서울시']),
      article('c', ['로봇']),
      article('d', ['서울시']),
      article('e', ['서울시']),
    ]);
    expect(relatedFor('a')[0]).toBe('c');
    expect(relatedFor('a')).toHaveLength(4);
  });

  it('puts the editor’s explicit related articles first and never the article itself', () => {
    const relatedFor = buildRelatedIndex([
      article('a', ['x'], { related: ['z', 'a', 'missing'] }),
      article('b', ['x']),
      article('z', []),
    ]);
    expect(relatedFor('a')).toEqual(['z', 'b']);
  });

  it('prefers the same section and nearer dates when tags tie', () => {
    const relatedFor = buildRelatedIndex([
      article('a', ['x']),
      article('far', ['x'], { publishedAt: 900 * DAY }),
      article('near', ['x'], { publishedAt: 2 * DAY }),
      article('other-section', ['x'], { section: 'culture', publishedAt: 2 * DAY }),
    ]);
    expect(relatedFor('a')).toEqual(['near', 'other-section', 'far']);
  });

  it('returns nothing for an article without tags or unknown ids', () => {
    const relatedFor = buildRelatedIndex([article('a', []), article('b', ['x'])]);
    expect(relatedFor('a')).toEqual([]);
    expect(relatedFor('nope')).toEqual([]);
  });

  it('looks only at a window of neighbours in time, so big tags stay linear', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      article(`n${i}`, ['흔한태그'], { publishedAt: i * DAY }),
    );
    const relatedFor = buildRelatedIndex(many, { window: 5, limit: 20 });
    const found = relatedFor('n1000');
    expect(found).toHaveLength(10);
    for (const id of found) expect(Math.abs(Number(id.slice(1)) - 1000)).toBeLessThanOrEqual(5);
  });

  it('lists the same articles as scoring and sorting every article sharing a tag', () => {
    // Seeded, so a failure can be replayed: ties in score and date are common on purpose.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const tags = ['국회', '반도체', '로봇', '날씨', '부산', '선거', '환율', '축구'];
    const articles = Array.from({ length: 300 }, (_, i) =>
      article(`a${i}`, [pick(tags), pick(tags), pick(tags)], {
        section: pick(['politics', 'economy', 'sports']),
        publishedAt: Math.floor(random() * 40) * DAY,
        related: random() < 0.1 ? [`a${Math.floor(random() * 300)}`] : [],
      }),
    );
    const relatedFor = buildRelatedIndex(articles, { window: 1000, limit: 4 });
    const frequency = new Map<string, number>();
    for (const a of articles)
      for (const t of new Set(a.tags)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
    for (const a of articles) {
      const chosen = a.related.filter((r) => r !== a.id).slice(0, 4);
      const ranked = articles
        .filter((c) => c.id !== a.id && !chosen.includes(c.id))
        .map((c) => {
          let score = 0;
          for (const t of c.tags)
            if (a.tags.includes(t)) score += Math.log(1 + 300 / frequency.get(t)!);
          if (score > 0 && c.section === a.section) score += 0.5;
          const days = Math.abs(a.publishedAt - c.publishedAt) / DAY;
          return { id: c.id, score: score / (1 + days / 365) };
        })
        .filter((c) => c.score > 0)
        .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
        .map((c) => c.id);
      expect(relatedFor(a.id)).toEqual([...chosen, ...ranked].slice(0, 4));
    }
  });
});
