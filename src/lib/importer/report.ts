/**
 * The batch import's report, one CSV row per file (RFC 4180 quoting; a BOM so that Excel reads
 * it as UTF-8), and the dates a file name can give (2025-11-03_…, 20251103-0930-…).
 */
import { parseIsoWithOffset } from '../dates.ts';

export const RESULTS = { imported: '가져옴', refused: '거부함', planned: '가져올 예정' } as const;
export type Result = (typeof RESULTS)[keyof typeof RESULTS];

export interface ReportRow {
  file: string;
  result: Result;
  /** The article file written (or that would be), relative to the content folder's parent. */
  article: string;
  reason: string;
  /** Page chrome and scrape markers that were dropped. */
  dropped: string[];
}

export const REPORT_HEADER = ['파일', '결과', '기사', '거부 이유', '버린 줄'];

const cell = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

export const csvLine = (cells: readonly string[]) => cells.map(cell).join(',') + '\r\n';

export const reportLine = (row: ReportRow) =>
  csvLine([row.file, row.result, row.article, row.reason, row.dropped.join(' | ')]);

/** A CSV cell: quoted (with "" for a quote, commas and line breaks inside) or plain. */
const CELL = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;

/** Every row of a CSV text as csvLine writes it. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  CELL.lastIndex = 0;
  while (CELL.lastIndex < body.length) {
    const m = CELL.exec(body)!;
    row.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]!);
    const next = body[CELL.lastIndex];
    if (next === ',') {
      CELL.lastIndex++;
      continue;
    }
    rows.push(row);
    row = [];
    // The row ends at a line break (\r\n or \n) or at the end of the text.
    CELL.lastIndex += body.startsWith('\r\n', CELL.lastIndex) ? 2 : 1;
  }
  return rows;
}

/** The rows of an earlier report, the last row of each file winning (a resumed run appends). */
export function readReport(text: string): Map<string, ReportRow> {
  const rows = new Map<string, ReportRow>();
  for (const [file, result, article = '', reason = '', dropped = ''] of parseCsv(text).slice(1)) {
    if (!file || !Object.values(RESULTS).includes(result as Result)) continue;
    rows.set(file, {
      file,
      result: result as Result,
      article,
      reason,
      dropped: dropped ? dropped.split(' | ') : [],
    });
  }
  return rows;
}

const FILE_DATE =
  /(?:^|\D)(20\d{2}|19\d{2})([-_.]?)(\d{2})\2(\d{2})(?:[-_T ]?(\d{2})[-_:.]?(\d{2}))?(?!\d)/;

/** The KST date (and time, 00:00 when absent) in a file name, or undefined. */
export function dateFromFileName(name: string): Date | undefined {
  const m = FILE_DATE.exec(name.replace(/^.*[\\/]/, ''));
  if (!m) return undefined;
  const [, y, , mo, d, h = '00', mi = '00'] = m;
  return parseIsoWithOffset(`${y}-${mo}-${d}T${h}:${mi}:00+09:00`);
}
