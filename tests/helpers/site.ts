/**
 * What the built site should contain, read independently of the site's own code: the
 * article files under content/ (frontmatter parsed as Astro does) and the HTML in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { listArticleFiles } from '../../src/lib/content-files.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const CONTENT = join(ROOT, 'content');

export interface SourceArticle {
  id: string;
  file: string;
  frontmatter: Record<string, any>;
  body: string;
}

export function sourceArticles(contentDir = CONTENT): SourceArticle[] {
  const { files } = listArticleFiles(join(contentDir, 'articles'));
  return files.map((f) => {
    const file = join(contentDir, 'articles', f.relativePath);
    const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
    return { id: f.id, file, frontmatter, body: content };
  });
}

export function yamlList(
  name: 'sections' | 'reporters',
  contentDir = CONTENT,
): Record<string, any>[] {
  return parseYaml(readFileSync(join(contentDir, `${name}.yaml`), 'utf8'));
}

/** KST wall-clock fields for an ISO string with offset, by plain arithmetic (no Intl). */
export function expectedKst(iso: string) {
  const k = new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString();
  return {
    iso: `${k.slice(0, 19)}+09:00`,
    display: `${k.slice(0, 10).replaceAll('-', '.')} ${k.slice(11, 16)}`,
  };
}

export function distHtml(path: string): HTMLElement {
  const file = join(DIST, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) throw new Error(`not built: ${path} (${file})`);
  return parse(readFileSync(file, 'utf8'));
}

export function distText(path: string): string {
  return readFileSync(join(DIST, path.replace(/^\//, '')), 'utf8');
}

export function requireBuild() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
}
