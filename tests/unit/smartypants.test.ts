/**
 * Our smartypants step must print exactly what Astro's own one (remark-smartypants over the
 * whole document) prints, on the sample articles and on the cases where a block's
 * neighbours could matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { describe, expect, it } from 'vitest';
import { rehypePlugins, remarkPlugins } from '../../src/lib/markdown/index.ts';
import { educateQuotes, remarkSmartypantsWhereNeeded } from '../../src/lib/markdown/smartypants.ts';
import { createRandom } from '../../src/lib/synthetic/prng.ts';

const ours = await createMarkdownProcessor({ smartypants: false, remarkPlugins, rehypePlugins });
const astros = await createMarkdownProcessor({
  smartypants: true,
  remarkPlugins: remarkPlugins.filter((plugin) => plugin !== remarkSmartypantsWhereNeeded),
  rehypePlugins,
});
const render = async (markdown: string) => [
  (await ours.render(markdown)).code,
  (await astros.render(markdown)).code,
];

const articlesDir = join(import.meta.dirname, '../../content/articles');
const samples = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .map((file) => [file, parseFrontmatter(readFileSync(join(articlesDir, file), 'utf8')).content]);

const EDGE_CASES = [
  '그는 "출마하겠다"고 말했다.\n\n"다음 문단은 따옴표로 시작한다"며 웃었다.',
  "문단 끝의 따옴표\"\n\n'작은따옴표'로 여는 문단",
  '**"강조된 인용"**은 _\'기울인 인용\'_과 [링크 "제목"](/a/)으로 이어진다.',
  '# 제목의 "따옴표"\n\n- 목록 "하나"\n- 목록 \'둘\'\n\n> 인용 안의 "문장"...',
  '| 구분 | "값" |\n| --- | --- |\n| 가 -- 나 | 다 . . . 라 |',
  '줄임표... 그리고 대시 -- 와 긴 대시 --- 그리고 ``역따옴표\'\' 와 `"코드"` 속 따옴표',
  "'80년대 이야기와 rock 'n' roll, 그리고 it's",
  '따옴표가 없는 문단.\n\n또 없는 문단: 숫자 1.5와 2-3.',
  // A quote in one text node, a dash or an ellipsis in others of the same block.
  '"인용"과 **굵게 -- 대시**, [링크...](/a/)와 _기울임_ 끝.',
  '따옴표 없이 대시 -- 와 줄임표 . . . 만 있는 문단',
];

describe('smartypants only where needed', () => {
  it('has sample articles to compare', () => {
    expect(samples.length).toBeGreaterThan(5);
  });

  it.each(samples)('prints %s as Astro would', async (_, body) => {
    const [mine, theirs] = await render(body);
    expect(mine).toBe(theirs);
  });

  it.each(EDGE_CASES.map((text) => [text]))('prints %j as Astro would', async (text) => {
    const [mine, theirs] = await render(text);
    expect(mine).toBe(theirs);
  });

  it('educates quotes, dashes and ellipses', async () => {
    const [html] = await render('그는 "좋다"며 \'정말\'이라고... 말했다 -- 짧게.');
    expect(html).toContain('그는 “좋다”며 ‘정말’이라고… 말했다 — 짧게.');
  });

  it('decides every quote as the library does on the whole text', () => {
    // Random text dense in what a quote is decided by: letters either side, spaces, line and
    // paragraph breaks, sentence ends, other punctuation, abbreviations, decades, quotes
    // next to quotes.
    const library = retext()
      .use(retextSmartypants, { ellipses: false, dashes: false, backticks: false })
      .freeze();
    const pieces = [
      '말',
      '했다',
      '고',
      'a',
      'S',
      's',
      '1',
      '80s',
      'Mr',
      'e.g',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '"',
      '"',
      "'",
      "'",
      '.',
      '. ',
      ',',
      '!',
      '?',
      '(',
      ')',
      '-',
      '…',
      '“',
      '%',
      '·',
    ];
    const random = createRandom(20251202);
    let differences = 0;
    for (let run = 0; run < 20_000; run++) {
      let text = ' ';
      for (let n = random.int(1, 40); n > 0; n--) text += random.pick(pieces);
      if (educateQuotes(text) !== String(library.processSync(text))) differences++;
    }
    expect(differences).toBe(0);
  });
});
