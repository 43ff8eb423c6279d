/**
 * The article file the importer writes: frontmatter from the scrape, the body as escaped
 * Markdown, and placeholder photo names the editor must replace.
 */
import { romanize } from 'es-hangul';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { toKstIso } from '../dates.ts';
import { SLUG } from '../schema.ts';
import type { ScrapedArticle } from './types.ts';

export interface ArticleChoices {
  section: string;
  slug: string;
  publishedAt: Date;
  updatedAt?: Date;
  reporterIds: string[];
}

export const placeholderPhotoName = (index: number) => `photo-${index + 1}.placeholder.jpg`;

/** Where the file goes under the content folder: a folder when it has photos to sit beside. */
export function importedArticlePath(publishedAt: Date, slug: string, photoCount: number) {
  const iso = toKstIso(publishedAt);
  const folder = `articles/${iso.slice(0, 4)}/${iso.slice(5, 7)}`;
  return photoCount > 0 ? `${folder}/${slug}/index.md` : `${folder}/${slug}.md`;
}

/** A readable Latin slug from the headline's first words: 로봇 혁신센터 개관 → robot-hyeoksinsenteo-gaegwan. */
export function slugFromHeadline(headline: string, maxWords = 4): string | undefined {
  const slug = headline
    .split(/[^가-힣A-Za-z0-9]+/)
    .map((word) =>
      romanize(word)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return SLUG.test(slug) ? slug : undefined;
}

/**
 * Scraped text is plain text: escape everything Markdown would read as syntax, so that
 * `10~20%` is not struck through, `<저작권자>` is not a tag and `1.` does not start a list.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~&|]/g, '\\$&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const q = (text: string) => JSON.stringify(text);
const list = (items: readonly string[]) => `[${items.map(q).join(', ')}]`;

export function importedArticleMarkdown(article: ScrapedArticle, choices: ArticleChoices): string {
  const lines = [
    '---',
    '# npm run import 로 가져온 기사입니다. 사진과 새 기자 정보를 고친 뒤 npm run check 로 확인하세요.',
    `headline: ${q(article.headline)}`,
    `subheadlines: ${list(article.subheadlines)}`,
    `section: ${choices.section}`,
    `publishedAt: ${q(toKstIso(choices.publishedAt))}`,
  ];
  if (choices.updatedAt) lines.push(`updatedAt: ${q(toKstIso(choices.updatedAt))}`);
  if (article.dateline) lines.push(`dateline: ${q(article.dateline)}`);
  lines.push(`reporters: [${choices.reporterIds.join(', ')}]`);
  if (article.photos.length === 0) {
    lines.push('photos: []');
  } else {
    lines.push(
      'photos:',
      '  # 임시 사진(*.placeholder.jpg)을 실제 사진으로 바꾸고 src를 고치세요.',
      '  # alt는 캡션을 옮겨 둔 것입니다: 사진에 보이는 것을 짧게 고쳐 쓰세요.',
    );
    article.photos.forEach((photo, index) => {
      lines.push(
        `  - src: ./${placeholderPhotoName(index)}`,
        `    alt: ${q(photo.caption)}`,
        `    caption: ${q(photo.caption)}`,
        `    credit: ${q(photo.credit)}`,
        `    creditKind: ${photo.creditKind}`,
        `    afterParagraph: ${photo.afterParagraph}`,
      );
    });
  }
  lines.push(`tags: ${list(article.subsection ? [article.subsection] : [])}`);
  if (article.copyright) lines.push(`copyright: ${q(article.copyright)}`);
  lines.push('---', '', article.paragraphs.map(escapeMarkdownText).join('\n\n'), '');
  return lines.join('\n');
}

/**
 * Validates the written frontmatter (read back from the text, as the build will read it)
 * with the article schema. The placeholder photos are the editor's to replace, so their
 * `src` issues are expected; anything else is returned as `field: message`.
 */
export function unexpectedIssues(markdown: string, schema: z.ZodType): string[] {
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
  const result = schema.safeParse(parseYaml(frontmatter));
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !(issue.path[0] === 'photos' && issue.path[2] === 'src'))
    .map((issue) => `${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`);
}
