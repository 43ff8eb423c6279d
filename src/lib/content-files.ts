/**
 * Reads the content folder the way both the build and the scripts need it: the section and
 * reporter lists, and every article file with the id its path gives. Node only (fs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { reporterSchema, sectionSchema } from './schema.ts';
import { parseArticlePath, type ArticlePath } from './urls.ts';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ContentError';
  }
}

/** Reads a YAML list and validates each entry; every problem is reported, ids are unique. */
export function readYamlList<S extends z.ZodType<{ id: string }>>(
  file: string,
  schema: S,
  displayPath = file,
): { items: z.output<S>[]; errors: ContentError[] } {
  const raw: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) {
    return {
      items: [],
      errors: [new ContentError(displayPath, '(root)', '항목의 목록(YAML 배열)이어야 합니다')],
    };
  }
  const items: z.output<S>[] = [];
  const errors: ContentError[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const result = schema.safeParse(entry);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push(new ContentError(displayPath, [index, ...issue.path].join('.'), issue.message));
      }
      return;
    }
    if (seen.has(result.data.id)) {
      errors.push(
        new ContentError(displayPath, `${index}.id`, `id '${result.data.id}'가 중복됩니다`),
      );
      return;
    }
    seen.add(result.data.id);
    items.push(result.data);
  });
  return { items, errors };
}

export const readSections = (contentDir: string) =>
  readYamlList(join(contentDir, 'sections.yaml'), sectionSchema, 'content/sections.yaml');
export const readReporters = (contentDir: string) =>
  readYamlList(join(contentDir, 'reporters.yaml'), reporterSchema, 'content/reporters.yaml');

export interface ArticleFile extends ArticlePath {
  /** Path relative to the articles folder, with forward slashes. */
  relativePath: string;
}

/** Every .md/.mdx file under `articlesDir`, with its id; bad paths and duplicate ids are errors. */
export function listArticleFiles(articlesDir: string, displayPrefix = 'content/articles/') {
  const files: ArticleFile[] = [];
  const errors: ContentError[] = [];
  const byId = new Map<string, string>();
  const entries = readdirSync(articlesDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
    const relativePath = relative(articlesDir, join(entry.parentPath, entry.name)).replaceAll(
      '\\',
      '/',
    );
    const parsed = parseArticlePath(relativePath);
    if (typeof parsed === 'string') {
      errors.push(new ContentError(displayPrefix + relativePath, '(path)', parsed));
      continue;
    }
    const other = byId.get(parsed.id);
    if (other) {
      errors.push(
        new ContentError(
          displayPrefix + relativePath,
          '(path)',
          `주소 /articles/${parsed.id}/ 가 ${displayPrefix + other} 와 겹칩니다`,
        ),
      );
      continue;
    }
    byId.set(parsed.id, relativePath);
    files.push({ ...parsed, relativePath });
  }
  files.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  return { files, errors };
}
