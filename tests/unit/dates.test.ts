import { describe, expect, it } from 'vitest';
import {
  formatKstDate,
  formatKstDateTime,
  formatKstLongDate,
  kstParts,
  parseIsoWithOffset,
  toKstIso,
} from '../../src/lib/dates.ts';

describe('parseIsoWithOffset', () => {
  it('accepts ISO date-times with an offset or Z', () => {
    expect(parseIsoWithOffset('2025-11-01T09:30:00+09:00')?.toISOString()).toBe(
      '2025-11-01T00:30:00.000Z',
    );
    expect(parseIsoWithOffset('2024-02-29T23:59Z')?.toISOString()).toBe('2024-02-29T23:59:00.000Z');
  });

  it.each([
    ['2025-02-29T10:00:00+09:00', 'not a leap year'],
    ['2025-02-30T10:00:00+09:00', '2월 30일'],
    ['2025-04-31T10:00:00+09:00', '4월 31일'],
    ['2025-13-01T10:00:00+09:00', 'month 13'],
    ['2025-11-01T24:00:00+09:00', 'hour 24'],
    ['2025-11-01T10:60:00+09:00', 'minute 60'],
    ['2025-11-01T10:00:00', 'no offset'],
    ['2025-11-01', 'date only'],
    ['어제', 'not a date'],
  ])('refuses %s (%s)', (value) => {
    expect(parseIsoWithOffset(value)).toBeUndefined();
  });
});

describe('KST formatting', () => {
  // 2025-12-31T15:30Z is already 2026-01-01 00:30 in Seoul: the year must roll over.
  const newYearInSeoul = new Date('2025-12-31T15:30:00Z');

  it('formats in KST whatever the offset the date was written with', () => {
    expect(toKstIso(newYearInSeoul)).toBe('2026-01-01T00:30:00+09:00');
    expect(toKstIso(new Date('2025-06-01T08:00:00-07:00'))).toBe('2025-06-02T00:00:00+09:00');
    expect(formatKstDateTime(newYearInSeoul)).toBe('2026.01.01 00:30');
    expect(formatKstDate(newYearInSeoul)).toBe('2026.01.01');
    expect(kstParts(newYearInSeoul)).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0 });
  });

  it('writes Korean long dates', () => {
    expect(formatKstLongDate(2025)).toBe('2025년');
    expect(formatKstLongDate(2025, 11)).toBe('2025년 11월');
    expect(formatKstLongDate(2025, 11, 2)).toBe('2025년 11월 2일');
  });

  it('does not depend on the machine time zone', () => {
    // The suite runs under TZ=UTC and TZ=America/Los_Angeles (see package.json test:unit).
    expect(formatKstDateTime(new Date('2025-03-09T10:30:00Z'))).toBe('2025.03.09 19:30');
  });
});
