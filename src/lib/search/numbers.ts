/**
 * Korean news writes one quantity many ways: 4만 5000㎡, 4만5000㎡, 45,000㎡, 45000m².
 * parseQuantity reads such a phrase (possibly spread over two or three words) into one
 * canonical token, 45000 plus its unit, so any spelling in a query meets any in the text.
 */
import { isEnding } from './endings.ts';

const BIG: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
const SMALL: Record<string, number> = { 천: 1e3, 백: 1e2 };
const PART = /^(\d+(?:,\d{3})*(?:\.\d+)?)?([조억만천백])?/;

/** Counters and units that may stand as a separate word after a number (5000 명). */
const UNIT_WORDS = [
  '달러',
  '가구',
  '마리',
  '개국',
  '원',
  '명',
  '개',
  '곳',
  '건',
  '대',
  '톤',
  '배',
  '위',
  '층',
  '년',
  '월',
  '일',
  '시',
  '분',
  '초',
  '세',
  '살',
  '평',
  '호',
  '회',
  '채',
  '척',
  '권',
  '편',
  '장',
  '주',
  '쪽',
  '점',
  '차',
  '종',
  '발',
  '곡',
  '석',
  '표',
  '위안',
  '엔',
  '유로',
  '개월',
  '시간',
  '퍼센트',
].sort((a, b) => b.length - a.length);
const LATIN_UNIT = /^(?:[a-z]+\d?|%|°c)/;

export interface Quantity {
  /** 45000, or 3_5 for 3.5: Pagefind would split a word at the dot. */
  value: string;
  /** m2, %→pct, or a Korean counter such as 명; '' when the number stands alone. */
  unit: string;
  /** How many words of the input the phrase used. */
  words: number;
  /** What is left of the last word after the unit (e.g. 센터 in 3곳센터), for normal tokens. */
  rest: string;
}

function formatValue(n: number): string {
  const rounded = Math.round(n * 1e6) / 1e6;
  return String(rounded).replace('.', '_');
}

/** Reads a unit at the start of s: m2, %, km, or a known Korean counter. */
function readUnit(s: string, standalone: boolean): { unit: string; rest: string } {
  const latin = LATIN_UNIT.exec(s);
  if (latin) {
    const unit = latin[0] === '%' ? 'pct' : latin[0].replace('°', '');
    return { unit, rest: s.slice(latin[0].length) };
  }
  const counter = UNIT_WORDS.find((u) => s.startsWith(u));
  // A counter glued to the number (11월, 3곳에) is always a counter; a separate word only
  // when nothing but a particle follows it (5000 명이, not 5000 명단).
  if (counter && (!standalone || isEnding(s.slice(counter.length)))) {
    const after = s.slice(counter.length);
    return { unit: counter, rest: standalone || isEnding(after) ? '' : after };
  }
  return { unit: '', rest: s };
}

/**
 * words are already normalized (NFKC, lower case). Returns undefined unless words[0]
 * starts with a digit.
 */
export function parseQuantity(words: string[]): Quantity | undefined {
  if (!/^\d/.test(words[0] ?? '')) return undefined;
  let total = 0;
  let group = 0;
  let used = 0;
  let rest = '';
  let endedWithBigUnit = false;
  for (let i = 0; i < words.length; i++) {
    let s = words[i];
    if (i > 0 && !(endedWithBigUnit && /^\d/.test(s))) break;
    used++;
    endedWithBigUnit = false;
    for (;;) {
      const m = PART.exec(s);
      if (!m || m[0] === '') break;
      const num = m[1] === undefined ? 0 : Number(m[1].replaceAll(',', ''));
      const unit = m[2];
      // 2천만: a big unit after a small one multiplies the whole group.
      if (unit && BIG[unit]) {
        total += (group + (m[1] === undefined ? 0 : num) || 1) * BIG[unit];
        group = 0;
        endedWithBigUnit = true;
      } else if (unit && SMALL[unit]) {
        group += (m[1] === undefined ? 1 : num) * SMALL[unit];
      } else {
        group += num;
      }
      s = s.slice(m[0].length);
      // 4만 (end of word) may continue in the next word: 4만 5000.
      if (unit && BIG[unit] && s === '') break;
      if (!unit) break;
    }
    rest = s;
    if (rest !== '') break;
  }
  const value = formatValue(total + group);
  if (rest !== '') {
    const { unit, rest: after } = readUnit(rest, false);
    return { value, unit, words: used, rest: after };
  }
  const next = words[used];
  if (next !== undefined) {
    const { unit } = readUnit(next, true);
    if (unit) return { value, unit, words: used + 1, rest: '' };
  }
  return { value, unit: '', words: used, rest: '' };
}
