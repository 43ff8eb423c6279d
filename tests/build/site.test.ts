/**
 * Parses the built site in dist/ and checks it against the content files, read here
 * independently of the site's code. `npm test` builds with TZ=America/Los_Angeles, so the
 * KST assertions also prove the build ignores the machine's time zone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { excerptFromMarkdown } from '../../src/lib/excerpt.ts';
import { keepNumbersWithUnits } from '../../src/lib/keep-units.ts';
import {
  DIST,
  distHtml,
  distText,
  expectedKst,
  requireBuild,
  sourceArticles,
  yamlList,
} from '../helpers/site.ts';

const articles = sourceArticles();
const sections = yamlList('sections');
const reporters = yamlList('reporters');
const reporterById = new Map(reporters.map((r) => [r.id, r]));
const PAGE_SIZE = 20;

/** Every index.html under a dist folder, as site paths. */
function builtPages(folder: string): string[] {
  const root = join(DIST, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${folder}/${f.replace(/index\.html$/, '')}`.replaceAll('\\', '/'));
}

function linksOn(page: HTMLElement): Set<string> {
  return new Set(page.querySelectorAll('a[href]').map((a) => decodeURI(a.getAttribute('href')!)));
}

const articleUrl = (id: string) => `/articles/${id}/`;

beforeAll(requireBuild);

describe('article pages', () => {
  it('builds exactly one page per content file', () => {
    expect(articles.length).toBeGreaterThanOrEqual(1);
    expect(builtPages('articles').sort()).toEqual(articles.map((a) => articleUrl(a.id)).sort());
  });

  describe.each(articles.map((a) => [a.id, a] as const))('%s', (_id, article) => {
    const fm = article.frontmatter;
    const page = distHtml(articleUrl(article.id));
    const root = page.querySelector('article[data-article-id]')!;

    it('is Korean, canonical and shareable', () => {
      expect(page.querySelector('html')!.getAttribute('lang')).toBe('ko');
      expect(page.querySelector('link[rel=canonical]')!.getAttribute('href')).toMatch(
        new RegExp(`${articleUrl(article.id)}$`),
      );
      expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(
        fm.headline,
      );
      expect(page.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe(
        'article',
      );
    });

    it('is described by its summary or by the first paragraph of its whole body', () => {
      // The data store keeps only a body's opening paragraph (src/data/article-loader.ts);
      // what pages print must still come from the source's first paragraph.
      const expected = fm.summary ?? excerptFromMarkdown(article.body);
      expect(expected.length).toBeGreaterThan(20);
      expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(
        expected,
      );
    });

    it('shows section, headline, sub-headlines and byline with Korean spacing intact', () => {
      const section = sections.find((s) => s.id === fm.section)!;
      const crumbs = root.querySelectorAll('nav.breadcrumbs li');
      expect(crumbs.map((li) => li.text.trim())).toEqual(['홈', section.name]);
      // An amount keeps its unit on the same line (100억\u00a0원, src/lib/keep-units.ts).
      expect(root.querySelector('h1')!.text.trim()).toBe(keepNumbersWithUnits(fm.headline));
      expect(root.querySelectorAll('[data-article-subheadline]').map((e) => e.text.trim())).toEqual(
        (fm.subheadlines ?? []).map(keepNumbersWithUnits),
      );
      const authors = root.querySelectorAll('a[rel=author]');
      // A desk or wire service (kind: desk) is printed by its name alone, with no address.
      const label = (r: Record<string, any>) =>
        r.kind === 'desk' ? r.name : `${r.name} ${r.role}`;
      expect(authors.map((a) => a.text.trim())).toEqual(
        fm.reporters.map((id: string) => label(reporterById.get(id)!)),
      );
      expect(authors.map((a) => a.getAttribute('href'))).toEqual(
        fm.reporters.map((id: string) => `/reporters/${id}/`),
      );
      for (const id of fm.reporters.filter((id: string) => reporterById.get(id)!.email)) {
        expect(
          root.querySelector(`a[href="mailto:${reporterById.get(id)!.email}"]`),
        ).not.toBeNull();
      }
      if (fm.dateline) expect(root.querySelector('.byline')!.text).toContain(`${fm.dateline}=`);
    });

    it('prints 입력/수정 times in KST with machine-readable datetime', () => {
      const times = root.querySelectorAll('.times time');
      const published = expectedKst(fm.publishedAt);
      expect(times[0].getAttribute('datetime')).toBe(published.iso);
      expect(times[0].text).toBe(published.display);
      expect(root.querySelector('.times')!.text).toContain('입력');
      if (fm.updatedAt) {
        expect(times[1].getAttribute('datetime')).toBe(expectedKst(fm.updatedAt).iso);
        expect(root.querySelector('.times')!.text).toContain('수정');
      } else {
        expect(times).toHaveLength(1);
      }
    });

    it('shows every photo as a responsive figure with caption and credit', () => {
      const photos: any[] = fm.photos ?? [];
      const figures = root.querySelectorAll('[data-article-body] figure');
      expect(figures).toHaveLength(photos.length);
      const credit = (p: any) =>
        ({ provided: `사진 제공=${p.credit}`, staff: `사진=${p.credit}`, agency: p.credit })[
          (p.creditKind ?? 'provided') as string
        ];
      const captions = figures.map((f) =>
        f.querySelector('figcaption')!.text.replace(/\s+/g, ' ').trim(),
      );
      for (const photo of photos) {
        expect(captions).toContain(`${photo.caption.trim()} ${credit(photo)}`);
      }
      figures.forEach((figure, i) => {
        const sources = figure
          .querySelectorAll('picture source')
          .map((s) => s.getAttribute('type'));
        expect(sources).toEqual(['image/avif', 'image/webp']);
        const img = figure.querySelector('img')!;
        expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
        expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
        expect(img.getAttribute('srcset')).toMatch(/\d+w/);
        expect(img.getAttribute('sizes')).toBeTruthy();
        expect(img.getAttribute('alt')).toBeTruthy();
        const isLead =
          figure.querySelector('figcaption')!.text.includes(photos[0].caption.trim()) && i === 0;
        expect(img.getAttribute('loading')).toBe(isLead ? 'eager' : 'lazy');
        if (isLead) expect(img.getAttribute('fetchpriority')).toBe('high');
      });
    });

    it('has NewsArticle JSON-LD that parses and matches the article', () => {
      const script = page.querySelector('script[type="application/ld+json"]')!;
      const data = JSON.parse(script.text);
      expect(data['@type']).toBe('NewsArticle');
      expect(data.headline).toBe(fm.headline);
      expect(data.datePublished).toBe(expectedKst(fm.publishedAt).iso);
      expect(data.dateModified).toBe(expectedKst(fm.updatedAt ?? fm.publishedAt).iso);
      expect(data.author.map((a: any) => a.name)).toEqual(
        fm.reporters.map((id: string) => reporterById.get(id)!.name),
      );
      expect(data.articleSection).toBe(sections.find((s) => s.id === fm.section)!.name);
      expect(data.publisher['@type']).toBe('Organization');
      expect(data.image).toHaveLength((fm.photos ?? []).length);
    });

    it('ends with a box per reporter: name, role, desk, e-mail and their newest other articles', () => {
      const boxes = root.querySelectorAll('[data-reporter-box]');
      expect(boxes).toHaveLength(fm.reporters.length);
      fm.reporters.forEach((id: string, i: number) => {
        const r = reporterById.get(id)!;
        const box = boxes[i];
        // A desk (디지털뉴스부) is named alone and has no address.
        const person = r.kind !== 'desk';
        expect(box.querySelector('h2')!.text.replace(/\s+/g, ' ').trim()).toBe(
          person ? `${r.name} ${r.role}` : r.name,
        );
        expect(box.text).toContain(r.desk);
        expect(
          box.querySelectorAll('a[href^="mailto:"]').map((a) => a.getAttribute('href')),
        ).toEqual(person ? [`mailto:${r.email}`] : []);
        const others = articles
          .filter((a) => a.id !== article.id && a.frontmatter.reporters.includes(id))
          .sort(
            (a, b) =>
              Date.parse(b.frontmatter.publishedAt) - Date.parse(a.frontmatter.publishedAt) ||
              a.id.localeCompare(b.id),
          )
          .slice(0, 3)
          .map((a) => articleUrl(a.id));
        expect(box.querySelectorAll('.others li a').map((a) => a.getAttribute('href'))).toEqual(
          others,
        );
      });
    });

    it('ends with tags and the copyright line', () => {
      const tags = root.querySelectorAll('.tags a').map((a) => a.text.trim());
      expect(tags).toEqual((fm.tags ?? []).map((t: string) => `#${t}`));
      expect(root.querySelector('.copyright')!.text).toContain(
        fm.copyright ?? '무단 전재 및 재배포 금지',
      );
    });
  });
});

