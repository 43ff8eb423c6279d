import { describe, expect, it } from 'vitest';
import { keepNumbersWithUnits } from '../../src/lib/keep-units.ts';

const NBSP = '\u00a0';

describe('keepNumbersWithUnits', () => {
  it('joins an amount to its unit and the parts of a spelled-out number', () => {
    expect(keepNumbersWithUnits('사업비는 100억 원 규모다')).toBe(`사업비는 100억${NBSP}원 규모다`);
    expect(keepNumbersWithUnits('4만 5000㎡ 부지')).toBe(`4만${NBSP}5000㎡ 부지`);
    expect(keepNumbersWithUnits('1조 3000억 원을')).toBe(`1조${NBSP}3000억${NBSP}원을`);
    expect(keepNumbersWithUnits('1,000만 원, 1만 가구, 30 %')).toBe(
      `1,000만${NBSP}원, 1만${NBSP}가구, 30${NBSP}%`,
    );
  });
  it('leaves words that only follow a number alone', () => {
    for (const text of ['2025 시민단체', '10 일본', '3 개발자', '2024 2025 두 해', '원 100 원']) {
      expect(keepNumbersWithUnits(text)).toBe(text.replace('100 원', `100${NBSP}원`));
    }
  });
});
