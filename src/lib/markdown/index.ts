/**
 * The Markdown pipeline for articles, shared by .md (astro.config.mjs markdown.processor)
 * and .mdx (which inherits it).
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import { remarkMdxGuard } from './mdx-guard.ts';
import { rehypePhotoSlots } from './photo-slots.ts';
import { rehypeSanitizeArticle } from './sanitize.ts';
import { remarkSmartypantsWhereNeeded } from './smartypants.ts';

/**
 * Typographic quotes first, where Astro's own smartypants step would run (it is turned off
 * in astro.config.mjs: smartypants.ts says why). The MDX guard fails an .mdx article that
 * imports, exports or runs code (no-op for .md).
 */
export const remarkPlugins = [remarkSmartypantsWhereNeeded, remarkCjkFriendly, remarkMdxGuard];
// Sanitize first: photo slots are comments the sanitizer would strip.
export const rehypePlugins = [rehypeSanitizeArticle, rehypePhotoSlots];