describe('Markdown rendering', () => {
  it('makes **"인용"**은 bold next to Korean punctuation (remark-cjk-friendly)', () => {
    const cases = articles.flatMap((a) =>
      [...a.body.matchAll(/\*\*([“"][^*\n]+?[”"])\*\*[가-힣]/g)].map((m) => ({
        id: a.id,
        quote: m[1],
      })),
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const { id, quote } of cases) {
      const strong = distHtml(articleUrl(id)).querySelectorAll('[data-article-body] strong');
      const inner = quote.slice(1, -1);
      expect(strong.some((s) => s.text.includes(inner))).toBe(true);
      expect(distHtml(articleUrl(id)).querySelector('[data-article-body]')!.text).not.toContain(
        '**',
      );
    }
  });
});

describe('listing pages', () => {
  const linkedFrom = (folder: string) => {
    const all = new Set<string>();
    for (const path of builtPages(folder))
      for (const href of linksOn(distHtml(path))) all.add(href);
    return all;
  };

  it.each(['sections', 'reporters', 'archive'])('%s pages link every article', (folder) => {
    const links = linkedFrom(folder);
    for (const a of articles) expect(links, a.id).toContain(articleUrl(a.id));
  });

  it('tag pages link every tagged article', () => {
    const links = linkedFrom('tags');
    for (const a of articles.filter((x) => (x.frontmatter.tags ?? []).length > 0)) {
      expect(links).toContain(articleUrl(a.id));
    }
  });

  it('lists every tag once in the index by initial consonant, and at most 100 on /tags/', () => {
    const tags = new Set(articles.flatMap((a) => a.frontmatter.tags ?? []));
    const tagLinks = (page: HTMLElement) =>
      page.querySelectorAll('main .tag-cloud a').map((a) => decodeURI(a.getAttribute('href')!));
    const indexed = builtPages('tag-index').flatMap((path) => tagLinks(distHtml(path)));
    expect(indexed.sort()).toEqual([...tags].map((t) => `/tags/${t}/`).sort());
    const top = tagLinks(distHtml('/tags/'));
    expect(top.length).toBe(Math.min(100, tags.size));
    // Each initial's page holds only tags that start with it (ㅅ also holds ㅆ).
    const initialLinks = distHtml('/tags/').querySelectorAll('.tag-initials a');
    expect(initialLinks.length).toBeGreaterThan(1);
    for (const link of initialLinks) {
      const path = decodeURI(link.getAttribute('href')!);
      const initial = path.split('/')[2];
      for (const href of tagLinks(distHtml(path))) {
        const first = href.split('/')[2][0];
        if (/[가-힣]/.test(first)) {
          const index = Math.floor((first.charCodeAt(0) - 0xac00) / 588);
          expect('ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ'[index], href).toBe(initial);
        }
      }
    }
  });

  it('never list more than a page of articles, newest first', () => {
    for (const folder of ['sections', 'reporters', 'tags', 'archive']) {
      for (const path of builtPages(folder)) {
        const times = distHtml(path)
          .querySelectorAll('.article-list time')
          .map((t) => t.getAttribute('datetime')!);
        expect(times.length).toBeLessThanOrEqual(PAGE_SIZE);
        expect([...times].sort().reverse()).toEqual(times);
      }
    }
  });

  it('home shows the latest articles with lead photo thumbnails', () => {
    const home = distHtml('/');
    const newest = [...articles].sort(
      (a, b) =>
        new Date(b.frontmatter.publishedAt).getTime() -
        new Date(a.frontmatter.publishedAt).getTime(),
    )[0];
    expect(linksOn(home)).toContain(articleUrl(newest.id));
    expect(home.querySelectorAll('img.thumb').length).toBeGreaterThan(0);
    for (const s of sections.filter((s) => articles.some((a) => a.frontmatter.section === s.id))) {
      expect(linksOn(home)).toContain(`/sections/${s.id}/`);
    }
  });

  it('keeps spaces between Korean words in card excerpts and meta', () => {
    const home = distHtml('/');
    for (const excerpt of home.querySelectorAll('.excerpt'))
      expect(excerpt.text).toMatch(/[가-힣] [가-힣]/);
    // A person's title follows the name after a space; a desk (kind: desk) is its name alone.
    const desks = reporters.filter((r) => r.kind === 'desk').map((r) => r.name);
    for (const meta of home.querySelectorAll('.card .meta span')) {
      if (desks.includes(meta.text)) continue;
      expect(meta.text).toMatch(/[가-힣] (기자|특파원|선임기자|논설위원|인턴기자)$/);
    }
  });
});

