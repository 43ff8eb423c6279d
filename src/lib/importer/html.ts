/**
 * Turns a saved news page into the line layout of a text scrape: the text of every block
 * element on a line of its own. What a reader never sees (scripts, styles, the head) is
 * skipped; the site's navigation, header and footer are page chrome and are reported.
 */
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

const INVISIBLE = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe']);
const CHROME_BLOCKS = new Set(['nav', 'footer', 'aside', 'form']);
/** Elements that start a new line in a browser, plus buttons (each is its own chrome line). */
const BLOCKS = new Set(
  'address article blockquote body br button dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 header hr html li main ol p pre section table tbody td th thead tr ul'.split(
    ' ',
  ),
);

export interface HtmlText {
  /** One block per line, like a text scrape. */
  text: string;
  /** Lines inside <nav>, <footer>, <aside> and <form>, in page order. */
  chrome: string[];
}

export function htmlToText(html: string): HtmlText {
  // node-html-parser keeps a doctype as text; it is not part of the page.
  const root = parse(html.replace(/<!doctype[^>]*>/i, ''), { comment: false });
  const lines: string[] = [];
  const chrome: string[] = [];
  let current = '';
  let inChrome = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) (inChrome > 0 ? chrome : lines).push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      current += node.text;
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = node.rawTagName?.toLowerCase() ?? '';
    if (INVISIBLE.has(tag)) return;
    // Menu links sit side by side; in chrome each one is reported on its own.
    const block = BLOCKS.has(tag) || CHROME_BLOCKS.has(tag) || (tag === 'a' && inChrome > 0);
    if (block) flush();
    if (CHROME_BLOCKS.has(tag)) inChrome++;
    node.childNodes.forEach(walk);
    if (block) flush();
    if (CHROME_BLOCKS.has(tag)) inChrome--;
  };
  walk(root);
  flush();
  return { text: lines.join('\n'), chrome };
}
