/**
 * Checks the whole content folder without building the site: every rule the build applies
 * (schema.ts, content-context.ts, content-rules.ts, mdx-guard.ts), every problem in one run,
 * each with the file, line and field an editor has to fix. Used by `npm run check`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadContentContext } from './content-context.ts';
import type { ContentError } from './content-files.ts';
import {
  bodyPlaceholderProblems,
  folderDateMessage,
  PLACEHOLDER_EMAIL,
  PLACEHOLDER_EMAIL_MESSAGE,
  photoFileProblem,
  type Problem,
} from './content-rules.ts';
import { FrontmatterSyntaxError, readArticleSource, yamlLineFinder } from './line-of-field.ts';
import { checkMdxBody } from './markdown/mdx-guard.ts';
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
        source = readArticleSource(readFileSync(path, 'utf8'));
      } catch (error) {
        if (!(error instanceof FrontmatterSyntaxError)) throw error;
        add(error.line, '(frontmatter)', error.message);
        return found;
      }
      const { frontmatter, body, lineOf } = source;

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

      for (const { line, message } of bodyPlaceholderProblems(body)) add(line, '(body)', message);
      if (path.endsWith('.mdx')) {
        for (const { line, message } of checkMdxBody(body, photos.length)) {
          add(line, '(body)', message);
        }
      }
      return found;
    }),
  );
  problems.push(...perArticle.flat());
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, articles: context.articleFiles.length, context };
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
  let line = 1;
  if (/\.ya?ml$/.test(error.file) && error.field !== '(root)') {
    line = yamlLineFinder(readFileSync(absolute, 'utf8'))(error.field.split('.'));
  }
  return { file: display(absolute), line, field: error.field, message };
}

/** Reporters the importer added with a made-up address (content-rules.ts). */
function placeholderEmailProblems(contentDir: string, display: (absolute: string) => string) {
  const file = join(contentDir, 'reporters.yaml');
  const text = readFileSync(file, 'utf8');
  const entries: unknown = parseYaml(text);
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
