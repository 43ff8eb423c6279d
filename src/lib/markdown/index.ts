/**
 * The Markdown pipeline for articles, shared by .md (astro.config.mjs markdown.processor)
 * and .mdx (which inherits it).
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypePhotoSlots } from './photo-slots.ts';

export const remarkPlugins = [remarkCjkFriendly];
export const rehypePlugins = [rehypePhotoSlots];
