/**
 * Reporter ids from Korean names (김연하 → kim-yeonha), used by the importer for new bylines
 * and by the synthetic archive generator, so both spell names the same way.
 */
import { romanize } from 'es-hangul';

/** Surnames as Korean people usually spell them in Latin letters, not as RR would. */
const SURNAMES: Record<string, string> = {
  김: 'kim',
  이: 'lee',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  장: 'jang',
  임: 'lim',
  한: 'han',
  오: 'oh',
  서: 'seo',
  신: 'shin',
  권: 'kwon',
  황: 'hwang',
  안: 'ahn',
  송: 'song',
  류: 'ryu',
  유: 'yoo',
  홍: 'hong',
  전: 'jeon',
  고: 'ko',
  문: 'moon',
  양: 'yang',
  손: 'son',
  배: 'bae',
  백: 'baek',
  허: 'heo',
  노: 'noh',
  남궁: 'namgung',
  제갈: 'jegal',
  선우: 'sunwoo',
  황보: 'hwangbo',
  독고: 'dokgo',
  사공: 'sagong',
};

/** Syllable by syllable, so sound changes across syllables (연음) do not blur the name. */
const romanizeSyllables = (text: string) =>
  [...text].map((syllable) => romanize(syllable)).join('');

export function reporterIdFor(name: string, taken: ReadonlySet<string>): string {
  const compound = name.length >= 3 && SURNAMES[name.slice(0, 2)] ? 2 : 1;
  const surname = name.slice(0, compound);
  const base =
    `${SURNAMES[surname] ?? romanizeSyllables(surname)}-${romanizeSyllables(name.slice(compound))}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
