import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { resolve } from 'node:path';
import { z } from 'zod';
import { articleLoader } from './data/article-loader.ts';
import { checkContent, formatProblem } from './lib/content-check.ts';
import { parseContentYaml } from './lib/content-files.ts';
import {
  makeArticleSchema,
  reporterSchema,
  sectionSchema,
  seriesSchema,
  withPhotoSources,
} from './lib/schema.ts';

// CONTENT_DIR lets tests and benchmarks build another content folder with the real build.
const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
// The build applies every rule `npm run check` applies (same code), and stops before
// rendering anything: a bad path or list would otherwise drop articles silently.
const { problems, context } = await checkContent(contentDir);
if (problems.length > 0) {
  throw new Error(`콘텐츠 오류 ${problems.length}건:\n${problems.map(formatProblem).join('\n')}`);
}
const articleSchema = makeArticleSchema({ ...context, photoSrc: z.string() });

const articles = defineCollection({
  loader: articleLoader(resolve(contentDir, 'articles')),
  schema: ({ image }) => withPhotoSources(articleSchema, image()),
});

// The lists are parsed as the checker parses them (clean text, few aliases).
const yamlList = (name: string) =>
  file(resolve(contentDir, name), {
    parser: (text) => parseContentYaml(text, `content/${name}`) as Record<string, unknown>[],
  });

const sections = defineCollection({ loader: yamlList('sections.yaml'), schema: sectionSchema });
const reporters = defineCollection({ loader: yamlList('reporters.yaml'), schema: reporterSchema });

// content/series.yaml is optional, so it is read by series.ts (none when absent) rather than
// by file(), which needs the file; checkContent above has validated it already.
const series = defineCollection({
  loader: () => context.series,
  schema: seriesSchema,
});

export const collections = { articles, sections, reporters, series };
