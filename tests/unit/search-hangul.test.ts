import { disassemble, getChoseong } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { choseong, splitTrailingFinal } from '../../src/lib/search/hangul.ts';

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
