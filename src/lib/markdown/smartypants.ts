/**
 * Typographic quotes, dashes and ellipses ("인용" → “인용”, -- → —, ... → …) by the library
 * Astro uses by default (retext-smartypants, in the two passes remark-smartypants makes),
 * run only where a pass can change something.
 *
 * remark-smartypants educates quotes over the whole text first, so that a quote is judged by
 * its neighbours across links and emphasis, then dashes, ellipses and backticks over each
 * text node; every pass parses its text with retext. Astro runs it over the whole of every
 * article: ~24% of content sync at 10,000 articles (CPU profile of `astro sync`). Here:
 * - one block at a time, and only the blocks that hold a straight quote, a backtick, `--` or
 *   `...`: the library decides each character from its neighbours within a block, and each
 *   block starts after a space, so block by block it prints the same text;
 * - the quote pass only when the block has a straight quote, the second pass only on a text
 *   node that still holds what that pass rewrites: on text without those characters a pass
 *   prints its input (a third of content sync went to the passes that changed nothing).
 * tests/unit/smartypants.test.ts compares the result with Astro's own step.
 */
import type { InlineCode, Nodes, Parents, Root, Text } from 'mdast';
import type { RootContent as LatinNode } from 'nlcst';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** The nodes remark-smartypants starts fresh at: each begins after a space. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** What SmartyPants rewrites: straight quotes, backticks, -- and --- and ... or . . . */
const EDUCABLE = /["'`]|--|\.\s*\.\s*\./;
/** What the quote pass rewrites. */
const QUOTES = /["']/;
/** What the second pass rewrites: `` and '', -- and ---, ... and . . . */
const MARKS = /[`']|--|\.\s*\.\s*\./;

// remark-smartypants' two passes, with Astro's (default) options.
const QUOTE_OPTIONS = { ellipses: false, dashes: false, backticks: false } as const;
const latin = retext().freeze();
const educateQuoteNodes = retextSmartypants(QUOTE_OPTIONS);
const marksPass = retext().use(retextSmartypants, { quotes: false }).freeze();

/** The text a parsed node spans (the whole text when the parser gave no offsets). */
function textOf(text: string, node: LatinNode): string {
  const { start, end } = node.position ?? {};
  return start?.offset === undefined || end?.offset === undefined
    ? text
    : text.slice(start.offset, end.offset);
}

/**
 * The quote pass: what `retext().use(retextSmartypants, QUOTE_OPTIONS).processSync(text)`
 * prints, for less. The library's transform walks every node of the parsed text, three
 * quarters of the pass's time (2,049 quoted blocks of the benchmark archive: 610 ms against
 * 150 ms to parse them), yet it decides a quote from its siblings alone, in its sentence or
 * in its word. So the text is parsed whole, and its sentences cut where the library cuts
 * them, but the transform walks only the sentences that hold a straight quote. A quote
 * outside any sentence (the parser makes none) would get the whole tree.
 * tests/unit/smartypants.test.ts compares both on random text.
 */
export function educateQuotes(text: string): string {
  const tree = latin.parse(text);
  const quoted: LatinNode[] = [];
  for (const node of tree.children) {
    for (const part of node.type === 'ParagraphNode' ? node.children : [node]) {
      if (QUOTES.test(textOf(text, part))) quoted.push(part);
    }
  }
  const inSentences = quoted.every((node) => node.type === 'SentenceNode');
  educateQuoteNodes(inSentences ? { type: 'RootNode', children: quoted } : tree);
  return latin.stringify(tree);
}

/** remark-smartypants leaves the text of an MDX <style>, <script> or fragment alone. */
function isEducated(parent: Parents | undefined): boolean {
  if (!parent) return false;
  if ((parent.type as string) !== 'mdxJsxTextElement') return true;
  const name = (parent as { name?: unknown }).name;
  return typeof name === 'string' && name !== 'style' && name !== 'script';
}

function educateBlock(block: Nodes) {
  // Inline code counts for its length (as letters) but is never rewritten.
  const literals: (Text | InlineCode)[] = [];
  let text = ' ';
  visit(block, (node, _index, parent) => {
    if ((node.type === 'text' || node.type === 'inlineCode') && isEducated(parent)) {
      literals.push(node);
      text += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
    }
  });
  // The quote pass swaps characters one for one, so each node keeps its offsets.
  const quoted = QUOTES.test(text) ? educateQuotes(text) : text;
  let start = 1;
  for (const node of literals) {
    const end = start + node.value.length;
    if (node.type === 'text') {
      const value = quoted.slice(start, end);
      node.value = MARKS.test(value) ? String(marksPass.processSync(value)) : value;
    }
    start = end;
  }
}

export function remarkSmartypantsWhereNeeded() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!BLOCKS.has(node.type)) return;
      if (EDUCABLE.test(toString(node))) educateBlock(node);
      return SKIP;
    });
  };
}
