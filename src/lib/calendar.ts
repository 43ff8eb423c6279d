/**
 * The date archive's calendar arithmetic: month grids, weekday names, the nearest days that
 * have articles and "오늘의 과거". Days are KST calendar days (as `kstParts` gives them), and
 * every computation works on plain year/month/day numbers through Date.UTC, so the build
 * machine's time zone never enters.
 */
import { formatKstLongDate } from './dates.ts';

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** 일–토: the week as Korean calendars print it, Sunday first. */
export const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'] as const;

/** 0 = 일요일 … 6 = 토요일. */
export function weekdayOf({ year, month, day }: Day): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2025년 11월 3일(월)`: a day page's title. */
export function formatDayTitle(d: Day): string {
  return `${formatKstLongDate(d.year, d.month, d.day)}(${WEEKDAYS[weekdayOf(d)]})`;
}

export interface CalendarCell {
  day: number;
  weekday: number;
  count: number;
}

/**
 * The month as weeks of seven cells, Sunday first; cells before the 1st and after the last
 * day are null, so every row has seven and a table can print it as it is.
 */
export function monthWeeks(
  year: number,
  month: number,
  countOf: (day: number) => number,
): (CalendarCell | null)[][] {
  const cells: (CalendarCell | null)[] = Array.from(
    { length: weekdayOf({ year, month, day: 1 }) },
    () => null,
  );
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    cells.push({ day, weekday: cells.length % 7, count: countOf(day) });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const dayNumber = (d: Day) => d.year * 10_000 + d.month * 100 + d.day;

/**
 * The nearest earlier and later day that have articles, from every such day (any order):
 * ◀ 이전 날 / 다음 날 ▶ skip the days nobody published.
 */
export function nearestDays(daysWithArticles: readonly Day[], current: Day) {
  const at = dayNumber(current);
  let previous: Day | undefined;
  let next: Day | undefined;
  for (const d of daysWithArticles) {
    const n = dayNumber(d);
    if (n < at && (!previous || n > dayNumber(previous))) previous = d;
    if (n > at && (!next || n < dayNumber(next))) next = d;
  }
  return { previous, next };
}

/**
 * 오늘의 과거: for `today` (a KST day), the same month and day in each earlier year that has
 * articles on it, newest year first. 2월 29일 is only looked up in leap years, where it exists.
 */
export function onThisDay<T>(
  today: Day,
  articlesOn: (day: Day) => readonly T[] | undefined,
  years: readonly number[],
): { year: number; articles: readonly T[] }[] {
  return [...years]
    .filter((year) => year < today.year)
    .sort((a, b) => b - a)
    .flatMap((year) => {
      const articles = articlesOn({ year, month: today.month, day: today.day }) ?? [];
      return articles.length > 0 ? [{ year, articles }] : [];
    });
}

/**
 * When the site is built, for "오늘의 과거": SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when it is set, so that a build can be repeated byte for
 * byte and tested on a chosen day; otherwise now.
 */
export function buildDate(
  env: Record<string, string | undefined> = process.env,
  now = Date.now(),
): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date(now);
  if (!/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH는 1970년부터 센 초(정수)여야 합니다: '${epoch}'`);
  }
  return new Date(Number(epoch) * 1000);
}
