/** The line-level readers of the importer: captions and credits, bylines, time stamps. */
import { describe, expect, it } from 'vitest';
import { parseByline } from '../../../src/lib/importer/byline.ts';
import { splitCaption, undouble } from '../../../src/lib/importer/caption.ts';
import { parseDateLine } from '../../../src/lib/importer/date-line.ts';

describe('splitCaption', () => {
  it.each([
    ['시민들이 광장을 걷고 있다. 사진 제공=서울시', '서울시', 'provided'],
    ['시민들이 광장을 걷고 있다. 사진제공=한국관광공사', '한국관광공사', 'provided'],
    ['시민들이 광장을 걷고 있다. 사진=서울시', '서울시', 'provided'],
    ['시민들이 광장을 걷고 있다. 사진=홍길동 기자', '홍길동 기자', 'staff'],
    ['시민들이 광장을 걷고 있다. /연합뉴스', '연합뉴스', 'agency'],
    ['시민들이 광장을 걷고 있다. 연합뉴스', '연합뉴스', 'agency'],
    ['시민들이 광장을 걷고 있다. AP연합뉴스', 'AP연합뉴스', 'agency'],
    ['시민들이 광장을 걷고 있다. AFP=연합뉴스', 'AFP=연합뉴스', 'agency'],
    ['시민들이 광장을 걷고 있다. 뉴스1', '뉴스1', 'agency'],
  ])('%s', (line, credit, creditKind) => {
    expect(splitCaption(line)).toEqual({
      caption: '시민들이 광장을 걷고 있다.',
      credit,
      creditKind,
    });
  });

  it('reads a caption printed once by the credit at its end, with or without a full stop', () => {
    expect(splitCaption('조선소 도크의 운반선. 뉴스1')).toEqual({
      caption: '조선소 도크의 운반선.',
      credit: '뉴스1',
      creditKind: 'agency',
    });
    expect(splitCaption('배터리 교환소 사진=최민지 특파원')).toEqual({
      caption: '배터리 교환소',
      credit: '최민지 특파원',
      creditKind: 'staff',
    });
  });

  it.each([
    ['취업자 증감 추이. 그래픽=윤서하 기자', '윤서하 기자', 'graphic'],
    ['취업자 증감 추이. 자료:통계청', '통계청', 'source'],
    ['취업자 증감 추이. 자료=통계청', '통계청', 'source'],
    ['취업자 증감 추이. 자료 제공=한국은행', '한국은행', 'source'],
    ['취업자 증감 추이. 출처=고용노동부', '고용노동부', 'source'],
  ])('reads a chart credit: %s', (line, credit, creditKind) => {
    expect(splitCaption(line)).toEqual({ caption: '취업자 증감 추이.', credit, creditKind });
  });

  it('does not read body sentences or bare credits as captions', () => {
    expect(splitCaption('자료:통계청')).toBeUndefined();
    expect(splitCaption('통계청 자료에 따르면 취업자가 늘었다.')).toBeUndefined();
    expect(splitCaption('시는 사진 공모전 수상작을 다음 달 발표한다.')).toBeUndefined();
    expect(splitCaption('이 소식은 연합뉴스가 처음 전했다.')).toBeUndefined();
    expect(splitCaption('사진 제공=서울시')).toBeUndefined();
  });
});

describe('undouble', () => {
  const once = '새 전시관 내부 모습. 사진 제공=문화재단';
  it('takes one copy of a caption printed twice on one line, glued or spaced', () => {
    expect(undouble(once + once)).toBe(once);
    expect(undouble(`${once} ${once}`)).toBe(once);
  });
  it('leaves other lines alone', () => {
    expect(undouble(once)).toBe(once);
    expect(undouble('하하')).toBe('하');
    expect(undouble('시장은 "좋다 좋다"고 말했다.')).toBe('시장은 "좋다 좋다"고 말했다.');
  });
});

