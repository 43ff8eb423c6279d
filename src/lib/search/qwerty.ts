/**
 * A query typed with the keyboard left in Latin mode (the most common Korean search typo):
 * dkvkxm is 아파트 on the 2-set (두벌식) layout. Naver searches the Hangul reading when the
 * Latin query finds little; so does the site, and says so.
 */
import { convertQwertyToHangul } from 'es-hangul';

/**
 * The Hangul the query's Latin letters stand for, or undefined when they do not read as
 * whole syllables (kic → ㅏㅑㅊ, qwerty → ㅂㅈㄷㄱ쇼: English, not a Korean word mistyped).
 * Words that are not Latin letters alone (digits, Hangul, operators) are kept as typed.
 */
export function hangulReading(query: string): string | undefined {
  let changed = false;
  const words = query.split(/(\s+)/).map((word) => {
    if (!/^[a-zA-Z]+$/.test(word)) return word;
    const reading = convertQwertyToHangul(word);
    if (!/^[\uac00-\ud7a3]+$/.test(reading)) return undefined;
    changed = true;
    return reading;
  });
  return changed && words.every((w) => w !== undefined) ? words.join('') : undefined;
}

/**
 * Fewer hits than this for a Latin query that reads as Hangul: the reader most likely
 * meant the Hangul (ai finds AI articles and is kept; tjdnf finds nothing).
 */
const FEW_HITS = 3;

/**
 * Runs `search` on the query and, when it finds little and the query reads as Hangul, on
 * the reading too; keeps whichever finds more, and says which (`reading`).
 */
export async function withHangulReading<T extends { hits: readonly unknown[] }>(
  query: string,
  search: (query: string) => Promise<T>,
): Promise<{ outcome: T; reading?: string }> {
  const outcome = await search(query);
  const reading = hangulReading(query);
  if (!reading || outcome.hits.length >= FEW_HITS) return { outcome };
  const other = await search(reading);
  return other.hits.length > outcome.hits.length ? { outcome: other, reading } : { outcome };
}
