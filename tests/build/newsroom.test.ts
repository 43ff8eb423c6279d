/**
 * The built sample site's corrections, series and desk bylines, read from dist/ against the
 * content files (content/articles, series.yaml, reporters.yaml) parsed here on their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT,
  distHtml,
  distText,
  expectedKst,
  requireBuild,
  sourceArticles,
  yamlList,
} from '../helpers/site.ts';

beforeAll(requireBuild);

const articles = sourceArticles();
const reporters = new Map(yamlList('reporters').map((r) => [r.id, r]));
const seriesList: Record<string, any>[] = parseYaml(
  readFileSync(join(CONTENT, 'series.yaml'), 'utf8'),
);
const url = (id: string) => `/articles/${id}/`;
const text = (node: { text: string } | null) => node?.text.replace(/\s+/g, ' ').trim() ?? '';

const corrected = articles.filter((a) => (a.frontmatter.corrections ?? []).length > 0);
const allCorrections = corrected
  .flatMap((a) => a.frontmatter.corrections.map((c: any) => ({ ...c, article: a })))
  .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());

describe('corrections (정정·반론보도)', () => {
  it('the sample content has a corrected article', () => {
    expect(corrected.length).toBeGreaterThanOrEqual(1);
  });

  it.each(corrected.map((a) => [a.id, a] as const))(
    '%s: a notice at the top, newest first',
    (_id, article) => {
      const page = distHtml(url(article.id));
      const root = page.querySelector('article[data-article-id]')!;
      const notice = root.querySelector('.article-header .correction-notice#corrections')!;
      expect(notice).not.toBeNull();
      // Above the body: the reader sees it before the first paragraph.
      const html = root.toString();
      expect(html.indexOf('correction-notice')).toBeLessThan(html.indexOf('data-article-body'));
      const expected = [...article.frontmatter.corrections].sort(
        (a: any, b: any) => new Date(b.at).getTime() - new Date(a.at).getTime(),
      );
      const items = notice.querySelectorAll('li');
      expect(items.map((li) => li.getAttribute('data-correction-kind'))).toEqual(
        expected.map((c: any) => c.kind),
      );
      items.forEach((li, i) => {
        expect(text(li.querySelector('.meta'))).toBe(
          `[${expected[i].kind}보도] ${expectedKst(expected[i].at).display}`,
        );
        expect(li.querySelector('time')!.getAttribute('datetime')).toBe(
          expectedKst(expected[i].at).iso,
        );
        expect(text(li.querySelector('.text'))).toBe(expected[i].text);
      });
    },
  );

  it.each(corrected.map((a) => [a.id, a] as const))('%s: JSON-LD correction', (_id, article) => {
    const data = JSON.parse(
      distHtml(url(article.id)).querySelector('script[type="application/ld+json"]')!.text,
    );
    expect(data.correction).toEqual(
      article.frontmatter.corrections.map((c: any) => ({
        '@type': 'CorrectionComment',
        text: `[${c.kind}] ${c.text}`,
        datePublished: expectedKst(c.at).iso,
      })),
    );
  });

  it('an article without corrections has no notice and no JSON-LD correction', () => {
    const plain = articles.find((a) => !a.frontmatter.corrections)!;
    const page = distHtml(url(plain.id));
    expect(page.querySelector('.correction-notice')).toBeNull();
    expect(
      JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text).correction,
    ).toBeUndefined();
  });

  it('/corrections/ lists every correction newest first, linking to the notice', () => {
    const page = distHtml('/corrections/');
    expect(text(page.querySelector('h1'))).toBe('정정·반론보도');
    const items = page.querySelectorAll('ol.corrections > li');
    expect(items).toHaveLength(Math.min(allCorrections.length, 20));
    items.forEach((li, i) => {
      const c = allCorrections[i];
      expect(li.querySelector('h2 a')!.getAttribute('href')).toBe(
        `${url(c.article.id)}#corrections`,
      );
      expect(text(li.querySelector('h2'))).toBe(c.article.frontmatter.headline);
      expect(text(li.querySelector('.text'))).toBe(c.text);
      expect(li.querySelector('time')!.getAttribute('datetime')).toBe(expectedKst(c.at).iso);
    });
    expect(page.querySelector('link[rel=alternate][href="/corrections/rss.xml"]')).not.toBeNull();
  });

  it('has its own RSS feed, newest first', () => {
    const feed = parse(distText('/corrections/rss.xml'));
    const items = feed.querySelectorAll('item');
    expect(items.map((i) => text(i.querySelector('title')))).toEqual(
      allCorrections.map((c) => `[${c.kind}보도] ${c.article.frontmatter.headline}`),
    );
    const dates = [...distText('/corrections/rss.xml').matchAll(/<pubDate>([^<]+)<\/pubDate>/g)];
    expect(dates.map((m) => new Date(m[1]!).getTime())).toEqual(
      allCorrections.map((c) => new Date(c.at).getTime()),
    );
    expect(distText('/corrections/rss.xml')).toContain('<language>ko-kr</language>');
  });
});

describe('series (연재)', () => {
  const [series] = seriesList;
  const parts = articles
    .filter((a) => a.frontmatter.series?.id === series!.id)
    .sort((a, b) => a.frontmatter.series.part - b.frontmatter.series.part);

  it('the sample content has a series of three parts', () => {
    expect(parts.map((p) => p.frontmatter.series.part)).toEqual([1, 2, 3]);
  });

  it('its page lists the parts in order with their numbers', () => {
    const page = distHtml(`/series/${series!.id}/`);
    expect(text(page.querySelector('h1'))).toBe(`연재 〈${series!.name}〉`);
    expect(text(page.querySelector('.description'))).toBe(series!.description);
    const items = page.querySelectorAll('ol.parts > li');
    expect(items.map((li) => li.getAttribute('data-series-part'))).toEqual(['1', '2', '3']);
    expect(items.map((li) => li.querySelector('h2 a')!.getAttribute('href'))).toEqual(
      parts.map((p) => url(p.id)),
    );
    expect(distHtml('/series/').querySelector(`a[href="/series/${series!.id}/"]`)).not.toBeNull();
  });

  it.each([0, 1, 2])('part %i shows "연재 N회" and links to the parts either side', (index) => {
    const part = parts[index]!;
    const root = distHtml(url(part.id)).querySelector('article[data-article-id]')!;
    expect(text(root.querySelector('[data-series-label]'))).toBe(
      `연재 〈${series!.name}〉 ${index + 1}회`,
    );
    const nav = root.querySelector('[data-series-nav]')!;
    expect(text(nav.querySelector('.title'))).toBe(
      `연재 〈${series!.name}〉 ${index + 1}회 · 전체 3회`,
    );
    const prev = nav.querySelector('a[rel=prev]');
    const next = nav.querySelector('a[rel=next]');
    expect(prev?.getAttribute('href')).toBe(index > 0 ? url(parts[index - 1]!.id) : undefined);
    expect(next?.getAttribute('href')).toBe(index < 2 ? url(parts[index + 1]!.id) : undefined);
    if (next)
      expect(text(next)).toBe(`다음 회 · ${index + 2}회 ${parts[index + 1]!.frontmatter.headline}`);
  });
});

describe('desk bylines', () => {
  const byDesk = articles.filter((a) =>
    a.frontmatter.reporters.some((id: string) => reporters.get(id)!.kind === 'desk'),
  );

  it.each(byDesk.map((a) => [a.id, a] as const))(
    '%s: the byline names the desk, with no address',
    (_id, article) => {
      const page = distHtml(url(article.id));
      const byline = page.querySelector('article .byline')!;
      const desk = reporters.get(article.frontmatter.reporters[0])!;
      expect(text(byline.querySelector('a[rel=author]'))).toBe(desk.name);
      expect(byline.querySelector('a[href^="mailto:"]')).toBeNull();
      const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
      expect(data.author[0]).toMatchObject({ '@type': 'Organization', name: desk.name });
    },
  );

  it('a desk has its listing page, like a reporter, without an address', () => {
    const [article] = byDesk;
    const id = article!.frontmatter.reporters[0];
    const page = distHtml(`/reporters/${id}/`);
    expect(text(page.querySelector('h1'))).toBe(reporters.get(id)!.name);
    expect(page.querySelector(`a[href="${url(article!.id)}"]`)).not.toBeNull();
    expect(page.querySelector('main a[href^="mailto:"]')).toBeNull();
    // Its department is not printed again when it is the name itself (디지털뉴스부).
    const desk = reporters.get(id)!;
    expect(text(page.querySelector('.profile'))).toBe(
      desk.desk === desk.name ? desk.bio : `${desk.desk} ${desk.bio}`,
    );
    expect(distHtml('/reporters/').querySelector(`a[href="/reporters/${id}/"]`)).not.toBeNull();
  });
});
