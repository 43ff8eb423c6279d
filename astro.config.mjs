// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/index.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://archive.saebyeok.example',
  trailingSlash: 'always',
  markdown: {
    // unified (remark/rehype) rather than the default Sätteri: remark-cjk-friendly fixes
    // CommonMark's emphasis next to Korean punctuation (**"인용"**은), and rehype-sanitize
    // keeps editors' raw HTML to an allow-list. Both exist only for unified.
    processor: unified({
      remarkPlugins,
      rehypePlugins,
    }),
  },
  integrations: [mdx(), sitemap()],
});
