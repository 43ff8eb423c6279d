import { assemble, disassemble, getChoseong } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import {
  choseong,
  clusterCompletions,
  conjoiningInitial,
  splitTrailingFinal,
} from '../../src/lib/search/hangul.ts';

const WORDS = ['중관촌', '반도체', '로봇혁신센터', '까치', '쌍둥이', '뛰어', '힣', '가'];

describe('hangul arithmetic agrees with es-hangul', () => {
  it.each(WORDS)('choseong(%s)', (word) => {
    expect(choseong(word)).toBe(getChoseong(word));
  });

  it.each(['돛', '각', '닭', '값', '않', '밝'])(
    'splitTrailingFinal(%s) reassembles',
    (syllable) => {
      const split = splitTrailingFinal(syllable);
      if (!split) {
        // Only a final that is a consonant cluster cannot start the next syllable.
        expect(disassemble(syllable).length).toBe(4);
        return;
      }
      expect(disassemble(split.open) + split.consonant).toBe(disassemble(syllable));
    },
  );

  it('has nothing to split in an open syllable or a non-syllable', () => {
    expect(splitTrailingFinal('도')).toBeUndefined();
    expect(splitTrailingFinal('a')).toBeUndefined();
  });
});

describe('half-typed double finals', () => {
  // Each double final, a syllable with it, and the two single finals it is typed through.
  it.each([
    ['넋', 'ㄱ', 'ㅅ'],
    ['얹', 'ㄴ', 'ㅈ'],
    ['않', 'ㄴ', 'ㅎ'],
    ['닭', 'ㄹ', 'ㄱ'],
    ['젊', 'ㄹ', 'ㅁ'],
    ['짧', 'ㄹ', 'ㅂ'],
    ['곬', 'ㄹ', 'ㅅ'],
    ['핥', 'ㄹ', 'ㅌ'],
    ['읊', 'ㄹ', 'ㅍ'],
    ['싫', 'ㄹ', 'ㅎ'],
    ['값', 'ㅂ', 'ㅅ'],
  ])('%s is reached from either of its finals (%s, %s)', (whole, first, second) => {
    const open = disassemble(whole).slice(0, 2);
    for (const half of [first, second]) {
      expect(clusterCompletions(assemble([open + half]))).toContain(whole);
    }
  });

  it('completes only single finals that start a cluster', () => {
    expect(clusterCompletions('닭')).toEqual([]);
    expect(clusterCompletions('다')).toEqual([]);
    expect(clusterCompletions('강')).toEqual([]);
    expect(clusterCompletions('a')).toEqual([]);
  });
});

describe('conjoiningInitial', () => {
  it('turns a typed consonant into the start of a decomposed syllable', () => {
    expect(
      '전기차'.normalize('NFD').startsWith('전기'.normalize('NFD') + conjoiningInitial('ㅊ')),
    ).toBe(true);
    expect(
      '전기자'.normalize('NFD').startsWith('전기'.normalize('NFD') + conjoiningInitial('ㅊ')),
    ).toBe(false);
    expect(conjoiningInitial('ㅏ')).toBeUndefined();
  });
});
