/** The body's amounts on one line each (src/lib/keep-units.ts), in every text node. */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { keepNumbersWithUnits } from '../keep-units.ts';

export function rehypeKeepUnits() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = keepNumbersWithUnits(node.value);
    });
  };
}
