/**
 * `npm run check` on GitHub Actions (GITHUB_ACTIONS=true): the plain lines, unchanged, then one
 * `::error` workflow command per problem, and a Korean summary appended to
 * $GITHUB_STEP_SUMMARY. Run on real bad-content fixtures through the real CLI.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'check-annotations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function checkOnActions(contentDir: string, summary: string) {
  const env = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
  try {
    const result = await promisify(execFile)(
      'node_modules/.bin/tsx',
      ['scripts/check-content.ts', '--content-dir', contentDir],
      { env },
    );
    return { code: 0, out: result.stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

const plainLines = (out: string) => out.split('\n').filter((line) => /^\S+:\d+: /.test(line));

describe('npm run check with GITHUB_ACTIONS=true', () => {
  it('prints each problem as an ::error annotation on its file and line, plus a summary', async () => {
    const dir = 'fixtures/bad-content/schema-error';
    const summary = join(work, 'summary.md');
    writeFileSync(summary, '## 앞 단계의 요약\n');
    const actions = await checkOnActions(dir, summary);
    const plain = await runScript('scripts/check-content.ts', dir);
    expect(actions.code).toBe(1);
    // The plain output is the same as off GitHub.
    expect(plainLines(actions.out)).toEqual(plainLines(plain.out));
    expect(plain.out).not.toContain('::error');

    const annotations = actions.out.split('\n').filter((line) => line.startsWith('::error '));
    const file = `${dir}/articles/2025/11/market-card.md`;
    expect(annotations).toHaveLength(plainLines(actions.out).length);
    expect(annotations[0]).toMatch(new RegExp(`^::error file=${file},line=6,title=tags::`));
    expect(annotations[1]).toMatch(
      new RegExp(`^::error file=${file},line=7,title=writer::알 수 없는 항목입니다`),
    );
    // Messages keep their colons; only properties escape them.
    expect(annotations[1]).toContain('(쓸 수 있는 항목: ');

    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('## 앞 단계의 요약\n## 기사 검사: 문제 2건')).toBe(true);
    expect(written).toContain(`| \`${file}:6\` | tags |`);
  });

  it('writes a short all-clear summary and no annotation for good content', async () => {
    const summary = join(work, 'good.md');
    const result = await checkOnActions('fixtures/good-content', summary);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('::error');
    expect(readFileSync(summary, 'utf8')).toContain('## 기사 검사: 문제 없음');
  });
});
