import type { CREDIT_KINDS } from './schema.ts';

/**
 * How Korean papers print a photo credit (사진 제공=서울시, 사진=홍길동 기자, 연합뉴스) and a
 * chart's (그래픽=홍길동 기자, 자료=통계청).
 */
export function formatCredit(credit: string, kind: (typeof CREDIT_KINDS)[number]): string {
  switch (kind) {
    case 'provided':
      return `사진 제공=${credit}`;
    case 'staff':
      return `사진=${credit}`;
    case 'agency':
      return credit;
    case 'graphic':
      return `그래픽=${credit}`;
    case 'source':
      return `자료=${credit}`;
  }
}