describe('feeds, sitemap and robots', () => {
  it('the site feed lists every article (up to its 50 newest)', () => {
    const feed = distText('rss.xml');
    expect(feed).toContain('<language>ko-kr</language>');
    for (const a of articles.slice(0, 50)) expect(feed).toContain(articleUrl(a.id));
  });

  it('each section feed lists that section’s articles', () => {
    for (const s of sections) {
      const feed = distText(`sections/${s.id}/rss.xml`);
      for (const a of articles.filter((x) => x.frontmatter.section === s.id)) {
        expect(feed).toContain(articleUrl(a.id));
      }
    }
  });

  it('the sitemap lists every article', () => {
    const sitemaps = readdirSync(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const xml = sitemaps.map((f) => readFileSync(join(DIST, f), 'utf8')).join('');
    for (const a of articles) expect(xml).toContain(articleUrl(a.id));
    expect(distText('robots.txt')).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
  });

  it('has a 404 page in Korean', () => {
    expect(distHtml('/404.html').querySelector('h1')!.text).toContain('찾을 수 없습니다');
  });
});

describe('Korean typography', () => {
  it('ships word-break: keep-all and no web font files', () => {
    // Small stylesheets are inlined into <style>, larger ones linked from /_astro/.
    const assets = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
    const css = [
      ...assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, f), 'utf8')),
      ...distHtml('/')
        .querySelectorAll('style')
        .map((s) => s.text),
    ].join('');
    expect(css).toMatch(/word-break:\s*keep-all/);
    expect(assets.some((f) => /\.(woff2?|ttf|otf)$/.test(f))).toBe(false);
  });

  it('keeps every amount of a story on one line with its unit (100억 원, 4만 5000㎡)', () => {
    const bodies = articles.map(
      (a) => distHtml(articleUrl(a.id)).querySelector('[data-article-body]')!.text,
    );
    const amounts = bodies.join(' ').match(/\d[\d,.]*(만|억|조)?[ \u00a0](원|달러|가구|\d)/g) ?? [];
    expect(amounts.length).toBeGreaterThan(3);
    expect(amounts.filter((amount) => amount.includes(' '))).toEqual([]);
  });
});

