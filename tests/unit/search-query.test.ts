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
    ['친환경전기차 보조금', '전기ㅊ'],
    ['춘천 닭갈비 골목', '닥갈'],
    ['춘천 닭갈비 골목', '달갈비'],
    ['수도권 집값 하락', '집갑'],
    ['로봇혁신센터', '혁신센ㅌ'],
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
    // 반도 followed by a syllable starting with ᄎ, in Pagefind's decomposed keys.
    expect(alternatives.find((a) => a.fallback)?.terms).toEqual(['반도\u110e']);
  });
  it('treats the composing syllable as partial (롭 on the way to 로봇), not as a fallback', () => {
    const composing = planQuery('롭', { composing: true }).words[0].alternatives;
    expect(composing).toContainEqual({ terms: ['로\u1107'], weight: 0.7, fallback: false });
    // Typed whole, 롭 is 롭 first; 로봇 and 롧 are only tried when 롭 finds nothing.
    const typed = planQuery('롭').words[0].alternatives;
    expect(typed.filter((a) => !a.fallback)).toEqual([{ terms: ['롭'], weight: 1 }]);
  });
  it('reads an initial after a head as the start of the next syllable (전기ㅊ)', () => {
    expect(planQuery('전기ㅊ').words[0].alternatives).toEqual([
      { terms: ['전기\u110e'], weight: 0.9 },
    ]);
  });
  it('keeps a stem cut from a verb to word starts, and an amount to itself', () => {
    const stem = planQuery('발표한').words[0].alternatives.find((a) => a.terms[0] === '발표');
    expect(stem?.wordStart).toBe(true);
    expect(planQuery('3000억').words[0].alternatives).toEqual([
      { terms: ['300000000000'], weight: 1, exact: true },
    ]);
    expect(planQuery('300km').words[0].alternatives[0].exact).toBeUndefined();
  });
});

describe('planQuery operators', () => {
  it('reads "구절" as words in order, whole but for the last', () => {
    const plan = planQuery('"닭갈비 골목" 춘천');
    expect(plan.words.map((w) => w.text)).toEqual(['닭갈비', '골목', '춘천']);
    expect(plan.phrases).toEqual([[0, 1]]);
    expect(plan.words[0].alternatives).toEqual([{ terms: ['닭갈비'], weight: 1, exact: true }]);
    expect(plan.words[1].alternatives).toEqual([{ terms: ['골목'], weight: 1 }]);
  });
  it('reads -제외어 as a word to leave out', () => {
    const plan = planQuery('로봇 -중관촌');
    expect(plan.words.map((w) => w.text)).toEqual(['로봇']);
    expect(plan.excluded.map((w) => w.text)).toEqual(['중관촌']);
  });
  it('reads A | B, A|B and A OR B as one word found either way', () => {
    for (const q of ['감귤 | 산불', '감귤|산불', '감귤 OR 산불']) {
      const plan = planQuery(q);
      expect(
        plan.words.map((w) => w.text),
        q,
      ).toEqual(['감귤 | 산불']);
      const main = plan.words[0].alternatives.filter((a) => !a.fallback);
      expect(main.map((a) => a.terms[0])).toEqual(['감귤', '산불']);
    }
    // Lower-case or is a word, not the operator.
    expect(planQuery('감귤 or').words.map((w) => w.text)).toEqual(['감귤', 'or']);
  });
  it('keeps a hyphen inside a word as part of it', () => {
    expect(planQuery('코로나-19').excluded).toEqual([]);
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