describe('parseByline', () => {
  it('reads a dateline and a reporter', () => {
    expect(parseByline('베이징=김연하 기자')).toEqual({
      dateline: '베이징',
      reporters: [{ name: '김연하', role: '기자', email: null }],
    });
  });
  it('reads an address, a correspondent and a four-syllable name', () => {
    expect(parseByline('홍길동 기자 hong.gd@example.com')?.reporters).toEqual([
      { name: '홍길동', role: '기자', email: 'hong.gd@example.com' },
    ]);
    expect(parseByline('뉴욕=남궁민수 특파원')).toEqual({
      dateline: '뉴욕',
      reporters: [{ name: '남궁민수', role: '특파원', email: null }],
    });
  });
  it('shares a trailing title between names joined by ·', () => {
    expect(parseByline('세종=김하윤·박서준 기자')).toEqual({
      dateline: '세종',
      reporters: [
        { name: '김하윤', role: '기자', email: null },
        { name: '박서준', role: '기자', email: null },
      ],
    });
    expect(parseByline('김하윤 기자·정하람 특파원')?.reporters.map((r) => r.role)).toEqual([
      '기자',
      '특파원',
    ]);
  });
  it.each([
    ['디지털뉴스부', '디지털뉴스부', '디지털뉴스부'],
    ['편집국', '편집국', '편집국'],
    ['국제부 종합', '국제부 종합', '국제부'],
    ['국제부종합', '국제부 종합', '국제부'],
    ['온라인 뉴스팀', '온라인 뉴스팀', '온라인 뉴스팀'],
    ['연합뉴스', '연합뉴스', '연합뉴스'],
    ['뉴시스', '뉴시스', '뉴시스'],
  ])('reads a desk or wire service byline: %s', (line, name, desk) => {
    expect(parseByline(line)).toEqual({ dateline: null, reporters: [], desk: { name, desk } });
  });
  it('does not read short words, sentences or bodies ending in 부 as desks', () => {
    for (const line of [
      '정부',
      '일부',
      '종합',
      '한미 양국',
      '국토교통부가 발표했다.',
      '정부 부처 세 곳의 합동 대책반',
    ]) {
      expect(parseByline(line)).toBeUndefined();
    }
  });
  it('does not read sentences, captions or titles-only as bylines', () => {
    expect(parseByline('김 기자는 현장을 찾았다.')).toBeUndefined();
    expect(parseByline('사진=홍길동 기자')).toBeUndefined();
    expect(parseByline('배터리 교환소 사진=최민지 특파원')).toBeUndefined();
    expect(parseByline('행사장 전경 사진 제공=김하윤 기자')).toBeUndefined();
    expect(parseByline('김하윤')).toBeUndefined();
    expect(parseByline('기자')).toBeUndefined();
  });
});

describe('parseDateLine', () => {
  it('reads published and updated times as KST', () => {
    expect(parseDateLine('입력 2025.11.03 09:30 | 수정 2025.11.03 11:02')).toEqual({
      publishedAt: '2025-11-03T09:30:00+09:00',
      updatedAt: '2025-11-03T11:02:00+09:00',
    });
    expect(parseDateLine('기사입력 2025-1-3 9:05:12')).toEqual({
      publishedAt: '2025-01-03T09:05:12+09:00',
    });
    expect(parseDateLine('입력 2025-09-23 15:42:07')).toEqual({
      publishedAt: '2025-09-23T15:42:07+09:00',
    });
    expect(parseDateLine('수정 2025.11.03 11:02')).toEqual({
      updatedAt: '2025-11-03T11:02:00+09:00',
    });
  });
  it('ignores sentences that contain a time and impossible dates', () => {
    expect(parseDateLine('행사는 입력 2025.11.03 09:30에 시작했다.')).toBeUndefined();
    expect(parseDateLine('입력 2025.02.30 09:30')).toBeUndefined();
    expect(parseDateLine('입력 2025.09.23 15:42:61')).toBeUndefined();
  });
});