describe('date archive', () => {
  const WEEKDAYS = '일월화수목금토';
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = articles.map((a) => {
    const iso = expectedKst(a.frontmatter.publishedAt).iso;
    return {
      id: a.id,
      iso,
      year: Number(iso.slice(0, 4)),
      month: Number(iso.slice(5, 7)),
      day: Number(iso.slice(8, 10)),
      time: iso.slice(11, 16),
      key: iso.slice(0, 10),
    };
  });
  const dayKeys = [...new Set(days.map((d) => d.key))].sort();
  const dayPath = (key: string) => `/archive/${key.replaceAll('-', '/')}/`;
  const weekday = (y: number, m: number, d: number) =>
    WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];

  it('knows its weekdays', () => {
    expect(weekday(2025, 11, 3)).toBe('월');
  });

  it.each([...new Set(days.map((d) => d.key.slice(0, 7)))])(
    'the %s page is a calendar with each day’s count linking to it',
    (ym) => {
      const [y, m] = ym.split('-').map(Number);
      const page = distHtml(`/archive/${y}/${pad(m)}/`);
      const table = page.querySelector('table[data-calendar]')!;
      expect(table.querySelectorAll('thead th').map((th) => th.text.trim())).toEqual([...WEEKDAYS]);
      const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const cells = table.querySelectorAll('td[data-day]');
      expect(cells.map((c) => Number(c.getAttribute('data-day')))).toEqual(
        Array.from({ length }, (_, i) => i + 1),
      );
      // The 1st stands under its weekday; every row has seven cells.
      const firstRow = table.querySelector('tbody tr')!.querySelectorAll('td');
      expect(firstRow).toHaveLength(7);
      expect(WEEKDAYS[firstRow.findIndex((td) => td.getAttribute('data-day') === '1')]).toBe(
        weekday(y, m, 1),
      );
      const expected = new Map<number, number>();
      for (const d of days.filter((d) => d.year === y && d.month === m)) {
        expected.set(d.day, (expected.get(d.day) ?? 0) + 1);
      }
      for (const cell of cells) {
        const day = Number(cell.getAttribute('data-day'));
        const link = cell.querySelector('a');
        if (expected.has(day)) {
          expect(link!.getAttribute('href')).toBe(`/archive/${y}/${pad(m)}/${pad(day)}/`);
          expect(link!.querySelector('.count')!.text.replace(/\s+/g, '')).toBe(
            `${expected.get(day)}건`,
          );
        } else {
          expect(link, `${ym}-${day}`).toBeNull();
        }
      }
    },
  );

  it.each(dayKeys)('the %s page is titled with its weekday and links the nearest days', (key) => {
    const [y, m, d] = key.split('-').map(Number);
    const page = distHtml(dayPath(key));
    expect(page.querySelector('h1')!.text.trim()).toBe(`${y}년 ${m}월 ${d}일(${weekday(y, m, d)})`);
    const at = dayKeys.indexOf(key);
    const previous = page.querySelector('[data-day-previous]');
    const next = page.querySelector('[data-day-next]');
    expect(previous?.getAttribute('href')).toBe(at > 0 ? dayPath(dayKeys[at - 1]) : undefined);
    expect(next?.getAttribute('href')).toBe(
      at < dayKeys.length - 1 ? dayPath(dayKeys[at + 1]) : undefined,
    );
    if (previous) expect(previous.text).toContain('◀ 이전 날');
    if (next) expect(next.text).toContain('다음 날 ▶');
    const onDay = days
      .filter((x) => x.key === key)
      .sort((a, b) => b.iso.localeCompare(a.iso) || a.id.localeCompare(b.id));
    const items = page.querySelectorAll('.day-list li');
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(
      onDay.map((x) => articleUrl(x.id)),
    );
    expect(items.map((li) => li.querySelector('time')!.text.trim())).toEqual(
      onDay.map((x) => x.time),
    );
  });

  it.each([...new Set(days.map((d) => d.year))])(
    'the %i page shows its twelve months with counts',
    (y) => {
      const page = distHtml(`/archive/${y}/`);
      const months = page.querySelectorAll('[data-months] li');
      expect(months.map((li) => Number(li.getAttribute('data-month')))).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      for (const li of months) {
        const m = Number(li.getAttribute('data-month'));
        const n = days.filter((d) => d.year === y && d.month === m).length;
        expect(li.text, `${y}-${m}`).toContain(n > 0 ? `기사 ${n}건` : '기사 없음');
        expect(li.querySelector('a')?.getAttribute('href')).toBe(
          n > 0 ? `/archive/${y}/${pad(m)}/` : undefined,
        );
      }
    },
  );

  it('the index shows 오늘의 과거: the build day (KST) in earlier years', () => {
    const section = distHtml('/archive/').querySelector('[data-on-this-day]')!;
    const today = section.getAttribute('data-today')!;
    // The build ran today, in Seoul; allow for a test run just after midnight.
    const kstNow = Date.now() + 9 * 3600_000;
    expect(Math.abs(kstNow - Date.parse(`${today}T12:00:00Z`))).toBeLessThan(1.5 * 86_400_000);
    const [ty, tm, td] = today.split('-').map(Number);
    expect(section.querySelector('h2')!.text).toContain(`${tm}월 ${td}일`);
    const expected = days
      .filter((d) => d.month === tm && d.day === td && d.year < ty)
      .map((d) => articleUrl(d.id))
      .sort();
    const linked = section
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href')!)
      .filter((href) => href.startsWith('/articles/'))
      .sort();
    expect(linked).toEqual(expected);
    if (expected.length === 0) expect(section.text).toContain('기사가 없습니다');
  });
});
