import { describe, expect, it } from 'vitest';
import { hangulReading, withHangulReading } from '../../src/lib/search/qwerty.ts';

describe('hangulReading (2-set layout)', () => {
  it.each([
    ['dkvkxm', '아파트'],
    ['tjdnf', '서울'],
    ['ekfrrkfql', '닭갈비'],
    ['dkvkxm tjdnf', '아파트 서울'],
    ['tjdnf 2025', '서울 2025'],
  ])('%s → %s', (query, reading) => {
    expect(hangulReading(query)).toBe(reading);
  });

  it('leaves English and acronyms alone (no whole syllables)', () => {
    expect(hangulReading('kic')).toBeUndefined();
    expect(hangulReading('qwerty')).toBeUndefined();
    expect(hangulReading('서울')).toBeUndefined();
    expect(hangulReading('2025')).toBeUndefined();
  });
});

describe('withHangulReading', () => {
  const index: Record<string, string[]> = {
    아파트: ['a', 'b', 'c'],
    ai: ['x', 'y', 'z'],
    먀: [],
  };
  const search = async (q: string) => ({ hits: index[q] ?? [] });

  it('searches the reading when the Latin query finds little, and says so', async () => {
    expect(await withHangulReading('dkvkxm', search)).toEqual({
      outcome: { hits: ['a', 'b', 'c'] },
      reading: '아파트',
    });
  });

  it('keeps a Latin query that finds enough (ai reads 먀, but AI is meant)', async () => {
    expect(await withHangulReading('ai', search)).toEqual({ outcome: { hits: ['x', 'y', 'z'] } });
  });
});
