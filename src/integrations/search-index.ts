/**
 * Builds the Korean-aware Pagefind index into <dist>/pagefind/ after `astro build`, from the
 * built article pages (as Starlight runs Pagefind in astro:build:done). Each article becomes
 * a custom record from src/lib/search/record.ts, the module whose forms the browser's query
 * planner expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readArticlePage } from '../lib/search/article-page.ts';
import { buildSearchRecord } from '../lib/search/record.ts';

function articlePages(dist: string): string[] {
  const root = join(dist, 'articles');
  try {
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('index.html'))
      .map((path) => join(root, path));
  } catch {
    return [];
  }
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'korean-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind를 시작하지 못했습니다: ${errors.join('; ')}`);
        const problems: string[] = [];
        let count = 0;
        for (const file of articlePages(dist)) {
          const article = readArticlePage(readFileSync(file, 'utf8'));
          if (article === undefined) continue;
          if (typeof article === 'string') {
            problems.push(article);
            continue;
          }
          const added = await index.addCustomRecord(buildSearchRecord(article));
          problems.push(...added.errors);
          count++;
        }
        const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
        problems.push(...written.errors);
        await pagefind.close();
        if (problems.length) throw new Error(`검색 색인 오류:\n${problems.join('\n')}`);
        logger.info(`검색 색인: 기사 ${count}건 → ${join(dist, 'pagefind')}`);
      },
    },
  };
}
