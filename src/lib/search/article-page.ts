/**
 * Reads a built article page (the contract the article template follows) into what the
 * index needs. Only the <article data-article-id> element is read: navigation, footers and
 * related lists sit outside it, and its own footer (tags, neighbours) is not body text.
 */
import { NodeType, parse, type HTMLElement } from 'node-html-parser';
import { kstParts, parseIsoWithOffset, toKstIso } from '../dates.ts';
import { urls } from '../urls.ts';
import type { SearchableArticle } from './record.ts';

/** Body elements whose text is read as one paragraph (figure captions included). */
const BLOCKS = new Set('P LI H2 H3 H4 H5 H6 BLOCKQUOTE FIGCAPTION TD TH DT DD PRE'.split(' '));

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text of the innermost blocks, in reading order: a <blockquote><p> is read once, as
 * its <p>. Figure captions (with their credits) apart from the story's paragraphs, so a
 * result's excerpt is never "…전경. 사진 제공=서울시 서울시가…". One walk of the tree
 * (selector queries per block were a third of the indexer's reading time).
 */
function blockTexts(body: HTMLElement): { paragraphs: string[]; captions: string[] } {
  for (const skip of body.querySelectorAll('script, style, template, [hidden]')) skip.remove();
  const paragraphs: string[] = [];
  const captions: string[] = [];
  /** Whether `el` is or holds a block. */
  const walk = (el: HTMLElement): boolean => {
    let holdsBlock = false;
    for (const child of el.childNodes) {
      if (child.nodeType === NodeType.ELEMENT_NODE && walk(child as HTMLElement)) {
        holdsBlock = true;
      }
    }
    if (!BLOCKS.has(el.tagName)) return holdsBlock;
    if (!holdsBlock) {
      const text = clean(el.text);
      if (text) (el.tagName === 'FIGCAPTION' ? captions : paragraphs).push(text);
    }
    return true;
  };
  walk(body);
  return { paragraphs, captions };
}

/** Where the article element starts: what comes before it (head, navigation) is not read. */
const ARTICLE_START = /<article\b[^>]*\bdata-article-id=/;

const ARTICLE_TAG = /<(\/?)article\b/g;

/** The article element's HTML, from `start` to its matching end tag (nested articles
 * counted): the related stories after it are a third of a page and not read. */
function articleElement(html: string, start: number): string {
  ARTICLE_TAG.lastIndex = start;
  let depth = 0;
  for (let tag = ARTICLE_TAG.exec(html); tag; tag = ARTICLE_TAG.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, html.indexOf('>', tag.index) + 1);
  }
  return html.slice(start);
}

/** Returns undefined for a page that is not an article; a string explains a broken one. */
export function readArticlePage(html: string): SearchableArticle | string | undefined {
  const start = html.search(ARTICLE_START);
  if (start < 0) return undefined;
  const article = parse(articleElement(html, start)).querySelector('article[data-article-id]');
  if (!article) return undefined;
  const id = article.getAttribute('data-article-id')!;
  const headline = clean(article.querySelector('[data-article-headline]')?.text ?? '');
  const body = article.querySelector('[data-article-body]');
  const published = parseIsoWithOffset(article.getAttribute('data-published') ?? '');
  const sectionName = article.getAttribute('data-section-name') ?? '';
  if (!headline || !body || !published || !sectionName) {
    return `기사 ${id}: 제목, 본문, 섹션 또는 입력 시각(data-published)이 없습니다`;
  }
  const { year, month, day } = kstParts(published);
  const reporters = (article.getAttribute('data-reporters') ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return {
    id,
    url: urls.article(id),
    headline,
    subheadlines: article
      .querySelectorAll('[data-article-subheadline]')
      .map((el) => clean(el.text))
      .filter(Boolean),
    ...blockTexts(body),
    sectionName,
    published: toKstIso(published),
    publishedDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    reporters,
    thumbnail: article.getAttribute('data-thumbnail') || undefined,
  };
}
