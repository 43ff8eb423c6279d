import { describe, expect, it } from 'vitest';
import { stripAnyEnding, stripClearEnding } from '../../src/lib/search/endings.ts';
import { parseQuantity } from '../../src/lib/search/numbers.ts';
import { tokenize } from '../../src/lib/search/tokenize.ts';

const extrasOf = (text: string) => tokenize(text).flatMap((t) => t.extras);

describe('endings', () => {
  it('cuts particles and 하다/되다 endings to the noun', () => {
    expect(stripClearEnding('로봇센터에서')).toBe('로봇센터');
    expect(stripClearEnding('로봇센터를')).toBe('로봇센터');
    expect(stripClearEnding('방문했다')).toBe('방문');
    expect(stripClearEnding('방문한')).toBe('방문');
    expect(stripClearEnding('전문가들은')).toBe('전문가');
  });
  it('never leaves a one-syllable stem', () => {
    expect(stripClearEnding('제한')).toBe('제한');
    expect(stripAnyEnding('회의')).toBe('회의');
  });
  it('treats one-syllable particles that end many nouns as a guess only', () => {
    expect(stripClearEnding('전문가')).toBe('전문가');
    expect(stripAnyEnding('중관촌이')).toBe('중관촌');
  });
});

describe('quantities', () => {
  const canonical = (text: string) => {
    const q = parseQuantity(text.split(' '));
    return q && `${q.value}${q.unit}`;
  };
  it('reads every spelling of the same area as one value', () => {
    for (const spelling of ['4만 5000㎡', '4만5000㎡', '45,000㎡', '45000㎡', '4만 5000 ㎡']) {
      const normalized = spelling.normalize('NFKC').toLowerCase();
      expect(canonical(normalized), spelling).toBe('45000m2');
    }
  });
  it('reads Korean big units and counters', () => {
    expect(canonical('1조 2000억원을')).toBe('1200000000000원');
    expect(canonical('2천만 명이')).toBe('20000000명');
    expect(canonical('1200억 원이며')).toBe('120000000000원');
    expect(canonical('3.5%')).toBe('3_5pct');
  });
  it('does not take an ordinary word for a unit', () => {
    expect(canonical('5000 명단')).toBe('5000');
    expect(parseQuantity(['중관촌'])).toBeUndefined();
  });
});

describe('tokenize', () => {
  it('indexes the tails of a compound written without spaces', () => {
    const extras = extrasOf('로봇혁신센터를 열었다');
    expect(extras).toContain('혁신센터');
    expect(extras).toContain('센터');
    // A one-syllable tail would match half the dictionary.
    expect(extras).not.toContain('터');
  });
  it('splits Latin acronyms glued to Hangul', () => {
    // 가 may end a noun, so it stays on the form; a query reaches it by prefix.
    expect(extrasOf('KIC중국센터가').some((f) => f.startsWith('중국센터'))).toBe(true);
    expect(extrasOf('KIC중국센터를')).toContain('센터');
    expect(tokenize('KIC중국센터가')[0].word).toBe('kic중국센터가');
  });
  it('reads headline hanja abbreviations', () => {
    expect(extrasOf('美·中 갈등, 與野 합의')).toEqual(
      expect.arrayContaining(['미국', '중국', '여당', '야당']),
    );
  });
  it('adds initial consonants of the noun', () => {
    expect(extrasOf('중관촌을')).toContain('ㅈㄱㅊ');
  });
  it('leaves out forms that would match hundreds of words', () => {
    // Two initials (ㅅㅌ) and the plural with a particle (들이) are no way to find a word.
    expect(extrasOf('쉼터를')).not.toContain('ㅅㅌ');
    expect(extrasOf('시민들이')).not.toContain('들이');
  });
  it('keeps word offsets into the original text', () => {
    const text = '  中 중관촌을\n방문했다.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });
  it('gives a quantity phrase the same forms on all its words', () => {
    const [first, second] = tokenize('4만 5000㎡ 규모');
    expect(first.extras).toContain('45000m2');
    expect(second.extras).toContain('45000m2');
  });
});
