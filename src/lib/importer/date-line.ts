/**
 * Publication times printed by news sites, always in Korean time:
 *   입력 2025.11.03 09:30 | 수정 2025.11.03 11:02
 *   기사입력 2025-11-03 09:30:12
 * Seconds are kept when printed (09:30:12 is not 09:30:00) and checked like every other field.
 */
import { parseIsoWithOffset, toKstIso } from '../dates.ts';

export interface DateLine {
  publishedAt?: string;
  updatedAt?: string;
}

const STAMP =
  /(기사입력|입력|등록|최종수정|수정|업데이트)\s?:?\s?(\d{4})[.-](\d{1,2})[.-](\d{1,2})\.?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/g;
const PUBLISHED = new Set(['기사입력', '입력', '등록']);

/** The times on a line made only of time stamps (and separators), else undefined. */
export function parseDateLine(line: string): DateLine | undefined {
  const text = line.trim();
  const found: DateLine = {};
  let rest = text;
  for (const m of text.matchAll(STAMP)) {
    const [, label, y, mo, d, h, mi, s = '00'] = m;
    const pad = (n: string) => n.padStart(2, '0');
    const date = parseIsoWithOffset(`${y}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${mi}:${s}+09:00`);
    if (!date) return undefined;
    found[PUBLISHED.has(label!) ? 'publishedAt' : 'updatedAt'] = toKstIso(date);
    rest = rest.replace(m[0], '');
  }
  const onlyStamps = /^[\s|·/,]*$/.test(rest);
  return onlyStamps && (found.publishedAt || found.updatedAt) ? found : undefined;
}
