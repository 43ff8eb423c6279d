/**
 * Checks the whole content folder without building the site: every rule the build applies
 * (schema.ts, content-context.ts, content-rules.ts, mdx-guard.ts), every problem in one run,
 * each with the file, line and field an editor has to fix. Used by `npm run check`.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { cleanText } from './clean-text.ts';
import { loadContentContext } from './content-context.ts';
import { ContentError, parseContentYaml } from './content-files.ts';
import {
  bodyImageProblem,
  bodyImages,
  bodyPlaceholderProblems,
  EMPTY_BODY_MESSAGE,
  folderDateMessage,
  isBodyEmpty,
  PLACEHOLDER_EMAIL,
  PLACEHOLDER_EMAIL_MESSAGE,
  photoFileProblem,
  type Problem,
} from './content-rules.ts';
import { FrontmatterSyntaxError, readArticleSource, yamlLineFinder } from './line-of-field.ts';
import { checkMdxBody, parseBody } from './markdown/mdx-guard.ts';
import { makeArticleSchema, PLACEHOLDER_PHOTO } from './schema.ts';
import { SITE } from './site.ts';

export interface CheckOptions {
  now?: Date;
  /** How far in the future publishedAt may lie; SITE.futureMarginHours by default. */
  futureMarginHours?: number;
  /** Paths in messages are relative to this folder (the current one by default). */
  displayRoot?: string;
}

export interface CheckResult {
  problems: Problem[];
  articles: number;
  /** What the articles were checked against; the build validates with the same. */
  context: ReturnType<typeof loadContentContext>;
}

/** Zod's own messages (wrong type, unknown key…) in Korean; the schema's are already. */
const koreanErrors = z.locales.ko().localeError;

const slash = (path: string) => path.replaceAll('\\', '/');

/** What a missing field is called in messages, for the fields editors most often forget. */
const FIELD_NAMES: Record<string, string> = {
  headline: '제목(headline)',
  section: '섹션(section)',
  publishedAt: '입력 시각(publishedAt)',
  reporters: '기자(reporters)',
  src: '사진 파일(src)',
  alt: '사진 설명(alt)',
  caption: '사진 캡션(caption)',
  credit: '사진 출처(credit)',
};

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const field = String(issue.path.at(-1));
    return `${FIELD_NAMES[field] ?? `'${field}'`} 항목이 없습니다: 꼭 써야 하는 항목입니다`;
  }
  return issue.message;
}

export async function checkContent(
  contentDir: string,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const now = options.now ?? new Date();
  const marginHours = options.futureMarginHours ?? SITE.futureMarginHours;
  const display = (absolute: string) => slash(relative(options.displayRoot ?? '.', absolute));
  const context = {
    ...loadContentContext(contentDir, now),
    latestAllowed: new Date(now.getTime() + marginHours * 3600_000),
  };
  const problems: Problem[] = context.errors.map((error) =>
    listProblem(error, contentDir, display),
  );
  problems.push(...placeholderEmailProblems(contentDir, display));

  const schema = makeArticleSchema({ ...context, photoSrc: z.string() });
  const knownFields = Object.keys(schema.shape).join(', ');
  const articlesDir = join(contentDir, 'articles');

  const perArticle = await Promise.all(
    context.articleFiles.map(async (article): Promise<Problem[]> => {
      const path = join(articlesDir, article.relativePath);
      const file = display(path);
      const found: Problem[] = [];
      const add = (line: number, field: string, message: string) =>
        found.push({ file, line, field, message });

      let source: ReturnType<typeof readArticleSource>;
      try {
        // cleanText: the build's loader reads the file through the same (article-loader.ts).
        source = readArticleSource(cleanText(readFileSync(path, 'utf8')));
      } catch (error) {
        if (!(error instanceof FrontmatterSyntaxError)) throw error;
        add(error.line, '(frontmatter)', error.message);
        return found;
      }
      const { frontmatter, body, bodyStartLine, lineOf } = source;
      const isMdx = path.endsWith('.mdx');

      const result = schema.safeParse(frontmatter, { error: koreanErrors, reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
              add(
                lineOf([...issue.path, key]),
                [...issue.path, key].join('.'),
                `알 수 없는 항목입니다: 철자를 확인하세요 (쓸 수 있는 항목: ${knownFields})`,
              );
            }
            continue;
          }
          add(lineOf(issue.path), issue.path.join('.') || '(frontmatter)', issueMessage(issue));
        }
      } else {
        const wrongFolder = folderDateMessage(article, result.data.publishedAt);
        if (wrongFolder) add(lineOf(['publishedAt']), 'publishedAt', wrongFolder);
      }

      const photos = Array.isArray(frontmatter.photos) ? (frontmatter.photos as unknown[]) : [];
      await Promise.all(
        photos.map(async (photo, index) => {
          const src = (photo as { src?: unknown } | null)?.src;
          // Non-strings and importer placeholders are the schema's to report.
          if (typeof src !== 'string' || PLACEHOLDER_PHOTO.test(src)) return;
          const problem = await photoFileProblem(src, dirname(path), contentDir);
          if (problem) add(lineOf(['photos', index, 'src']), `photos.${index}.src`, problem);
        }),
      );

      if (isBodyEmpty(body)) add(bodyStartLine, '(body)', EMPTY_BODY_MESSAGE);
      for (const { line, message } of bodyPlaceholderProblems(body)) add(line, '(body)', message);
      if (isMdx) {
        for (const { line, message, photo } of checkMdxBody(body, photos.length)) {
          if (photo) add(lineOf(['photos', photo - 1]), `photos.${photo - 1}`, message);
          else add(line, '(body)', message);
        }
      }
      for (const { line, message } of bodyImageProblems(body, isMdx, dirname(path), contentDir)) {
        add(line, '(body)', message);
      }
      return found;
    }),
  );
  problems.push(...perArticle.flat());
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, articles: context.articleFiles.length, context };
}

