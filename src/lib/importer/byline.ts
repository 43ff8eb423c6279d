/**
 * The byline line of a scrape:
 *   베이징=김연하 기자            dateline 베이징, one reporter
 *   홍길동 기자 hong@example.com  with an address
 *   뉴욕=정하람 특파원
 *   김하윤·박서준 기자            two reporters sharing the title
 *   김하윤 기자·박서준 특파원     each with a title
 *   디지털뉴스부 / 국제부 종합    a desk or team, no person
 *   연합뉴스                      a wire service at the byline's place
 */
import { REPORTER_ROLES } from '../schema.ts';
import type { BylineDesk, BylineReporter } from './types.ts';

export interface Byline {
  dateline: string | null;
  reporters: BylineReporter[];
  /** Set instead of reporters when the byline names a desk or a wire service. */
  desk?: BylineDesk;
}

const ROLE = `(?:${[...REPORTER_ROLES].sort((a, b) => b.length - a.length).join('|')})`;
/** Korean personal names: 2–4 syllables (남궁민수 has four). */
const NAME = '[가-힣]{2,4}';
const EMAIL = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';
const PERSON = new RegExp(`^(${NAME})(?:\\s?(${ROLE}))?(?:\\s+(${EMAIL}))?$`);
const PLACE = /^([가-힣A-Za-z ]{1,15}?)\s?=\s?(.+)$/;

/**
 * `사진=홍길동 기자` and `그래픽=…` credit a photo or graphic; they are not bylines, nor is a
 * short caption printed without a full stop before its credit (`배터리 교환소 사진=최민지 특파원`).
 */
const CREDIT_LABEL = /(?:^|\s)(?:사진|사진 ?제공|그래픽|영상|자료|자료 ?제공|출처|일러스트)$/;

/**
 * A desk is one or two words, the last a newsroom unit of three syllables or more (사회부,
 * 디지털뉴스부, 온라인 뉴스팀, 편집국), optionally followed by 종합 (a story put together from
 * several reports). Whole lines only: a sentence mentioning 국토교통부 has more words and ends
 * with its verb, and two-syllable words (정부, 일부) are not desks.
 */
const DESK =
  /^((?:[가-힣A-Za-z]{2,10} )?(?:[가-힣A-Za-z]{2,10}(?:부|팀|센터|데스크)|편집국|보도국|뉴스국))(?: ?(종합))?$/;
/** Wire services printed alone at the byline's place. */
const AGENCIES = new Set(['연합뉴스', '뉴시스', '뉴스1']);

function parseDesk(line: string): BylineDesk | undefined {
  if (AGENCIES.has(line)) return { name: line, desk: line };
  const desk = DESK.exec(line);
  if (!desk) return undefined;
  return { name: desk[2] ? `${desk[1]} ${desk[2]}` : desk[1]!, desk: desk[1]! };
}

/** Reads a whole line as a byline, or returns undefined: body sentences never match. */
export function parseByline(line: string): Byline | undefined {
  let rest = line.trim();
  const desk = parseDesk(rest);
  if (desk) return { dateline: null, reporters: [], desk };
  let dateline: string | null = null;
  const place = PLACE.exec(rest);
  if (place) {
    if (CREDIT_LABEL.test(place[1]!.trim())) return undefined;
    dateline = place[1]!.trim();
    rest = place[2]!;
  }
  const parts = rest.split(/\s?[·ㆍ,]\s?/);
  const people = parts.map((part) => PERSON.exec(part.trim()));
  if (people.some((p) => !p)) return undefined;
  // A title printed once at the end applies to every name before it (김하윤·박서준 기자).
  const lastRole = people.at(-1)![2];
  if (!lastRole) return undefined;
  return {
    dateline,
    reporters: people.map((p) => ({
      name: p![1]!,
      role: (p![2] ?? lastRole) as BylineReporter['role'],
      email: p![3] ?? null,
    })),
  };
}
