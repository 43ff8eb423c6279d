/**
 * /corrections/ is paginated, newest first, across pages; and a content folder without
 * content/series.yaml (the good-content fixture) still builds, with an empty series list.
 * Built with the real build into a folder of its own.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildWorkDir } from '../helpers/astro-build.ts';
import { ROOT } from '../helpers/site.ts';

const work = buildWorkDir('corrections');
const content = join(work, 'content');
const page = (path: string) => parse(readFileSync(join(work, 'dist', path, 'index.html'), 'utf8'));

// 23 corrections, one a day from 2025-11-02: more than a page of 20.
const corrections = Array.from({ length: 23 }, (_, i) => {
  const day = String(2 + i).padStart(2, '0');
  return `  - at: "2025-11-${day}T09:00:00+09:00"\n    kind: ${i % 2 ? '반론' : '정정'}\n    text: ${i + 1}번째 정정입니다.`;
});

beforeAll(async () => {
  cpSync(join(ROOT, 'fixtures/good-content'), content, { recursive: true });
  writeFileSync(
    join(content, 'articles/2025/11/many-corrections.md'),
    `---
headline: 정정이 많은 기사
section: society
publishedAt: "2025-11-01T09:00:00+09:00"
updatedAt: "2025-11-24T09:00:00+09:00"
reporters: [lee-doyun]
corrections:
${corrections.join('\n')}
---

정정이 여러 번 붙은 기사의 본문입니다.
`,
  );
  await buildSite(work, content);
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('/corrections/ pages', () => {
  const texts = (path: string) =>
    page(path)
      .querySelectorAll('ol.corrections .text')
      .map((p) => p.text.trim());

  it('shows the 20 newest on the first page and the rest on the second', () => {
    const newestFirst = Array.from({ length: 23 }, (_, i) => `${23 - i}번째 정정입니다.`);
    expect(texts('corrections')).toEqual(newestFirst.slice(0, 20));
    expect(texts('corrections/2')).toEqual(newestFirst.slice(20));
    const first = page('corrections');
    expect(first.querySelector('.pagination a[rel=next]')!.getAttribute('href')).toBe(
      '/corrections/2/',
    );
    expect(first.querySelector('.intro')!.text).toContain('모두 23건 · 1/2 페이지');
  });

  it('builds without content/series.yaml: no series, and articles without the label', () => {
    expect(page('series').querySelector('main')!.text).toContain('연재가 없습니다.');
    expect(
      page('articles/2025/11/many-corrections').querySelector('[data-series-label]'),
    ).toBeNull();
  });
});
