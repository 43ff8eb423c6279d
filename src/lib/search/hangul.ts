/**
 * Hangul syllable arithmetic. Done by hand (a few lines) instead of importing es-hangul so
 * the browser bundle stays small; the unit tests check these against es-hangul.
 */
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
/** Compatibility jamo: what an IME shows for a lone consonant or vowel (ㄱ, ㅏ). */
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/** Index 0 is "no final consonant". */
const JONGSEONG = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

export function isSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
}

/** A lone compatibility jamo (ㄱ..ㅎ, ㅏ..ㅣ), as typed before a syllable is complete. */
export function isJamo(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3131 && c <= 0x3163;
}

export function isChoseongLetter(ch: string): boolean {
  return CHOSEONG.includes(ch);
}

function parts(ch: string): { initial: number; medial: number; final: number } {
  const offset = ch.charCodeAt(0) - SYLLABLE_FIRST;
  return {
    initial: Math.floor(offset / 588),
    medial: Math.floor((offset % 588) / 28),
    final: offset % 28,
  };
}

/** 중관촌 → ㅈㄱㅊ. Characters that are not syllables are dropped. */
export function choseong(word: string): string {
  let out = '';
  for (const ch of word) if (isSyllable(ch)) out += CHOSEONG[parts(ch).initial];
  return out;
}

/**
 * An IME composing 반도체 shows 반돛 after the ㅊ key: the consonant sits as the last
 * syllable's final until the next vowel arrives. Returns the syllable without that final and
 * the final as an initial consonant (돛 → 도 + ㅊ), or undefined when it cannot start a
 * syllable (ㄳ, or no final at all).
 */
export function splitTrailingFinal(ch: string): { open: string; consonant: string } | undefined {
  if (!isSyllable(ch)) return undefined;
  const p = parts(ch);
  if (p.final === 0) return undefined;
  const consonant = JONGSEONG[p.final];
  if (!CHOSEONG.includes(consonant)) return undefined;
  const open = String.fromCharCode(SYLLABLE_FIRST + p.initial * 588 + p.medial * 28);
  return { open, consonant };
}

/** ㅊ → ᄎ (U+110E): the conjoining initial, which is how a syllable starting with that
 * consonant begins once decomposed. 전기 + ᄎ is therefore a prefix of 전기차 in Pagefind's
 * decomposed keys, of a word or of a compound tail, and nothing else. */
export function conjoiningInitial(consonant: string): string | undefined {
  const index = CHOSEONG.indexOf(consonant);
  return index < 0 ? undefined : String.fromCharCode(0x1100 + index);
}

/** The double finals and their two consonants: 닭 is typed 다 → 달 → 닭. */
const CLUSTERS: Readonly<Record<string, string>> = {
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};

/**
 * The syllables with a double final that a syllable with a single final may be half of:
 * 달 (ㄹ, typed on the way to 닭) or 닥 (ㄱ, its second consonant) → 닭, and 달 → 닮, 밟 ….
 */
export function clusterCompletions(ch: string): string[] {
  if (!isSyllable(ch)) return [];
  const p = parts(ch);
  const final = JONGSEONG[p.final];
  if (p.final === 0 || final in CLUSTERS) return [];
  const base = SYLLABLE_FIRST + p.initial * 588 + p.medial * 28;
  return Object.entries(CLUSTERS)
    .filter(([, pair]) => pair.includes(final))
    .map(([cluster]) => String.fromCharCode(base + JONGSEONG.indexOf(cluster)));
}
