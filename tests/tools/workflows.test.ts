/**
 * The pull request workflows parse (the `yaml` package), use only GitHub's own actions, keep
 * the pull request's run read-only, and hand the preview to the commenting workflow by the
 * names both sides use. The comment builder runs as the workflow runs it: plain Node, no tsx.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workflow = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8'));
const pr = workflow('pr.yml');
const comment = workflow('pr-preview-comment.yml');
const steps = (job: { steps: { uses?: string; with?: Record<string, unknown> }[] }) => job.steps;
const uses = (wf: any) =>
  Object.values(wf.jobs).flatMap((job: any) => steps(job).flatMap((s) => (s.uses ? [s.uses] : [])));

describe('.github/workflows', () => {
  it('use only actions/* at a major version', () => {
    for (const action of [...uses(pr), ...uses(comment)]) {
      expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
    }
  });

  it('pr.yml runs on pull_request with a read-only token and uploads the preview', () => {
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(pr.permissions).toEqual({ contents: 'read' });
    const preview = pr.jobs.preview;
    const runs = steps(preview)
      .map((s: any) => s.run ?? '')
      .join('\n');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm run screenshots');
    expect(runs).toContain('scripts/changed-articles.ts');
    const uploads = steps(preview).filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads.map((s) => [s.with!.name, s.with!.path])).toEqual([
      ['site-preview', 'dist'],
      ['screenshots', 'screenshots'],
      ['preview-meta', 'preview-meta/pr.json'],
    ]);
  });

  it('the comment workflow follows pr.yml by name, may comment, and runs no pull request code', () => {
    expect(comment.on.workflow_run.workflows).toEqual([pr.name]);
    expect(comment.permissions['pull-requests']).toBe('write');
    const job = comment.jobs.comment;
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'");
    const checkout = steps(job).find((s) => s.uses?.startsWith('actions/checkout'))!;
    expect(checkout.with!.ref).toBe('${{ github.event.repository.default_branch }}');
    const download = steps(job).find((s) => s.uses?.startsWith('actions/download-artifact'))!;
    expect(download.with!.name).toBe('preview-meta');
    expect(download.with!['run-id']).toBe('${{ github.event.workflow_run.id }}');
    expect(JSON.stringify(job)).not.toMatch(/npm (ci|install|run)/);
  });
});

describe('scripts/preview-comment.ts under plain Node', () => {
  const work = mkdtempSync(join(tmpdir(), 'preview-comment-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = async (meta: unknown) => {
    const file = join(work, 'pr.json');
    writeFileSync(file, JSON.stringify(meta));
    try {
      const out = await promisify(execFile)('node_modules/.bin/node', [
        'scripts/preview-comment.ts',
        file,
        'https://github.com/o/r/actions/runs/1',
        'https://github.com/o/r/actions/runs/1/artifacts/2',
        '',
      ]);
      return { code: 0, ...out };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  };
  const sha = '0123456789abcdef0123456789abcdef01234567';

  it('builds the comment and names its pull request and commit', async () => {
    const result = await run({
      number: 7,
      sha,
      articles: [
        { id: '2025/11/youth-housing-deposit', headline: '보증금 500만 원으로 구할 수 있는 방은' },
      ],
    });
    expect(result.code).toBe(0);
    expect(
      result.stdout.startsWith('<!-- saebyeok-preview -->\n### 미리보기 (커밋 `0123456`)'),
    ).toBe(true);
    expect(result.stdout).toContain(
      '- 보증금 500만 원으로 구할 수 있는 방은 — `/articles/2025/11/youth-housing-deposit/`',
    );
    expect(result.stdout).toContain(
      '[site-preview](https://github.com/o/r/actions/runs/1/artifacts/2)',
    );
    expect(result.stdout).toContain('- 화면 사진이 없습니다.');
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!)).toEqual({ number: 7, sha });
  });

  it('escapes what a pull request could smuggle in, and refuses a bad number', async () => {
    const hostile = await run({
      number: 7,
      sha,
      articles: [
        {
          id: '2025/11/ok',
          headline: '<img src=x onerror=alert(1)> @everyone [링크](https://evil.example)',
        },
        { id: '../../etc/passwd', headline: '경로' },
      ],
    });
    expect(hostile.stdout).not.toMatch(/<img|@everyone|\]\(https:\/\/evil/);
    expect(hostile.stdout).not.toContain('passwd');
    expect(hostile.stdout).toContain('바뀐 기사 1건');
    const bad = await run({ number: '7; rm -rf /', sha, articles: [] });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('미리보기 정보를 쓸 수 없습니다: 번호가 없습니다');
  });
});