/**
 * The body's images that Astro would import as files (content-rules.ts says what is
 * refused). Most bodies have none: they are parsed only when `![` appears. An MDX syntax
 * error is checkMdxBody's to report.
 */
function bodyImageProblems(body: string, isMdx: boolean, articleDir: string, contentDir: string) {
  if (!body.includes('![')) return [];
  let tree: unknown;
  try {
    tree = parseBody(body, isMdx ? 'mdx' : 'md');
  } catch {
    return [];
  }
  return bodyImages(tree).flatMap(({ url, line }) => {
    const message = bodyImageProblem(url, articleDir, contentDir);
    return message ? [{ line, message }] : [];
  });
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/** content-files.ts names files as `content/…`; point at the folder actually checked. */
function listProblem(
  error: ContentError,
  contentDir: string,
  display: (absolute: string) => string,
): Problem {
  const absolute = join(contentDir, error.file.replace(/^content\//, ''));
  const message = error.message.slice(`${error.file}: ${error.field}: `.length);
  let line = error.line ?? 1;
  if (error.line === undefined && /\.ya?ml$/.test(error.file) && error.field !== '(root)') {
    line = yamlLineFinder(cleanText(readFileSync(absolute, 'utf8')))(error.field.split('.'));
  }
  return { file: display(absolute), line, field: error.field, message };
}

/** Reporters the importer added with a made-up address (content-rules.ts). */
function placeholderEmailProblems(contentDir: string, display: (absolute: string) => string) {
  const file = join(contentDir, 'reporters.yaml');
  if (lstatSync(file, { throwIfNoEntry: false })?.isFile() !== true) return [];
  let text: string;
  let entries: unknown;
  try {
    text = cleanText(readFileSync(file, 'utf8'));
    entries = parseContentYaml(text, file);
  } catch (error) {
    // A broken or linked list: loadContentContext has reported it.
    if (error instanceof ContentError) return [];
    throw error;
  }
  if (!Array.isArray(entries)) return [];
  const lineOf = yamlLineFinder(text);
  return entries.flatMap((entry, index): Problem[] => {
    const email = (entry as { email?: unknown } | null)?.email;
    if (typeof email !== 'string' || !PLACEHOLDER_EMAIL.test(email)) return [];
    return [
      {
        file: display(file),
        line: lineOf([index, 'email']),
        field: `${index}.email`,
        message: PLACEHOLDER_EMAIL_MESSAGE,
      },
    ];
  });
}
