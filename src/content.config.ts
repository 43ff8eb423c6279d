import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { formatErrors, loadContentContext } from './lib/content-context.ts';
import { makeArticleSchema, reporterSchema, sectionSchema } from './lib/schema.ts';
import { parseArticlePath } from './lib/urls.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const context = loadContentContext(contentDir);
if (context.errors.length > 0) {
  // Stop before Astro renders anything: a bad path or list would otherwise drop articles.
  throw new Error(`콘텐츠 오류 ${context.errors.length}건:\n${formatErrors(context.errors)}`);
}

const articles = defineCollection({
  loader: glob({
    base: './content/articles',
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
  loader: file('./content/sections.yaml'),
  schema: sectionSchema,
});

const reporters = defineCollection({
  loader: file('./content/reporters.yaml'),
  schema: reporterSchema,
});

export const collections = { articles, sections, reporters };
