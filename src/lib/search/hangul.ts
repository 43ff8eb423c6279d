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
