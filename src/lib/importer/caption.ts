/**
 * Photo captions in a scrape: caption text ending with a credit, often printed twice.
 *   …둘러보고 있다. 사진 제공=서울시   → provided, 서울시
 *   …모여 있다. 사진=홍길동 기자       → staff, 홍길동 기자
 *   …걷고 있다. /연합뉴스              → agency, 연합뉴스
 *   …취업자 증감. 그래픽=홍길동 기자   → graphic, 홍길동 기자
 *   …가계대출 추이. 자료:한국은행      → source, 한국은행 (also 자료 제공=…, 출처=…)
 *
 * A caption printed only once, with no photo in the text, is told from a body paragraph by
 * its credit alone: a line is a caption when it ends with `사진=…`, `사진 제공=…`, a chart's
 * `그래픽=…`/`자료:…`/`출처=…` or a wire service, after a space or `/`, with caption text before it. Body sentences end with their
 * verb and a full stop or a closing quote (…발표했다.), so they do not end with a credit; a
 * service named inside a sentence (`연합뉴스가 처음 전했다.`) stays body. Nothing more is
 * asked: real captions may lack the full stop before the credit (`…교환소 사진=…`) and may run
 * to two sentences, so neither a full stop nor a length limit would be a safe test.
 * A paragraph a scraper glued a credit onto becomes a caption, which is not lost: it stands in
 * the article file with a placeholder photo that the checker refuses until an editor acts.
 */
import type { ScrapedPhoto } from './types.ts';

type Credit = Pick<ScrapedPhoto, 'credit' | 'creditKind'>;
export type Caption = Pick<ScrapedPhoto, 'caption'> & Credit;

/** Wire services whose name alone is the credit, with the foreign agencies they relay. */
const AGENCY =
  /(?:^|[\s/])((?:AP|AFP|EPA|UPI|로이터|신화|교도)?\s?=?\s?(?:연합뉴스|뉴스1|뉴시스))$/;
const PROVIDED = /(?:^|\s)사진\s?제공\s?=\s?(\S(?:[^=]*\S)?)$/;
const STAFF_OR_PROVIDED = /(?:^|\s)사진\s?=\s?(\S(?:[^=]*\S)?)$/;
const GRAPHIC = /(?:^|\s)그래픽\s?=\s?(\S(?:[^=]*\S)?)$/;
const SOURCE = /(?:^|\s)(?:자료\s?제공|자료|출처)\s?[=:]\s?(\S(?:[^=:]*\S)?)$/;
const STAFF_TITLE = /\s(?:기자|특파원|선임기자|인턴기자)$/;

/** The credit at the end of a line, and the caption before it; undefined if there is none. */
export function splitCaption(line: string): Caption | undefined {
  const text = line.trim();
  let match: RegExpExecArray | null;
  let credit: Credit;
  if ((match = PROVIDED.exec(text))) {
    credit = { credit: match[1]!, creditKind: 'provided' };
  } else if ((match = STAFF_OR_PROVIDED.exec(text))) {
    // `사진=서울시` is a handout printed without 제공; only a person with a title is staff.
    const kind = STAFF_TITLE.test(match[1]!) ? 'staff' : 'provided';
    credit = { credit: match[1]!, creditKind: kind };
  } else if ((match = GRAPHIC.exec(text))) {
    credit = { credit: match[1]!, creditKind: 'graphic' };
  } else if ((match = SOURCE.exec(text))) {
    credit = { credit: match[1]!, creditKind: 'source' };
  } else if ((match = AGENCY.exec(text))) {
    credit = { credit: match[1]!.replace(/\s?=\s?/, '='), creditKind: 'agency' };
  } else {
    return undefined;
  }
  const caption = text
    .slice(0, match.index)
    .replace(/[\s/]+$/, '')
    .trim();
  // A credit with no caption before it is a stray credit line, not a photo.
  return caption ? { caption, ...credit } : undefined;
}

/**
 * Scrapes print a caption twice, glued on one line (`AB` + `AB`), sometimes with a space
 * between. Returns the single copy, or the line unchanged when it is not a doubled line.
 */
export function undouble(line: string): string {
  const text = line.trim();
  for (const gap of [0, 1]) {
    const half = (text.length - gap) / 2;
    if (!Number.isInteger(half) || half === 0) continue;
    const first = text.slice(0, half);
    if (first === text.slice(half + gap) && (gap === 0 || /\s/.test(text[half]!))) {
      return first.trim();
    }
  }
  return text;
}
