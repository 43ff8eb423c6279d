/**
 * A number and its unit on one line: "100억 원", "4만 5000㎡", "1,000만 원", "1만 가구". With
 * `word-break: keep-all` a line may still break at the space inside such an amount, leaving
 * "원" alone at the start of a line; the space becomes a no-break space (U+00A0). Only units
 * that cannot start another word after a number are joined (원 달러 명 곳 가구 …), not
 * syllables such as 시 or 일 that often do (10 시민단체).
 */
const MAGNITUDE = '(?:만|억|조)';
const UNIT = '(?:원|달러|유로|엔|위안|명|곳|가구|건|개국|개사|개월|배|포인트|%|㎡|㎢|km|kg|톤)';
const AMOUNT = new RegExp(
  `(\\d[\\d,.]*${MAGNITUDE}?) (?=${UNIT})|(\\d[\\d,.]*${MAGNITUDE}) (?=\\d)`,
  'gu',
);

export function keepNumbersWithUnits(text: string): string {
  return text.replace(
    AMOUNT,
    (_, a: string | undefined, b: string | undefined) => `${a ?? b}\u00a0`,
  );
}
