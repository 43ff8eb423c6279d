/** The batch import's report (CSV written and read back) and dates in file names. */
import { describe, expect, it } from 'vitest';
import {
  csvLine,
  dateFromFileName,
  parseCsv,
  readReport,
  REPORT_HEADER,
  reportLine,
  RESULTS,
  type ReportRow,
} from '../../../src/lib/importer/report.ts';
import { toKstIso } from '../../../src/lib/dates.ts';

describe('report CSV', () => {
  const rows: ReportRow[] = [
    {
      file: 'a,b.txt',
      result: RESULTS.refused,
      article: '',
      reason: '기자 줄이 둘 이상입니다: 1번째 줄 \'김 "하윤"\'\n다시 실행하세요',
      dropped: ['더보기', '[표]'],
    },
    {
      file: '2025/11/c.html',
      result: RESULTS.imported,
      article: 'content/articles/2025/11/c.md',
      reason: '',
      dropped: [],
    },
  ];
  it('reads back what it wrote: commas, quotes and line breaks inside cells', () => {
    const text = '\uFEFF' + csvLine(REPORT_HEADER) + rows.map(reportLine).join('');
    expect(parseCsv(text)[0]).toEqual(REPORT_HEADER);
    expect([...readReport(text).values()]).toEqual(rows);
  });
  it('keeps the last row of a file that a resumed run appended again', () => {
    const retried = { ...rows[0]!, result: RESULTS.imported, article: 'x.md', reason: '' };
    const text = csvLine(REPORT_HEADER) + [...rows, retried].map(reportLine).join('');
    expect(readReport(text).get('a,b.txt')).toEqual(retried);
    expect(readReport(text).size).toBe(2);
  });
});

describe('dateFromFileName', () => {
  it.each([
    ['2025-11-03_robot.txt', '2025-11-03T00:00:00+09:00'],
    ['scrape-20251103-0930.html', '2025-11-03T09:30:00+09:00'],
    ['archive/2025_11_03 14-05 seoul.txt', '2025-11-03T14:05:00+09:00'],
  ])('%s → %s (KST)', (name, iso) => {
    expect(toKstIso(dateFromFileName(name)!)).toBe(iso);
  });
  it('finds no date in other numbers or in impossible dates', () => {
    expect(dateFromFileName('article-12345.txt')).toBeUndefined();
    expect(dateFromFileName('2025-02-30_a.txt')).toBeUndefined();
    expect(dateFromFileName('2025/11/03/a.txt')).toBeUndefined();
  });
});
