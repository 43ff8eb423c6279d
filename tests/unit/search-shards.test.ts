import { describe, expect, it } from 'vitest';
import { planShards, shardsForYear } from '../../src/lib/search/shards.ts';

const months = (counts: Record<string, number>) =>
  Object.entries(counts).map(([month, articles]) => ({ month, articles }));

describe('planShards', () => {
  it('groups consecutive months up to the capacity, newest shard first', () => {
    const shards = planShards(
      months({ '2025-01': 2, '2025-02': 2, '2025-03': 3, '2025-04': 1 }),
      4,
    );
    expect(shards).toEqual([
      { key: '2025-03', from: '2025-03', to: '2025-04', articles: 4 },
      { key: '2025-01', from: '2025-01', to: '2025-02', articles: 4 },
    ]);
  });
  it('keeps a month larger than the capacity whole, in a shard of its own', () => {
    const shards = planShards(months({ '2025-01': 9, '2025-02': 1 }), 4);
    expect(shards.map((s) => [s.key, s.articles])).toEqual([
      ['2025-02', 1],
      ['2025-01', 9],
    ]);
  });
  it('lets a new article change only the newest shard', () => {
    const before = planShards(months({ '2025-01': 3, '2025-02': 3, '2025-03': 2 }), 4);
    const after = planShards(months({ '2025-01': 3, '2025-02': 3, '2025-03': 3 }), 4);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toEqual({ key: '2025-03', from: '2025-03', to: '2025-03', articles: 3 });
  });
  it('does not depend on the order months are given in', () => {
    const list = months({ '2024-12': 1, '2025-02': 2, '2025-01': 3 });
    expect(planShards([...list].reverse(), 3)).toEqual(planShards(list, 3));
  });
});

describe('shardsForYear', () => {
  it('finds the shards that can hold articles of a year', () => {
    const shards = planShards(months({ '2024-11': 1, '2024-12': 1, '2025-01': 2 }), 2);
    expect(shardsForYear(shards, '2025').map((s) => s.key)).toEqual(['2025-01']);
    expect(shardsForYear(shards, '2024').map((s) => s.key)).toEqual(['2024-11']);
    expect(shardsForYear(shards, '2023')).toEqual([]);
  });
});
