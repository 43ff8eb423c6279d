/**
 * Runs the real `npm run check` CLI on small content folders, one per rule, and checks that
 * it fails with the documented line: `file:line: field: message`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';
import { BAD, BAD_CONTENT_CASES as cases } from '../helpers/bad-content-cases.ts';

async function check(contentDir: string, ...args: string[]) {
  const { code, out } = await runScript('scripts/check-content.ts', contentDir, ...args);
  return { code, stdout: out };
}

describe('npm run check', () => {
  it.concurrent.each(Object.entries(cases))(
    '%s: exit 1 with file:line: field: message',
    async (name, expected) => {
      const { code, stdout } = await check(`${BAD}/${name}`);
      expect(code).toBe(1);
      const problemLines = stdout.split('\n').filter((line) => line.startsWith(BAD));
      for (const line of expected) {
        expect(
          problemLines.some((printed) => printed.startsWith(line)),
          `${line}\nin\n${stdout}`,
        ).toBe(true);
      }
      // Nothing else is reported: every rule has its own fixture.
      expect(problemLines).toHaveLength(expected.length);
      expect(stdout).toMatch(new RegExp(`문제 ${expected.length}건`));
    },
  );

  it('passes good content, .md and .mdx, with exit 0', async () => {
    const { code, stdout } = await check('fixtures/good-content');
    expect(stdout).toContain('기사 3건 검사: 문제 없음');
    expect(code).toBe(0);
  });

  it('passes the hostile Markdown corpus: raw HTML is sanitized, not an error', async () => {
    const { code } = await check('fixtures/hostile/content');
    expect(code).toBe(0);
  });

  it('reports every problem of several files in one run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-many-'));
    try {
      cpSync(`${BAD}/unknown-section`, dir, { recursive: true });
      cpSync(
        `${BAD}/todo-marker/articles/2025/11/market-card.md`,
        join(dir, 'articles/2025/11/second.md'),
      );
      const { code, stdout } = await check(dir);
      expect(code).toBe(1);
      expect(stdout).toMatch(/market-card\.md:3: section:/);
      expect(stdout).toMatch(/second\.md:8: \(body\):/);
      expect(stdout).toMatch(/second\.md:10: \(body\):/);
      expect(stdout).toContain('파일 2개에서 문제 3건');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the future margin from --future-margin-hours', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-margin-'));
    try {
      cpSync('fixtures/good-content', dir, { recursive: true });
      const soon = new Date(Date.now() + 30 * 3600_000);
      const kst = new Date(soon.getTime() + 9 * 3600_000).toISOString().slice(0, 19) + '+09:00';
      const folder = join(dir, 'articles', kst.slice(0, 4), kst.slice(5, 7));
      cpSync(`${BAD}/unknown-section/articles/2025/11/market-card.md`, join(folder, 'soon.md'));
      const text = `---\nheadline: 예약 기사\nsection: economy\npublishedAt: "${kst}"\nreporters: [kim-hayoon]\n---\n\n본문.\n`;
      writeFileSync(join(folder, 'soon.md'), text);
      expect((await check(dir, '--future-margin-hours', '24')).code).toBe(1);
      expect((await check(dir, '--future-margin-hours', '48')).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
