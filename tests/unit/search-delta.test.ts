import { describe, expect, it } from 'vitest';
import { planDelta, type ShardBase } from '../../src/lib/search/delta.ts';

const base: ShardBase = {
  bundle: '2025-10-abc',
  digests: { '/a/': 'a1', '/b/': 'b1', '/c/': 'c1' },
  pages: { '/a/': 'ko_pa', '/b/': 'ko_pb', '/c/': 'ko_pc' },
};
const current = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('planDelta', () => {
  it('indexes the changed and added articles and hides the old versions', () => {
    expect(
      planDelta(base, current({ '/a/': 'a1', '/b/': 'b2', '/c/': 'c1', '/d/': 'd1' })),
    ).toEqual({ changed: ['/b/', '/d/'], hidden: ['ko_pb'] });
  });

  it('hides removed articles along with changed ones', () => {
    expect(planDelta(base, current({ '/a/': 'a2', '/b/': 'b1' }))).toEqual({
      changed: ['/a/'],
      hidden: ['ko_pa', 'ko_pc'],
    });
  });

  it('asks for the whole shard when nothing is left to index or too much changed', () => {
    // Only a removal: a delta without articles would be an empty Pagefind bundle.
    expect(planDelta(base, current({ '/a/': 'a1', '/b/': 'b1' }))).toBeUndefined();
    // Nothing changed at all: the shard's own bundle is still right.
    expect(planDelta(base, current({ '/a/': 'a1', '/b/': 'b1', '/c/': 'c1' }))).toBeUndefined();
    const many = current({ '/a/': 'a2', '/b/': 'b2', '/c/': 'c1' });
    expect(planDelta(base, many, 2)).toEqual({
      changed: ['/a/', '/b/'],
      hidden: ['ko_pa', 'ko_pb'],
    });
    expect(planDelta(base, many, 1)).toBeUndefined();
  });
});
