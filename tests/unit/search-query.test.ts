import { describe, expect, it } from 'vitest';
import { planQuery } from '../../src/lib/search/query.ts';
import { extraForms } from '../../src/lib/search/record.ts';
import { tokenize } from '../../src/lib/search/tokenize.ts';

/** Every way the index can reach a text word: the word itself or an extra form, by prefix. */
function reachable(text: string, query: string): boolean {
  const forms = tokenize(text).flatMap((t) => [t.word, ...t.extras]);
  return planQuery(query).words.every((word) =>
    word.alternatives.some((alt) =>
      alt.terms.every((term) =>
        forms.some((f) => f.normalize('NFD').startsWith(term.normalize('NFD'))),
      ),
    ),
  );
}

describe('query and index agree', () => {
  it.each([
    ['센터는 로봇센터를 열었다', '로봇센터에서'],
    ['장관이 문화원을 방문했다', '방문한'],
    ['판교 로봇혁신센터가 문을 열었다', '혁신센터'],
    ['청년 창업거리를 조성', '창업 거리'],
    ['中 중관촌 방문기', '중국'],
    ['중관촌을 찾았다', 'ㅈㄱㅊ'],
    ['반도체 수출이 늘었다', '반도ㅊ'],
    ['연면적 4만 5000㎡ 규모', '45000㎡'],
    ['KIC중국센터가 주선했다', 'KIC 중국센터'],
    ['공원 쉼터를 늘린다', '쉼ㅌ'],
    ['서울 고속도로를 달린다', '고속 도로'],
  ])('%s ← %s', (text, query) => {
    expect(reachable(text, query)).toBe(true);
  });

  it('does not reach a word that only shares a first syllable', () => {
    expect(reachable('중앙 정부가 발표했다', '중관촌')).toBe(false);
    expect(reachable('감귤 수확', 'ㄱㅁ')).toBe(false);
  });
});

describe('planQuery', () => {
  it('keeps every word of a multi-word query', () => {
    expect(planQuery('서울 비트코인').words.map((w) => w.text)).toEqual(['서울', '비트코인']);
  });
  it('reads a hanja abbreviation as its Korean word', () => {
    expect(planQuery('北').words[0].alternatives[0].terms).toEqual(['북한']);
  });
  it('tries both halves of a long word, as consecutive words', () => {
    const alternatives = planQuery('창업거리').words[0].alternatives;
    expect(alternatives).toContainEqual({ terms: ['창업', '거리'], weight: 0.8, adjacent: true });
  });
  it('treats an IME syllable with the next initial as final only as a fallback', () => {
    const alternatives = planQuery('반돛').words[0].alternatives;
    expect(alternatives[0].terms).toEqual(['반돛']);
    expect(alternatives.find((a) => a.fallback)?.terms).toEqual(['반도', 'ㅂㄷㅊ']);
  });
  it('ignores punctuation-only words and a single initial consonant', () => {
    expect(planQuery(' … "" ').words).toEqual([]);
    expect(planQuery('ㅈ').words).toEqual([]);
  });
});

describe('extraForms', () => {
  it('drops forms that Pagefind already reaches by prefix of the word itself', () => {
    const forms = extraForms(tokenize('로봇센터를'));
    expect(forms).not.toContain('로봇센터');
    expect(forms).toContain('센터');
  });
});
