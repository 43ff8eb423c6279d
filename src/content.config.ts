import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { resolve } from 'node:path';
import { formatErrors, loadContentContext } from './lib/content-context.ts';
import { makeArticleSchema, reporterSchema, sectionSchema } from './lib/schema.ts';
import { parseArticlePath } from './lib/urls.ts';

// CONTENT_DIR lets tests and benchmarks build another content folder with the real build.
const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
const context = loadContentContext(contentDir);
if (context.errors.length > 0) {
  // Stop before Astro renders anything: a bad path or list would otherwise drop articles.
  throw new Error(`콘텐츠 오류 ${context.errors.length}건:\n${formatErrors(context.errors)}`);
}

const articles = defineCollection({
  loader: glob({
    base: resolve(contentDir, 'articles'),
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => {
      const parsed = parseArticlePath(entry);
      if (typeof parsed === 'string') throw new Error(`content/articles/${entry}: ${parsed}`);
      return parsed.id;
    },
  }),
  schema: ({ image }) => makeArticleSchema({ ...context, photoSrc: image() }),
});

const sections = defineCollection({
  loader: file(resolve(contentDir, 'sections.yaml')),
  schema: sectionSchema,
});

const reporters = defineCollection({
  loader: file(resolve(contentDir, 'reporters.yaml')),
  schema: reporterSchema,
});

export const collections = { articles, sections, reporters };
