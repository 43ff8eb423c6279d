/** `npm run new` writes a file that the real checker accepts once the body is written. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'new-article-'));
cpSync('fixtures/good-content', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (script: string, ...args: string[]) => runScript(script, dir, ...args);

describe('npm run new', () => {
  it('writes the article in its KST year/month folder; check passes once the body is written', async () => {
    const made = await cli(
      'scripts/new-article.ts',
      '--section',
      'economy',
      '--headline',
      '시장 상인회, 온라인 장보기 시작',
      '--reporters',
      'kim-hayoon',
      '--date',
      '2025-10-31 23:30',
      '--slug',
      'market-online',
    );
    expect(made.code, made.out).toBe(0);
    const file = join(dir, 'articles/2025/10/market-online.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('publishedAt: "2025-10-31T23:30:00+09:00"');
    expect(text).toContain('# 섹션: content/sections.yaml 의 id');

    const unfinished = await cli('scripts/check-content.ts');
    expect(unfinished.code).toBe(1);
    expect(unfinished.out).toContain('market-online.md');
    expect(unfinished.out).toContain('본문을 쓰세요');

    writeFileSync(
      file,
      text.replace('<!-- 본문을 쓰세요 -->', '상인회는 31일 온라인 장보기를 시작했다.'),
    );
    const done = await cli('scripts/check-content.ts');
    expect(done.code, done.out).toBe(0);
  });

  it('refuses unknown sections, bad slugs and dates, and lists missing flags', async () => {
    const bad = await cli(
      'scripts/new-article.ts',
      '--section',
      'nope',
      '--headline',
      '제목',
      '--reporters',
      'kim-hayoon',
      '--date',
      '2025-02-30 10:00',
      '--slug',
      'Bad_Slug',
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("알 수 없는 섹션 'nope'");
    expect(bad.out).toContain('--slug');
    expect(bad.out).toContain('--date');
    const missing = await cli('scripts/new-article.ts', '--section', 'economy');
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/빠진 항목: --headline.*--reporters.*--date.*--slug/);
  });
});
