import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadContentContext } from '../../src/lib/content-context.ts';
import { makeArticleSchema } from '../../src/lib/schema.ts';
import { createRandom } from '../../src/lib/synthetic/prng.ts';
import {
  DEFAULT_OPTIONS,
  generateArchive,
  poolImagePath,
  type SyntheticOptions,
} from '../../src/lib/synthetic/generate.ts';

const options: SyntheticOptions = { ...DEFAULT_OPTIONS, articles: 600, photosPerArticle: 2 };

function digest(opts: SyntheticOptions) {
  const hash = createHash('sha256');
  let files = 0;
  for (const file of generateArchive(opts)) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
    files++;
  }
  return { hash: hash.digest('hex'), files };
}

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int() within bounds and skews pickZipf toward the head of the list', () => {
    const random = createRandom(1);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const counts = new Array(50).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      counts[random.pickZipf(items)]++;
    }
    expect(counts[0]).toBeGreaterThan(counts[9] * 5);
    expect(counts[49]).toBeGreaterThan(0);
  });
});

describe('synthetic archive', () => {
  it('is the same files for the same seed, and other files for another seed', () => {
    const first = digest(options);
    expect(first.files).toBe(options.articles + 2);
    expect(digest(options)).toEqual(first);
    expect(digest({ ...options, seed: options.seed + 1 }).hash).not.toBe(first.hash);
  });

  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    for (const file of generateArchive(options)) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    // The schema only checks that photo files exist; their pixels are the bench's business.
    mkdirSync(join(dir, 'photos'));
    for (let i = 0; i < options.photoPool; i++) writeFileSync(join(dir, poolImagePath(i)), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the real content checks: file paths, sections, reporters, every article', () => {
    const context = loadContentContext(dir, new Date('2025-11-01T00:00:00Z'));
    expect(context.errors).toEqual([]);
    expect(context.articleFiles).toHaveLength(options.articles);
    const problems: string[] = [];
    for (const file of context.articleFiles) {
      const path = join(dir, 'articles', file.relativePath);
      const photoSrc = z
        .string()
        .refine((src) => existsSync(resolve(dirname(path), src)), '사진 파일이 없습니다');
      const schema = makeArticleSchema({ ...context, photoSrc });
      const { frontmatter } = parseFrontmatter(readFileSync(path, 'utf8'));
      const result = schema.safeParse(frontmatter);
      if (!result.success) problems.push(`${file.relativePath}: ${result.error.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes bodies as long as a news story: median 1,300-2,100 characters in 5-9 paragraphs', () => {
    const bodies = [...generateArchive(options)]
      .filter((file) => file.path.startsWith('articles/'))
      .map((file) => parseFrontmatter(file.content).content.trim().split('\n\n'));
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
    const chars = median(bodies.map((ps) => ps.join('').length));
    const paragraphs = median(bodies.map((ps) => ps.length));
    expect(chars).toBeGreaterThan(1300);
    expect(chars).toBeLessThan(2100);
    expect(paragraphs).toBeGreaterThanOrEqual(5);
    expect(paragraphs).toBeLessThanOrEqual(9);
  });

  it('spreads articles over days at the requested rate up to the last day, and over sections', () => {
    const context = loadContentContext(dir, new Date('2025-11-01T00:00:00Z'));
    const articles = context.articleFiles
      .map((f) => parseFrontmatter(readFileSync(join(dir, 'articles', f.relativePath), 'utf8')))
      .map(({ frontmatter }) => frontmatter as { publishedAt: string; section: string });
    const days = new Set(articles.map((a) => a.publishedAt.slice(0, 10)));
    expect(days.size).toBe(Math.ceil(options.articles / options.perDay));
    expect([...days].sort().at(-1)).toBe(options.lastDay);
    const sections = new Set(articles.map((a) => a.section));
    expect(sections.size).toBeGreaterThanOrEqual(6);
  });
});
