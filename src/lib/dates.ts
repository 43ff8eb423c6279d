/**
 * Dates for a Korean newspaper: every date a reader sees is Korea Standard Time (UTC+9,
 * no daylight saving), whatever the build machine's TZ. We never use the host's local
 * time zone: all formatting goes through Intl with an explicit timeZone.
 */
export const KST = 'Asia/Seoul';
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** ISO 8601 date-time with an explicit offset or Z, e.g. 2025-11-01T09:30:00+09:00. */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO date-time that carries an offset and checks that every field is real
 * (no 2월 30일, no 25시): `new Date()` alone would silently roll such dates over.
 */
export function parseIsoWithOffset(value: string): Date | undefined {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0'] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The calendar fields of an instant in KST. */
export function kstParts(date: Date) {
  const k = new Date(date.getTime() + KST_OFFSET_MS);
  return {
    year: k.getUTCFullYear(),
    month: k.getUTCMonth() + 1,
    day: k.getUTCDate(),
    hour: k.getUTCHours(),
    minute: k.getUTCMinutes(),
    second: k.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-11-01T09:30:00+09:00`: for `<time datetime>`, JSON-LD and feeds. */
export function toKstIso(date: Date): string {
  const p = kstParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+09:00`;
}

/** `2025.11.01 09:30`: the compact stamp Korean news pages print after 입력/수정. */
export function formatKstDateTime(date: Date): string {
  const p = kstParts(date);
  return `${p.year}.${pad(p.month)}.${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2025.11.01`: for lists and search results. */
export function formatKstDate(date: Date): string {
  const p = kstParts(date);
  return `${p.year}.${pad(p.month)}.${pad(p.day)}`;
}

/** `2025년 11월 1일`: for archive headings. */
export function formatKstLongDate(year: number, month?: number, day?: number): string {
  if (month === undefined) return `${year}년`;
  if (day === undefined) return `${year}년 ${month}월`;
  return `${year}년 ${month}월 ${day}일`;
}
