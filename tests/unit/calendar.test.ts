import { describe, expect, it } from 'vitest';
import { kstParts } from '../../src/lib/dates.ts';
import {
  buildDate,
  daysInMonth,
  formatDayTitle,
  monthWeeks,
  nearestDays,
  onThisDay,
  weekdayOf,
} from '../../src/lib/calendar.ts';

describe('weekdays and titles', () => {
  it('names the KST weekday whatever the machine’s time zone', () => {
    expect(weekdayOf({ year: 2025, month: 11, day: 3 })).toBe(1);
    expect(formatDayTitle({ year: 2025, month: 11, day: 3 })).toBe('2025년 11월 3일(월)');
    expect(formatDayTitle({ year: 2024, month: 2, day: 29 })).toBe('2024년 2월 29일(목)');
    expect(formatDayTitle({ year: 2026, month: 1, day: 1 })).toBe('2026년 1월 1일(목)');
  });

  it('knows month lengths, leap years included', () => {
    expect([2024, 2025, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
    expect(daysInMonth(2025, 11)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('monthWeeks', () => {
  it('lays November 2025 out Sunday first, one cell per day, with counts', () => {
    const counts = new Map([
      [3, 2],
      [10, 1],
    ]);
    const weeks = monthWeeks(2025, 11, (d) => counts.get(d) ?? 0);
    // 2025-11-01 is a Saturday: six empty cells, then the 1st under 토.
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]).toEqual({ day: 1, weekday: 6, count: 0 });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const cells = weeks.flat().filter((c) => c !== null);
    expect(cells.map((c) => c.day)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(cells.find((c) => c.day === 3)).toEqual({ day: 3, weekday: 1, count: 2 });
    expect(cells.filter((c) => c.count > 0).map((c) => c.day)).toEqual([3, 10]);
    expect(weeks).toHaveLength(6);
  });

  it('needs only four rows for a February that starts on a Sunday', () => {
    expect(monthWeeks(2026, 2, () => 0)).toHaveLength(4);
  });
});

describe('nearestDays', () => {
  const days = [
    { year: 2025, month: 11, day: 10 },
    { year: 2024, month: 12, day: 31 },
    { year: 2025, month: 11, day: 3 },
    { year: 2025, month: 1, day: 2 },
  ];
  it('skips the days without articles, across months and years', () => {
    expect(nearestDays(days, { year: 2025, month: 1, day: 2 })).toEqual({
      previous: { year: 2024, month: 12, day: 31 },
      next: { year: 2025, month: 11, day: 3 },
    });
  });
  it('has no previous day at the first and no next day at the last', () => {
    expect(nearestDays(days, { year: 2024, month: 12, day: 31 }).previous).toBeUndefined();
    expect(nearestDays(days, { year: 2025, month: 11, day: 10 }).next).toBeUndefined();
  });
});

describe('onThisDay', () => {
  const byDay = new Map([
    ['2023-11-3', ['a']],
    ['2024-11-3', ['b', 'c']],
    ['2025-11-3', ['today']],
    ['2024-2-29', ['leap']],
  ]);
  const lookup = ({ year, month, day }: { year: number; month: number; day: number }) =>
    byDay.get(`${year}-${month}-${day}`);

  it('lists the same day of earlier years, newest first, never this year', () => {
    expect(onThisDay({ year: 2025, month: 11, day: 3 }, lookup, [2023, 2025, 2024, 2022])).toEqual([
      { year: 2024, articles: ['b', 'c'] },
      { year: 2023, articles: ['a'] },
    ]);
  });
  it('is empty when no earlier year published that day', () => {
    expect(onThisDay({ year: 2025, month: 11, day: 4 }, lookup, [2023, 2024, 2025])).toEqual([]);
  });
  it('finds 2월 29일 in leap years', () => {
    expect(onThisDay({ year: 2028, month: 2, day: 29 }, lookup, [2024, 2025])).toEqual([
      { year: 2024, articles: ['leap'] },
    ]);
  });
});

describe('buildDate', () => {
  it('is now, or SOURCE_DATE_EPOCH when set', () => {
    expect(buildDate({}, 1_700_000_000_000).getTime()).toBe(1_700_000_000_000);
    // 2025-11-02T15:30Z is already 11월 3일 in Seoul.
    const d = buildDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2025, 10, 2, 15, 30) / 1000) });
    expect(kstParts(d)).toMatchObject({ year: 2025, month: 11, day: 3 });
  });
  it('refuses a value that is not whole seconds', () => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: '2025-11-03' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
