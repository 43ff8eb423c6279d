/**
 * Search UI in Chromium against the built site (npm run build first; SEARCH_TEST_DIST may
 * point at another build). What pages should show is read from the built article HTML here,
 * independently of the search code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_CHARS } from '../../src/lib/search/fragment.ts';
import { collectErrors, launchChromium } from '../helpers/browser.ts';
import { DIST } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const SITE_DIR = process.env.SEARCH_TEST_DIST ?? DIST;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe-core findings on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<any> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

interface BuiltArticle {
  url: string;
  headline: string;
  section: string;
  /** Everything a reader can read of the article, whitespace collapsed. */
  text: string;
  /** The body's paragraphs, without figures, whitespace collapsed: where an excerpt comes from. */
  story: string;
  /** Figure captions and credits, and subheadlines: never glued into an excerpt. */
  asides: string[];
  reporters: string[];
  /** KST day, YYYY-MM-DD (the offset of data-published is +09:00). */
  day: string;
}

function builtArticles(): BuiltArticle[] {
  const root = join(SITE_DIR, 'articles');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .flatMap((f) => {
      const article = parse(readFileSync(join(root, f), 'utf8')).querySelector(
        'article[data-article-id]',
      );
      if (!article) return [];
      // The index keeps the headline's words with plain spaces (the page joins 100억 원).
      const headline = article.querySelector('h1')!.text.replace(/\s+/g, ' ').trim();
      const bodyElement = article.querySelector('[data-article-body]')!;
      const body = bodyElement.text;
      const subheadlines = article.querySelectorAll('[data-article-subheadline]');
      const figures = bodyElement.querySelectorAll('figcaption');
      const paragraphs = bodyElement
        .querySelectorAll('p, li, blockquote, h2, h3')
        .filter((el) => !el.closest('figure'));
      return [
        {
          url: `/articles/${article.getAttribute('data-article-id')}/`,
          headline,
          section: article.getAttribute('data-section-name')!,
          text: `${headline} ${article.text} ${body}`.replace(/\s+/g, ' '),
          story: paragraphs
            .map((el) => el.text)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim(),
          asides: [...subheadlines, ...figures]
            .map((el) => el.text.replace(/\s+/g, ' ').trim())
            .filter(Boolean),
          reporters: (article.getAttribute('data-reporters') ?? '').split(',').filter(Boolean),
          day: article.getAttribute('data-published')!.slice(0, 10),
        },
      ];
    });
}

/** A word of the headline a reader might search for: the longest run of Hangul. */
function queryFor(article: BuiltArticle): string {
  return [...article.headline.matchAll(/[가-힣]{2,}/g)]
    .map((m) => m[0])
    .sort((a, b) => b.length - a.length)[0];
}

let server: StaticServer;
let browser: Browser;
let articles: BuiltArticle[];

beforeAll(async () => {
  if (!existsSync(join(SITE_DIR, 'pagefind', 'shards.json'))) {
    throw new Error(
      `${SITE_DIR}/pagefind/ 가 없습니다: npm run build로 사이트와 검색 색인을 만드세요.`,
    );
  }
  articles = builtArticles();
  if (articles.length === 0) throw new Error('빌드된 기사가 없습니다.');
  server = await serveStatic(SITE_DIR);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** bypassCSP only for axe, whose script tag the site's CSP (rightly) refuses. */
async function openPage(
  path: string,
  bypassCSP = false,
): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ bypassCSP })).newPage();
  const errors = collectErrors(page);
  await page.goto(server.url + path);
  return { page, errors };
}

async function shownResults(page: Page) {
  return page.$$eval('[data-search-results] .search-result', (items) =>
    items.map((item) => ({
      url: new URL(item.querySelector('a')!.href).pathname,
      meta: item.querySelector('.search-result-meta')!.textContent ?? '',
      excerpt: item.querySelector('.search-result-excerpt')!.textContent ?? '',
      title: item.querySelector('.search-result-title')!.textContent ?? '',
    })),
  );
}

const summaryCount = async (page: Page) => {
  const text = (await page.textContent('[data-search-summary]')) ?? '';
  return Number(/(\d+)건/.exec(text)?.[1] ?? 0);
};

