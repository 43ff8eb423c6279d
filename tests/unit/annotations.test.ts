/** GitHub workflow commands and the step summary (src/lib/annotations.ts). */
import { describe, expect, it } from 'vitest';
import {
  errorAnnotation,
  escapeData,
  escapeProperty,
  stepSummary,
} from '../../src/lib/annotations.ts';

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('50%\r\n다음: 줄, 끝')).toBe('50%25%0D%0A다음: 줄, 끝');
    expect(escapeProperty('C:\\a,b%.md')).toBe('C%3A\\a%2Cb%25.md');
    // Escaping % first: an already escaped-looking text stays what it was.
    expect(escapeData('%0A')).toBe('%250A');
  });
  it('formats one problem as ::error file=…,line=…,title=…::message', () => {
    expect(
      errorAnnotation({
        file: 'content/articles/2025/11/a,b.md',
        line: 7,
        field: 'photos.0.src',
        message: '사진 파일이 없습니다: ./x.jpg\n다시 확인하세요 (100%)',
      }),
    ).toBe(
      '::error file=content/articles/2025/11/a%2Cb.md,line=7,title=photos.0.src::사진 파일이 없습니다: ./x.jpg%0A다시 확인하세요 (100%25)',
    );
  });
});

describe('stepSummary', () => {
  const problem = (n: number) => ({
    file: `content/articles/2025/11/a${n}.md`,
    line: n,
    field: 'tags',
    message: '잘못된 | 입력\n<b>',
  });
  it('says in Korean how many problems in how many files, as a table', () => {
    const text = stepSummary([problem(1), problem(2)], 10);
    expect(text).toContain('## 기사 검사: 문제 2건');
    expect(text).toContain('기사 10건 가운데 파일 2개에서');
    expect(text).toContain(
      '| `content/articles/2025/11/a1.md:1` | tags | 잘못된 \\| 입력 &lt;b> |',
    );
  });
  it('keeps the summary short: the first 50 rows, then how many more', () => {
    const text = stepSummary(
      Array.from({ length: 60 }, (_, i) => problem(i + 1)),
      60,
    );
    expect(text.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(50);
    expect(text).toContain('외 10건은 작업 로그에 있습니다.');
  });
  it('says so when there is nothing to fix', () => {
    expect(stepSummary([], 3)).toBe('## 기사 검사: 문제 없음\n\n기사 3건을 검사했습니다.\n');
  });
});
