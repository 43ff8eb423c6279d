/**
 * The MDX side of clean-text.ts. A .md body reaches the pipeline as the article loader read
 * it (already clean), but Astro compiles an .mdx article from the file on disk, so its text,
 * image descriptions and component attributes are cleaned here, in the syntax tree.
 */
import { cleanText } from '../clean-text.ts';

interface Node {
  value?: unknown;
  alt?: unknown;
  title?: unknown;
  attributes?: { value?: unknown }[];
  children?: Node[];
}

function clean(node: Node) {
  if (typeof node.value === 'string') node.value = cleanText(node.value);
  if (typeof node.alt === 'string') node.alt = cleanText(node.alt);
  if (typeof node.title === 'string') node.title = cleanText(node.title);
  for (const attribute of node.attributes ?? []) {
    if (typeof attribute.value === 'string') attribute.value = cleanText(attribute.value);
  }
  node.children?.forEach(clean);
}

export function remarkCleanMdxText() {
  return (tree: Node, file: { extname?: string }) => {
    if (file.extname === '.mdx') clean(tree);
  };
}