describe('header search box', () => {
  it('shows results while typing and opens the chosen article', async () => {
    const target = articles[0];
    const { page, errors } = await openPage('/');
    // `/` moves focus to the box from anywhere on the page.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type(queryFor(target), { delay: 20 });
    const link = page.locator(`[data-search-list] a[href="${target.url}"]`);
    await link.waitFor({ state: 'visible' });
    expect(await page.textContent('[data-search-status]')).toMatch(/검색 결과 \d+건/);

    // Keyboard only: down into the results, to the target, Enter.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 6; i++) {
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (href === target.url) break;
      await page.keyboard.press('ArrowDown');
    }
    await Promise.all([page.waitForURL(`**${target.url}`), page.keyboard.press('Enter')]);
    expect((await page.textContent('h1'))?.trim()).toBe(target.headline);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('passes axe with the results panel open', async () => {
    const { page, errors } = await openPage('/', true);
    await page.fill('#site-search', queryFor(articles[0]));
    await page.locator('[data-search-list] .search-result').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('never says "no results" for a syllable the IME is still composing (로 → 롭 → 로봇)', async () => {
    const word = '로봇';
    expect(articles.some((a) => a.text.includes(word))).toBe(true);
    const { page, errors } = await openPage('/');
    // Every text the panel and the live region show, from the first keystroke on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const box = document.querySelector('[data-search-box]')!;
      new MutationObserver(() => {
        const panel = box.querySelector<HTMLElement>('[data-search-panel]')!;
        if (!panel.hidden) seen.push(panel.textContent ?? '');
        seen.push(box.querySelector('[data-search-status]')!.textContent ?? '');
      }).observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.focus('#site-search');
    const cdp = await page.context().newCDPSession(page);
    const compose = async (text: string) => {
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
      // Longer than the box's debounce: each state is searched.
      await page.waitForTimeout(400);
    };
    // A Korean IME: ㄹ, 로, 롭; the ㅗ key commits 로 and composes 보, then 봇.
    for (const state of ['ㄹ', '로', '롭']) await compose(state);
    await cdp.send('Input.insertText', { text: '로' });
    for (const state of ['보', '봇']) await compose(state);
    await cdp.send('Input.insertText', { text: '봇' });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-search-list] .search-result').length > 0,
    );
    await page.waitForTimeout(400);
    expect(await page.inputValue('#site-search')).toBe(word);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => text.includes('없습니다'))).toEqual([]);
    // The results were already there while 봇 was being composed.
    expect(seen.some((text) => text.includes('검색 결과'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('marks only the matched part of a word', async () => {
    const { page, errors } = await openPage('/');
    await page.fill('#site-search', '로봇');
    await page.locator('[data-search-list] .search-result').first().waitFor();
    const marks = await page.$$eval('[data-search-list] mark', (m) => m.map((x) => x.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['로봇']));
    // 로봇혁신센터 and the like are in the results, with only 로봇 marked in them.
    const words = await page.$$eval('[data-search-list] mark', (m) =>
      m.map((x) => `${x.textContent}${x.nextSibling?.textContent?.split(' ')[0] ?? ''}`),
    );
    expect(words.some((w) => w.length > 2)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('suggests words of the archive that start with what is typed, initials included', async () => {
    const name = articles[0].reporters[0];
    const initials = [...name]
      .map(
        (ch) =>
          'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'[Math.floor((ch.charCodeAt(0) - 0xac00) / 588)],
      )
      .join('');
    const { page, errors } = await openPage('/');
    for (const typed of [name.slice(0, 2), initials]) {
      await page.fill('#site-search', typed);
      const suggestion = page.locator('[data-search-list] a.search-suggestion', { hasText: name });
      await suggestion.waitFor();
    }
    // Arrow keys reach it first; Enter searches it.
    await page.focus('#site-search');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-suggestion');
    const chosen = await page.evaluate(() => document.activeElement?.textContent);
    expect(chosen).toBe(name);
    await Promise.all([page.waitForURL(/\/search\//), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(name);
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when nothing matches', async () => {
    const { page, errors } = await openPage('/');
    await page.fill('#site-search', '존재하지않는낱말쀍');
    await page.locator('[data-search-list] .search-empty').waitFor();
    expect(await page.textContent('[data-search-status]')).toContain('없습니다');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('search page', () => {
  it('shows excerpts made only of the readable article text', async () => {
    const target = articles[0];
    const { page, errors } = await openPage(`/search/?q=${encodeURIComponent(queryFor(target))}`);
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const results = await shownResults(page);
    expect(results.map((r) => r.url)).toContain(target.url);
    for (const result of results) {
      const article = articles.find((a) => a.url === result.url)!;
      expect(result.title.trim()).toBe(article.headline);
      for (const piece of result.excerpt.replace(/…/g, ' ').split(/\s+/).filter(Boolean)) {
        expect(article.text, `'${piece}' in ${result.url}`).toContain(piece);
      }
      // No index-only forms: initial-consonant strings or canonical numbers like 45000m2.
      expect(result.excerpt).not.toMatch(/[ㄱ-ㅎ]{2,}|\d+m2\b|_\d/);
    }
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds an article by a word far into its body and shows its opening as the excerpt', async () => {
    // Results download only each article's lead (src/lib/search/fragment.ts); the index
    // still holds every word. A rare word well past the lead of a long article:
    const past = LEAD_CHARS + 40;
    const deep = articles.flatMap((article) =>
      // Whole words (not 곳으로 of 20곳으로: a stem must start a word, query.ts).
      [...article.story.slice(past).matchAll(/(?<=\s)[가-힣]{3,}/g)]
        .map((m) => m[0])
        .filter(
          (word) =>
            // Not even its first two syllables (a stem the query may be cut to) in the lead.
            !`${article.headline} ${article.story.slice(0, past)}`.includes(word.slice(0, 2)) &&
            articles.filter((other) => other.text.includes(word)).length <= 3,
        )
        .map((word) => ({ article, word })),
    )[0];
    expect(deep, `no article's body runs past ${past} characters`).toBeDefined();
    const { page, errors } = await openPage(`/search/?q=${encodeURIComponent(deep.word)}`);
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const result = (await shownResults(page)).find((r) => r.url === deep.article.url);
    expect(result, `${deep.word} → ${deep.article.url}`).toBeDefined();
    expect(result!.excerpt.slice(0, 20)).toBe(deep.article.story.slice(0, 20));
    expect(result!.excerpt).not.toContain(deep.word);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cuts the excerpt from the story, never from captions, credits or subheadlines', async () => {
    const pictured = articles.filter((a) => a.asides.length > 0);
    expect(pictured.length).toBeGreaterThan(0);
    const { page, errors } = await openPage('/search/?q=기자');
    await page.locator('[data-search-results] .search-result').first().waitFor();
    while (await page.isVisible('[data-search-more]')) {
      const count = await page.locator('[data-search-results] .search-result').count();
      await page.click('[data-search-more]');
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-search-results] .search-result').length > n,
        count,
      );
    }
    const results = await shownResults(page);
    expect(results.length).toBe(articles.length);
    for (const result of results) {
      const article = articles.find((a) => a.url === result.url)!;
      const excerpt = result.excerpt.replace(/^… /, '').replace(/ …$/, '');
      expect(article.story, result.url).toContain(excerpt);
      for (const aside of article.asides) expect(excerpt, result.url).not.toContain(aside);
      // The reporters, each as 기자, never broken from the name.
      for (const name of article.reporters) expect(result.meta).toContain(`${name}\u00a0기자`);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads a query typed in Latin mode as Hangul and offers it as typed', async () => {
    // 기자 typed with the keyboard left in Latin mode (2-set layout).
    const { page, errors } = await openPage('/search/?q=rlwk');
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const summary = (await page.textContent('[data-search-summary]')) ?? '';
    expect(summary).toContain(`'기자' 검색 결과 ${articles.length}건`);
    expect(summary).toContain("'기자'로 검색한 결과입니다 · 'rlwk'로 검색");
    await Promise.all([page.waitForURL(/as=typed/), page.click('[data-search-summary] a')]);
    await page.waitForFunction(() =>
      document.querySelector('[data-search-summary]')?.textContent?.includes('없습니다'),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('suggests widening the filters only when one is set', async () => {
    const { page, errors } = await openPage('/search/?q=존재하지않는낱말쀍');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-summary]')?.textContent?.includes('없습니다'),
    );
    expect(await page.textContent('[data-search-summary]')).not.toContain('전체');
    const section = encodeURIComponent(articles[0].section);
    await page.goto(`${server.url}/search/?q=존재하지않는낱말쀍&section=${section}`);
    await page.waitForFunction(() =>
      document.querySelector('[data-search-summary]')?.textContent?.includes('없습니다'),
    );
    expect(await page.textContent('[data-search-summary]')).toContain("'전체'");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('suggests the nearest indexed word when a misspelled one finds nothing', async () => {
    const word = queryFor(articles[0]);
    // One jamo off: the last syllable's vowel moved by one (반도체 → 반도쳬).
    const last = word.charCodeAt(word.length - 1);
    const typo = word.slice(0, -1) + String.fromCharCode(last + 28);
    const { page, errors } = await openPage(`/search/?q=${encodeURIComponent(typo)}`);
    const link = page.locator('[data-search-summary] .search-suggest a', { hasText: word });
    await link.waitFor();
    expect(await page.textContent('[data-search-summary]')).toContain('이런 검색어는 어떠세요');
    await link.click();
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps a custom date range (KST days) in the URL and sorts oldest first', async () => {
    const days = [...new Set(articles.map((a) => a.day))].sort();
    const [from, to] = [days[1], days[days.length - 2]];
    const inRange = articles.filter((a) => a.day >= from && a.day <= to).length;
    const { page, errors } = await openPage(
      `/search/?q=기자&period=custom&from=${from}&to=${to}&sort=oldest`,
    );
    await page.waitForFunction((n) => {
      const text = document.querySelector('[data-search-summary]')?.textContent ?? '';
      return Number(/(\d+)건/.exec(text)?.[1]) === n;
    }, inRange);
    expect(await page.isVisible('input[name="from"]')).toBe(true);
    const dates = await page.$$eval('[data-search-results] time', (times) =>
      times.map((t) => t.getAttribute('datetime') ?? ''),
    );
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d >= from && d <= to)).toBe(true);
    // Back to 전체: the range leaves the URL.
    await page.selectOption('select[name="period"]', '');
    await page.waitForURL((url) => !url.searchParams.has('from'));
    expect(await page.isVisible('input[name="from"]')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('passes axe with results shown', async () => {
    const { page, errors } = await openPage(
      `/search/?q=${encodeURIComponent(queryFor(articles[0]))}`,
      true,
    );
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows each filter’s choice whole, clear of its select’s arrow', async () => {
    const { page, errors } = await openPage('/search/?q=기자&sort=relevance');
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const gaps = await page.$$eval('.filters select', (selects) =>
      selects.map((select) => {
        const s = select as HTMLSelectElement;
        const style = getComputedStyle(s);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = context.measureText(s.options[s.selectedIndex].text).width;
        // What is left of the box after the text and its left padding: the arrow's room.
        return {
          name: s.name,
          room: s.clientWidth - parseFloat(style.paddingLeft) - text,
        };
      }),
    );
    expect(gaps.length).toBe(5);
    for (const { name, room } of gaps) expect(room, name).toBeGreaterThanOrEqual(24);
    expect(errors).toEqual([]);
  });

  it('ends no line of the help on a lone word at phone width', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await page.goto(`${server.url}/search/`);
    await page.locator('.help summary').click();
    // For each item that wraps, the words on its last line (by their boxes' tops).
    const lastLines = await page.$$eval('.help li', (items) =>
      items.map((li) => {
        const range = document.createRange();
        const tops: number[] = [];
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(/\S+/g)) {
            range.setStart(node, match.index!);
            range.setEnd(node, match.index! + match[0].length);
            tops.push(Math.round(range.getBoundingClientRect().top));
          }
        }
        // Inline code sits a pixel or two off its line's other words: a line starts 8 px on.
        const starts: number[] = [];
        for (const top of [...tops].sort((a, b) => a - b)) {
          if (starts.length === 0 || top > starts[starts.length - 1] + 8) starts.push(top);
        }
        const last = starts[starts.length - 1];
        return { lines: starts.length, lastWords: tops.filter((t) => t >= last).length };
      }),
    );
    expect(lastLines.some((item) => item.lines > 1)).toBe(true);
    for (const item of lastLines) if (item.lines > 1) expect(item.lastWords).toBeGreaterThan(1);
  });

  it('narrows results with a filter and keeps the URL shareable', async () => {
    // Every article has a byline, so 기자 finds them all.
    const { page, errors } = await openPage('/search/?q=기자');
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const all = await summaryCount(page);
    expect(all).toBe(articles.length);

    const section = articles[0].section;
    const inSection = articles.filter((a) => a.section === section).length;
    // Each choice shows how many of the results it has.
    const year = articles[0].day.slice(0, 4);
    const inYear = articles.filter((a) => a.day.startsWith(year)).length;
    const label = (name: string, value: string) =>
      page.$eval(
        `select[name="${name}"] option[value="${value}"]`,
        (option) => (option as HTMLOptionElement).text,
      );
    await page.waitForFunction(
      ([value, n]) =>
        [...document.querySelectorAll<HTMLOptionElement>('select[name="section"] option')].some(
          (o) => o.value === value && o.text.endsWith(`(${n})`),
        ),
      [section, inSection] as const,
    );
    expect(await label('section', section)).toBe(`${section} (${inSection})`);
    expect(await label('year', year)).toBe(`${year}년 (${inYear})`);
    await page.selectOption('select[name="section"]', section);
    await page.waitForURL(/section=/);
    await page.waitForFunction((n) => {
      const text = document.querySelector('[data-search-summary]')?.textContent ?? '';
      return Number(/(\d+)건/.exec(text)?.[1]) === n;
    }, inSection);
    for (const result of await shownResults(page)) expect(result.meta).toContain(section);
    // A narrowing filter shows no counts of its own (its other choices would read 0).
    expect(await label('section', section)).toBe(section);
    expect(new URL(page.url()).searchParams.get('section')).toBe(section);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sorts newest first on request', async () => {
    const { page, errors } = await openPage('/search/?q=기자&sort=newest');
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const dates = await page.$$eval('[data-search-results] time', (times) =>
      times.map((t) => t.getAttribute('datetime') ?? ''),
    );
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('explains itself when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=기자`);
    expect(await page.textContent('main')).toContain('자바스크립트를 켜면');
    await context.close();
  });
});
