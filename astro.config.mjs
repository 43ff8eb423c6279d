// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { join } from 'node:path';
import { cachedPages } from './src/integrations/cached-pages.ts';
import { dataStoreFromFile } from './src/integrations/data-store-from-file.ts';
import { listArticleFiles } from './src/lib/content-files.ts';
import { articleMarkdownProcessor } from './src/lib/markdown/index.ts';

// Astro 7.3 writes its incremental-build manifest as one JSON string, about 17 KB per article
// (every page lists its processed photos); past ~30,000 articles that string is longer than V8
// allows and the build fails ("Invalid string length", measured at 50,000 with npm run
// bench:build). Larger archives build without it: every page is rendered, photos still come
// from the cache.
const INCREMENTAL_BUILD_MAX_ARTICLES = 20_000;
const CHUNKED_STORE_MIN_ARTICLES = 80_000;
// Counted as the checker lists them: Node 24's recursive readdir follows links to folders,
// and a link loop would crash the config before the checker could name it.
const articleCount = listArticleFiles(join(process.env.CONTENT_DIR ?? 'content', 'articles')).files
  .length;

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://archive.saebyeok.example',
  trailingSlash: 'always',
  markdown: {
    // Articles have no code blocks, and Shiki's inline styles would break the CSP.
    syntaxHighlight: false,
    processor: articleMarkdownProcessor(),
  },
  security: {
    // Astro hashes every script and style it emits into a <meta> CSP on each page; only the
    // site itself may run code. Pagefind compiles its WebAssembly ('wasm-unsafe-eval').
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  image: {
    // AVIF at sharp's default effort (4) was ~80% of photo encoding time; effort 2 encodes
    // about 3× faster for files ~20% larger (measured with npm run bench:build).
    service: sharpImageService({ avif: { effort: 2 } }),
  },
  build: {
    // Astro awaits each page's two file writes (the output and the incremental cache) before
    // rendering the next one: with one page at a time the main thread sat idle ~40% of the
    // page phase (CPU profile, 2,000 articles). Four pages in flight overlap those writes
    // with rendering (static routes, medians of 3 alternating runs: 20.6 s → 13.7 s; 8 was
    // no faster) and give byte-identical output. With parallelPrerender Astro multiplies this
    // by its worker count.
    concurrency: 4,
  },
  experimental: {
    // Article and listing pages carry a cacheKey (src/data/cache-keys.ts): with the cacheDir
    // (node_modules/.astro) kept between builds, unchanged pages are copied, not rendered.
    incrementalBuild: articleCount <= INCREMENTAL_BUILD_MAX_ARTICLES,
    // Astro 7.4 renders pages on worker threads (it replaced this project's own prerender
    // worker, which reached into Astro 7.3's build internals). Two workers use both cores of
    // the build machine while Astro's thread writes the files; ARCHIVE_RENDER_WORKER=0 renders
    // on Astro's thread alone (tests/build/parallel-prerender.test.ts compares the two).
    parallelPrerender: process.env.ARCHIVE_RENDER_WORKER === '0' ? false : { workers: 2 },
    // The content data store is ~4.6 KB per article: as one JSON file it would pass V8's
    // largest string near 110,000 articles (229 MB measured at 50,000). Chunked, it does not,
    // but at 10,000 articles it added ~26 s to every warm build's content sync (2.4 → 28 s).
    collectionStorage: articleCount > CHUNKED_STORE_MIN_ARTICLES ? 'chunked' : 'single-file',
  },
  // The search index is built after this, by scripts/build-search-index.ts (npm run build).
  // cachedPages links the incremental cache's pages into the output before Astro restores them;
  // dataStoreFromFile keeps the content data store out of the prerender bundle.
  integrations: [mdx(), sitemap(), cachedPages(), dataStoreFromFile()],
});
