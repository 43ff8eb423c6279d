/**
 * Reads the content folder the way both the build and the scripts need it: the section and
 * reporter lists, and every article file with the id its path gives. Node only (fs).
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { cleanText } from './clean-text.ts';
import { reporterSchema, sectionSchema } from './schema.ts';
import { parseArticlePath, type ArticlePath } from './urls.ts';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
    /** The line in `file`, when the problem is not at a field (a YAML syntax error). */
    readonly line?: number,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ContentError';
  }
}

/**
 * Aliases (`*name`) a list may use: a handful is plenty for editors, and a few nested
 * aliases can otherwise expand into billions of nodes (a "billion laughs" file).
 */
const MAX_YAML_ALIASES = 20;

/**
 * Parses a YAML file's text (cleaned as every content file is: clean-text.ts) the way the
 * checker and the build both read content/sections.yaml and reporters.yaml. Throws a
 * ContentError with the file's line on a syntax error or an alias bomb, never yaml's own
 * stack trace.
 */
export function parseContentYaml(text: string, displayPath: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(cleanText(text), { lineCounter, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const { line } = lineCounter.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ContentError(
      displayPath,
      '(yaml)',
      `YAML 문법이 틀렸습니다: ${reason} (들여쓰기, 콜론 뒤 빈칸, 따옴표 짝을 확인하세요)`,
      line,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    throw new ContentError(
      displayPath,
      '(yaml)',
      `YAML 별칭(*이름)이 너무 많습니다 (최대 ${MAX_YAML_ALIASES}번): 별칭 없이 값을 그대로 쓰세요`,
      1,
    );
  }
}

/** Reads a YAML list and validates each entry; every problem is reported, ids are unique. */
export function readYamlList<S extends z.ZodType<{ id: string }>>(
  file: string,
  schema: S,
  displayPath = file,
): { items: z.output<S>[]; errors: ContentError[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    const missing = new ContentError(displayPath, '(path)', '파일이 없거나 읽을 수 없습니다', 1);
    return { items: [], errors: [missing] };
  }
  let raw: unknown;
  try {
    raw = parseContentYaml(text, displayPath);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { items: [], errors: [error] };
  }
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

/** Files an editor may have meant as articles but that the build would not read. */
const ARTICLE_LIKE = /\.(?:md|mdx|markdown|mdown|mkdn?|mkd)$/i;
const ARTICLE_FILE = /\.mdx?$/;

export const SYMLINK_MESSAGE =
  '심볼릭 링크는 쓸 수 없습니다: 링크가 가리키는 파일이나 폴더를 복사해 넣으세요 (저장소 밖의 파일이 사이트에 실릴 수 있습니다)';

/**
 * Every entry under `dir`, descending into real folders only. Node 24's recursive readdir
 * follows links to folders (into a loop, or out to the whole disk), so it is not used.
 */
function walk(dir: string): Dirent[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  // A folder's own entries before its subfolders', as readdir's recursive order: of
  // `slug.md` and `slug/index.md`, the second is the one reported as the duplicate.
  const below = entries.filter((entry) => entry.isDirectory());
  return [...entries, ...below.flatMap((entry) => walk(join(dir, entry.name)))];
}

/**
 * Every .md/.mdx file under `articlesDir`, with its id; bad paths and duplicate ids are errors.
 * So are symbolic links (files or folders): Astro's glob loader follows them, so a link
 * would publish whatever it points at, on the build machine too; and files named like an
 * article that the build would skip (`.MD`, `.markdown`).
 */
export function listArticleFiles(articlesDir: string, displayPrefix = 'content/articles/') {
  const files: ArticleFile[] = [];
  const errors: ContentError[] = [];
  const byId = new Map<string, string>();
  let entries: Dirent[];
  try {
    entries = walk(articlesDir);
  } catch {
    errors.push(new ContentError(displayPrefix, '(path)', '기사 폴더가 없습니다', 1));
    return { files, errors };
  }
  for (const entry of entries) {
    const relativePath = relative(articlesDir, join(entry.parentPath, entry.name)).replaceAll(
      '\\',
      '/',
    );
    if (entry.isSymbolicLink()) {
      errors.push(new ContentError(displayPrefix + relativePath, '(path)', SYMLINK_MESSAGE));
      continue;
    }
    if (!entry.isFile() || !ARTICLE_LIKE.test(entry.name)) continue;
    if (!ARTICLE_FILE.test(entry.name)) {
      const renamed = entry.name.replace(ARTICLE_LIKE, /x$/i.test(entry.name) ? '.mdx' : '.md');
      errors.push(
        new ContentError(
          displayPrefix + relativePath,
          '(path)',
          `기사 파일의 확장자는 소문자 .md 또는 .mdx여야 합니다: 이대로는 게시되지 않습니다 (이름을 ${renamed}(으)로 바꾸세요)`,
        ),
      );
      continue;
    }
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

/**
 * The lists and the articles folder themselves must not be links either (content-context.ts
 * checks them; listArticleFiles what is inside the folder).
 */
export function linkedContentPaths(contentDir: string): ContentError[] {
  return ['sections.yaml', 'reporters.yaml', 'series.yaml', 'articles']
    .filter((name) =>
      lstatSync(join(contentDir, name), { throwIfNoEntry: false })?.isSymbolicLink(),
    )
    .map((name) => new ContentError(`content/${name}`, '(path)', SYMLINK_MESSAGE, 1));
}

/**
 * Whether `file` is reached through a symbolic link anywhere below `root` (the file itself or
 * one of its folders): its real path is then somewhere else. A missing file is not linked.
 */
export function isLinkedBelow(root: string, file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  return relative(realpathSync(root), real) !== relative(root, file);
}
