/**
 * Marks where each frontmatter photo goes in a Markdown article. The photos themselves are
 * rendered by the article page with astro:assets (responsive, AVIF/WebP), so the body only
 * gets `<!--photo:N-->` comments between its top-level blocks; the page splits the rendered
 * HTML on them. Runs after sanitizing, which would strip these comments.
 */
import type { Root, RootContent } from 'hast';
import { placePhotos } from '../photo-placement.ts';

export const PHOTO_SLOT = /<!--photo:(\d+)-->/;

interface AstroFile {
  extname?: string;
  data: { astro?: { frontmatter?: { photos?: { afterParagraph?: number }[] } } };
}

export function rehypePhotoSlots() {
  return (tree: Root, file: AstroFile) => {
    // MDX articles place their photos themselves with <Photo n="…" />.
    if (file.extname === '.mdx') return;
    const photos = file.data.astro?.frontmatter?.photos;
    if (!Array.isArray(photos) || photos.length === 0) return;
    const blocks = tree.children.filter((node) => node.type === 'element');
    const positions = placePhotos(
      photos.map((p) => p.afterParagraph),
      blocks.length,
    );
    const children: RootContent[] = [];
    const slotsAt = (position: number) =>
      positions.flatMap((p, index) =>
        p === position ? [{ type: 'comment', value: `photo:${index}` } as const] : [],
      );
    children.push(...slotsAt(0));
    let seen = 0;
    for (const node of tree.children) {
      children.push(node);
      if (node.type === 'element') children.push(...slotsAt(++seen));
    }
    tree.children = children;
  };
}

/** Splits rendered body HTML into chunks and the photo index that follows each chunk. */
export function splitOnPhotoSlots(html: string): { html: string; photo?: number }[] {
  const parts = html.split(/<!--photo:(\d+)-->/);
  const chunks: { html: string; photo?: number }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    chunks.push({ html: parts[i], photo: i + 1 < parts.length ? Number(parts[i + 1]) : undefined });
  }
  return chunks;
}
