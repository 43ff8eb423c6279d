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
});
