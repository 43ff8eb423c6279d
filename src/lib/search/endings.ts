/**
 * Particles (조사) and verb endings (어미) that follow a noun in news prose. Korean writes them
 * glued to the noun (로봇센터를, 방문했다), so a query word and the text rarely agree on them.
 * No dictionary: a word keeps at least two syllables, so 제한 or 회의 are never cut to one.
 */

/**
 * Endings that mark a noun in any context: cutting them is safe. 하다/되다 verb endings
 * are here too: 방문했다, 방문한, 방문하는 all share the noun 방문.
 */
const CLEAR_ENDINGS = [
  // 조사 (longest first matters only within equal starts; we sort below)
  '에서부터',
  '으로부터',
  '에게서',
  '으로서',
  '으로써',
  '이라는',
  '이라고',
  '이라며',
  '이라면',
  '에서는',
  '에서도',
  '에서의',
  '에게는',
  '에게도',
  '으로는',
  '으로도',
  '까지는',
  '까지도',
  '부터는',
  '처럼',
  '보다',
  '까지',
  '부터',
  '에서',
  '에게',
  '한테',
  '으로',
  '라는',
  '라고',
  '라며',
  '이나',
  '이며',
  '이고',
  '이다',
  '였다',
  '이었다',
  '입니다',
  '에는',
  '에도',
  '에의',
  '와의',
  '과의',
  '로는',
  '로도',
  '로서',
  '로써',
  '만큼',
  '마다',
  '조차',
  '밖에',
  '이란',
  '란',
  '를',
  '은',
  '는',
  '을',
  '에',
  // 하다
  '했다',
  '했으며',
  '했고',
  '했는데',
  '했던',
  '했지만',
  '했을',
  '했다고',
  '했다며',
  '했습니다',
  '한다',
  '한다고',
  '한다며',
  '한다는',
  '한다면',
  '하는',
  '하며',
  '하고',
  '하여',
  '하기',
  '하면',
  '하지',
  '하게',
  '해야',
  '해서',
  '하겠다',
  '하던',
  '하려는',
  '하려고',
  '하도록',
  '합니다',
  '한',
  '할',
  '함',
  '해',
  '했',
  // 되다, 시키다, 받다
  '됐다',
  '되었다',
  '된다',
  '되는',
  '되며',
  '되고',
  '되어',
  '되기',
  '되면',
  '됐으며',
  '된다고',
  '됐고',
  '된',
  '될',
  '됨',
  '돼',
  '시켰다',
  '시킨',
  '시키는',
  '시키고',
  '시킬',
  '받았다',
  '받은',
  '받는',
  '받고',
  '받아',
];

/**
 * One-syllable particles that are also the last syllable of many nouns (결과, 마을, 정도,
 * 전문가, 회의): cutting them is a guess, so a query tries the word as written first.
 */
const AMBIGUOUS_ENDINGS = ['이', '가', '도', '의', '과', '와', '로', '만', '들'];

const byLength = (a: string, b: string) => b.length - a.length;
const CLEAR = [...CLEAR_ENDINGS].sort(byLength);
const AMBIGUOUS = [...AMBIGUOUS_ENDINGS].sort(byLength);
const MIN_STEM = 2;

function cut(word: string, endings: string[]): string | undefined {
  for (const ending of endings) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      return word.slice(0, -ending.length);
    }
  }
  return undefined;
}

/** 로봇센터에서 → 로봇센터, 방문했다 → 방문; 전문가 stays (가 is ambiguous). */
export function stripClearEnding(word: string): string {
  const stem = cut(word, CLEAR) ?? word;
  // 전문가들은 → 전문가들 → 전문가: the plural 들 sits between noun and particle.
  return stem !== word && stem.endsWith('들') ? (cut(stem, ['들']) ?? stem) : stem;
}

/** Also cuts an ambiguous particle: 중관촌이 → 중관촌, but also 전문가 → 전문. */
export function stripAnyEnding(word: string): string {
  const clear = stripClearEnding(word);
  const stem = cut(clear, AMBIGUOUS) ?? clear;
  return stem.endsWith('들') ? (cut(stem, ['들']) ?? stem) : stem;
}

/** Whether s is nothing but a particle or ending (원이며 → 원 + 이며). */
export function isEnding(s: string): boolean {
  return s === '' || CLEAR.includes(s) || AMBIGUOUS.includes(s);
}
