/**
 * The Markdown pipeline for articles, shared by .md (astro.config.mjs markdown.processor, and
 * the content sync's Markdown worker, src/data/markdown-worker.ts) and .mdx (which inherits
 * it).
 */
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { remarkCleanMdxText } from './clean-text.ts';
import { remarkMdxGuard } from './mdx-guard.ts';
import { rehypeKeepUnits } from './keep-units.ts';
import { rehypePhotoSlots } from './photo-slots.ts';
import { rehypeSanitizeArticle } from './sanitize.ts';
import { remarkSmartypantsWhereNeeded } from './smartypants.ts';

/**
 * Typographic quotes first, where Astro's own smartypants step would run (it is turned off
 * below: smartypants.ts says why), after an .mdx body's text is cleaned as every content
 * file's is (clean-text.ts). The MDX guard fails an .mdx article that imports, exports or
 * runs code (no-op for .md).
 */
export const remarkPlugins = [
  remarkCleanMdxText,
  remarkSmartypantsWhereNeeded,
  remarkCjkFriendly,
  remarkMdxGuard,
];
// Sanitize first: photo slots are comments the sanitizer would strip.
export const rehypePlugins = [rehypeSanitizeArticle, rehypePhotoSlots, rehypeKeepUnits];

/**
 * unified (remark/rehype) rather than Astro's default Sätteri: remark-cjk-friendly fixes
 * CommonMark's emphasis next to Korean punctuation (**"인용"**은), and rehype-sanitize keeps
 * editors' raw HTML to an allow-list. Both exist only for unified.
 */
export const articleMarkdownProcessor = () =>
  unified({
    // remarkPlugins brings its own smartypants step, applied only where it changes text.
    smartypants: false,
    remarkPlugins,
    rehypePlugins,
  });
