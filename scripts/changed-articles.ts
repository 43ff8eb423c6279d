/**
 * git diff --name-only --diff-filter=d BASE...HEAD |
 *   tsx scripts/changed-articles.ts --number 12 --sha abc… [--content-dir content] [--out pr.json]
 *
 * The articles a pull request changes, with their headlines, as the JSON the preview comment
 * is built from (src/lib/preview-comment.ts; .github/workflows/pr.yml).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { listArticleFiles } from '../src/lib/content-files.ts';
import type { PreviewMeta } from '../src/lib/preview-comment.ts';
import { changedArticleIds } from '../src/lib/preview.ts';

const { values } = parseArgs({
  options: {
    number: { type: 'string' },
    sha: { type: 'string' },
    'content-dir': { type: 'string', default: 'content' },
    out: { type: 'string' },
  },
});
const articlesDir = join(values['content-dir']!, 'articles');
const files = new Map(listArticleFiles(articlesDir).files.map((f) => [f.id, f.relativePath]));
const ids = changedArticleIds(readFileSync(0, 'utf8').split('\n').filter(Boolean));
const meta: PreviewMeta = {
  number: Number(values.number),
  sha: values.sha ?? '',
  // An id whose file is gone (a deleted article) has no page to preview.
  articles: ids.flatMap((id) => {
    const file = files.get(id);
    if (!file) return [];
    const { frontmatter } = parseFrontmatter(readFileSync(join(articlesDir, file), 'utf8'));
    return [{ id, headline: String(frontmatter.headline ?? '') }];
  }),
};
const json = JSON.stringify(meta, null, 2) + '\n';
if (values.out) writeFileSync(values.out, json);
else process.stdout.write(json);
