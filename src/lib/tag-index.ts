/**
 * The tags page at archive scale: a real archive has tens of thousands of tags, so /tags/
 * shows only the most used ones and links to one index per initial consonant (ㄱ … ㅎ, then
 * Latin letters, then the rest), each paginated like every other listing.
 */
import { choseong } from './search/hangul.ts';

/** How many of the most used tags /tags/ shows. */
export const TOP_TAGS = 100;
/** Tags per page of an initial's index. */
export const TAGS_PER_PAGE = 200;

/** Index groups in reading order; double consonants go with their plain one (ㄲ → ㄱ). */
export const TAG_INITIALS = [
  'ㄱ',
  'ㄴ',
  'ㄷ',
  'ㄹ',
  'ㅁ',
  'ㅂ',
  'ㅅ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
  'abc',
  '기타',
] as const;
export type TagInitial = (typeof TAG_INITIALS)[number];

const PLAIN: Record<string, string> = { ㄲ: 'ㄱ', ㄸ: 'ㄷ', ㅃ: 'ㅂ', ㅆ: 'ㅅ', ㅉ: 'ㅈ' };

/** The index group of a tag: 반도체 → ㅂ, 쌀값 → ㅅ, AI → abc, 5G → 기타. */
export function tagInitial(tag: string): TagInitial {
  const first = [...tag.trim()][0] ?? '';
  const initial = choseong(first);
  if (initial) return (PLAIN[initial] ?? initial) as TagInitial;
  return /^[a-z]$/i.test(first) ? 'abc' : '기타';
}

/** How an initial is shown: abc reads A–Z. */
export const initialLabel = (initial: TagInitial) => (initial === 'abc' ? 'A–Z' : initial);

export interface TagCount {
  tag: string;
  count: number;
}

const collator = new Intl.Collator('ko');

/** Most used first; equal counts in dictionary order. */
export function topTags(tags: readonly TagCount[], limit = TOP_TAGS): TagCount[] {
  return [...tags]
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
    .slice(0, limit);
}

/** Every initial that has tags, with its tags in dictionary order. */
export function tagsByInitial(tags: readonly TagCount[]): Map<TagInitial, TagCount[]> {
  const groups = new Map<TagInitial, TagCount[]>();
  for (const tag of tags) {
    const initial = tagInitial(tag.tag);
    const list = groups.get(initial);
    if (list) list.push(tag);
    else groups.set(initial, [tag]);
  }
  for (const list of groups.values()) list.sort((a, b) => collator.compare(a.tag, b.tag));
  return new Map(TAG_INITIALS.filter((i) => groups.has(i)).map((i) => [i, groups.get(i)!]));
}
