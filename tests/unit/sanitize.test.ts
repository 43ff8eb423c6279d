/**
 * Renders every hostile Markdown fixture through the same unified pipeline Astro uses for
 * .md articles (createMarkdownProcessor with our plugin lists) and checks the HTML: no
 * payload may survive, and ordinary content must.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../../src/lib/line-of-field.ts';
import { rehypePlugins, remarkPlugins } from '../../src/lib/markdown/index.ts';
import { EMBED_SRC } from '../../src/lib/markdown/sanitize.ts';

const HOSTILE = 'fixtures/hostile/content/articles/2025/11';
const fixtures = readdirSync(HOSTILE).filter((name) => name.endsWith('.md'));

const processor = await createMarkdownProcessor({ remarkPlugins, rehypePlugins } as Parameters<
  typeof createMarkdownProcessor
>[0]);

async function render(markdown: string, file = 'article.md', frontmatter = {}) {
  const { code } = await processor.render(markdown, {
    fileURL: pathToFileURL(join(process.cwd(), file)),
    frontmatter,
  });
  return code;
}

const FORBIDDEN_ELEMENTS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'object',
  'embed',
  'applet',
  'param',
  'frame',
  'frameset',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'noscript',
  'template',
  'body',
  'details',
];
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'data', 'xlink:href'];

/** What a browser would treat as the scheme: it ignores whitespace and control characters. */
const scheme = (url: string) =>
  /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1].toLowerCase();

function payloadsIn(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.includes(tag)) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) found.push(`${tag}[${attribute}]`);
      if (['style', 'srcdoc', 'formaction', 'action', 'class'].includes(attribute)) {
        // class is allowed only for the footnote markup remark-rehype writes itself.
        if (attribute !== 'class' || !/^(sr-only|footnotes|data-footnote-backref)$/.test(value)) {
          found.push(`${tag}[${attribute}]`);
        }
      }
      if (URL_ATTRIBUTES.includes(attribute)) {
        const s = scheme(value);
        if (s && !['http', 'https', 'mailto'].includes(s)) found.push(`${tag}[${attribute}=${s}:]`);
      }
    }
    if (tag === 'iframe' && !EMBED_SRC.test(element.getAttribute('src') ?? '')) {
      found.push(`iframe from ${element.getAttribute('src')}`);
    }
    if (tag === 'iframe' && element.getAttribute('sandbox') === undefined) {
      found.push('iframe without sandbox');
    }
    if (
      ['id', 'name'].some(
        (a) =>
          element.getAttribute(a) &&
          !/^(user-content-|footnote-label$)/.test(element.getAttribute(a)!),
      )
    ) {
      found.push(`${tag} with a global id/name`);
    }
  }
  return found;
}

describe('hostile Markdown fixtures', () => {
  it('has a corpus to test', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('%s: no payload survives, the safe paragraph does', async (name) => {
    const source = readArticleSource(readFileSync(join(HOSTILE, name), 'utf8'));
    const html = await render(source.body, join(HOSTILE, name), source.frontmatter);
    const root = parse(html);
    expect(payloadsIn(root)).toEqual([]);
    expect(html).not.toMatch(/<\s*script/i);
    expect(html).not.toMatch(/(?:href|src)="\s*(?:javascript|data|vbscript):/i);
    expect(root.textContent).toContain(`안전한 문단 ${name.replace(/\.md$/, '')}`);
  });

  it('keeps only the allow-listed video embed and gives it safe attributes', async () => {
    const source = readArticleSource(readFileSync(join(HOSTILE, 'iframes.md'), 'utf8'));
    const root = parse(await render(source.body));
    const frames = root.querySelectorAll('iframe');
    expect(frames.map((f) => f.getAttribute('src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
    ]);
    expect(frames[0].attributes).toMatchObject({
      title: '허용된 영상',
      loading: 'lazy',
      referrerpolicy: 'strict-origin-when-cross-origin',
    });
    expect(frames[0].getAttribute('allow')).toBeUndefined();
  });

  it('detects payloads when sanitizing is off (the check itself can fail)', async () => {
    const unsafe = await createMarkdownProcessor({ remarkPlugins } as Parameters<
      typeof createMarkdownProcessor
    >[0]);
    const source = readArticleSource(readFileSync(join(HOSTILE, 'event-handlers.md'), 'utf8'));
    const { code } = await unsafe.render(source.body, {});
    expect(payloadsIn(parse(code)).length).toBeGreaterThan(3);
  });
});

describe('allowed Markdown and HTML', () => {
  it('renders ordinary Markdown: strong, em, links, lists, blockquote, tables', async () => {
    const source = readArticleSource(readFileSync(join(HOSTILE, 'allowed-html.md'), 'utf8'));
    const root = parse(await render(source.body));
    expect(root.querySelector('strong')?.textContent).toBe('굵은 글');
    expect(root.querySelector('em')?.textContent).toBe('기울인 글');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/report',
      'mailto:desk@saebyeok.example',
      '/articles/2025/10/older/',
    ]);
    expect(root.querySelectorAll('ul > li')).toHaveLength(2);
    expect(root.querySelectorAll('ol > li')).toHaveLength(2);
    expect(root.querySelector('blockquote p')?.textContent).toBe('인용한 문장입니다.');
    expect(root.querySelectorAll('table')).toHaveLength(2);
    expect(root.querySelectorAll('td')[1].textContent).toBe('120억');
    expect(root.querySelector('figure img')?.getAttribute('alt')).toBe('예산 그래프');
    expect(root.querySelector('figcaption')?.textContent).toBe('연도별 예산');
    expect(root.querySelector('caption')?.textContent).toBe('설명회 일정');
    expect(root.querySelectorAll('table')[1].querySelector('th')?.getAttribute('scope')).toBe(
      'col',
    );
    expect(root.querySelector('sup')?.textContent).toBe('위첨자');
    expect(root.querySelectorAll('iframe').map((f) => f.getAttribute('src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
      'https://player.vimeo.com/video/76979871',
    ]);
  });

  it('turns **"인용"**은 into <strong> next to Korean text', async () => {
    const root = parse(await render('구청장은 **"주민이 먼저"**라고 말했다.'));
    expect(root.querySelector('strong')?.textContent).toMatch(/^["“]주민이 먼저["”]$/);
  });

  it('still places photo slots after sanitizing', async () => {
    const html = await render('첫 문단.\n\n둘째 문단.', 'a.md', {
      photos: [{ afterParagraph: 1 }],
    });
    expect(html).toMatch(/<p>첫 문단.<\/p>\s*<!--photo:0-->/);
  });

  it('leaves .mdx trees alone (the MDX guard rejects raw HTML there instead)', async () => {
    const html = await render('<b onclick="x()">굵게</b>', 'article.mdx');
    expect(html).toContain('onclick');
  });
});
