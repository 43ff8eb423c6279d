/** Which articles a pull request's changed paths touch (src/lib/preview.ts). */
import { describe, expect, it } from 'vitest';
import { changedArticleIds } from '../../src/lib/preview.ts';

describe('changedArticleIds', () => {
  it('finds articles by their file or by a file in their folder, once each, sorted', () => {
    expect(
      changedArticleIds([
        'content/articles/2025/11/seoul-robot-center/index.md',
        'content/articles/2025/11/seoul-robot-center/robot.jpg',
        'content/articles/2025/10/market-card/stall.jpg',
        'content/articles/2025/09/factbox.mdx',
        'content/articles/2025/11/jeju-offshore-wind-talks.md',
      ]),
    ).toEqual([
      '2025/09/factbox',
      '2025/10/market-card',
      '2025/11/jeju-offshore-wind-talks',
      '2025/11/seoul-robot-center',
    ]);
  });
  it('ignores everything that is not an article', () => {
    expect(
      changedArticleIds([
        'content/reporters.yaml',
        'content/series.yaml',
        'src/pages/index.astro',
        'content/articles/README.md',
        'content/articles/2025/13/bad-month.md',
        'content/articles/2025/11/Bad_Slug.md',
        'other/content/articles/2025/11/x.md',
      ]),
    ).toEqual([]);
  });
});
