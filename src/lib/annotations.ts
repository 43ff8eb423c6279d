/**
 * The checker's problems in the form GitHub Actions reads (`::error file=…,line=…,title=…::…`,
 * shown on the pull request's changed line) and a short Korean step summary.
 *
 * Escaping follows GitHub's workflow-command syntax as @actions/core implements it
 * (packages/core/src/command.ts): in the message `%`, CR and LF become %25, %0D and %0A; in a
 * property value `:` and `,` also become %3A and %2C, since they end the value.
 * docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Problem } from './content-rules.ts';

export const escapeData = (text: string) =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

export const escapeProperty = (text: string) =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

export function errorAnnotation(problem: Problem): string {
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `title=${escapeProperty(problem.field)}`,
  ];
  return `::error ${properties.join(',')}::${escapeData(problem.message)}`;
}

/** Rows shown in the summary; the log and the annotations have every problem. */
const SUMMARY_ROWS = 50;

/** A Markdown table cell: no line breaks, `|` and HTML taken literally. */
const cell = (text: string) =>
  text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|').replaceAll('<', '&lt;');

export function stepSummary(problems: readonly Problem[], articles: number): string {
  if (problems.length === 0)
    return `## 기사 검사: 문제 없음\n\n기사 ${articles}건을 검사했습니다.\n`;
  const files = new Set(problems.map((p) => p.file)).size;
  const rows = problems
    .slice(0, SUMMARY_ROWS)
    .map((p) => `| \`${cell(p.file)}:${p.line}\` | ${cell(p.field)} | ${cell(p.message)} |`);
  const more = problems.length - rows.length;
  return [
    `## 기사 검사: 문제 ${problems.length}건`,
    '',
    `기사 ${articles}건 가운데 파일 ${files}개에서 문제를 찾았습니다. 각 문제는 풀 리퀘스트의 해당 줄에도 표시됩니다.`,
    '고치는 방법은 CONTRIBUTING.md의 "검사 메시지와 고치는 법"을 보세요.',
    '',
    '| 위치 | 항목 | 문제 |',
    '| --- | --- | --- |',
    ...rows,
    ...(more > 0 ? ['', `외 ${more}건은 작업 로그에 있습니다.`] : []),
    '',
  ].join('\n');
}
