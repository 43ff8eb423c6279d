/**
 * Plain-text excerpts from an article's Markdown body, for cards, meta descriptions and
 * feeds. Only the first real paragraph is used; Markdown and HTML syntax is removed so that
 * a reader never sees `**` or tags.
 */
const BLOCK_SKIP = /^(?:<|#|!\[|>|\||```|import |export |\{)/;

export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's first real paragraph, as Markdown: all an excerpt is cut from. */
export function openingParagraph(body: string): string {
  return (
    body
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block.length > 0 && !BLOCK_SKIP.test(block)) ?? ''
  );
}

/** The first paragraph of the body as plain text, cut at a word boundary near `maxChars`. */
export function excerptFromMarkdown(body: string, maxChars = 120): string {
  return truncate(markdownToPlainText(openingParagraph(body)), maxChars);
}

/** Cuts at the last space before `maxChars` (Korean words are space-separated) and adds '…'. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd() + '…';
}
