/** What the importer writes: escaped body, slug, reporter ids, frontmatter the schema accepts. */
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  escapeMarkdownText,
  importedArticleMarkdown,
  importedArticlePath,
  slugFromHeadline,
  unexpectedIssues,
} from '../../../src/lib/importer/article-file.ts';
import { matchReporters } from '../../../src/lib/importer/reporters.ts';
import { reporterIdFor } from '../../../src/lib/reporter-id.ts';
import type { ScrapedArticle } from '../../../src/lib/importer/types.ts';
import { rehypePlugins, remarkPlugins } from '../../../src/lib/markdown/index.ts';
import { makeArticleSchema, type Reporter } from '../../../src/lib/schema.ts';

const processor = await createMarkdownProcessor({ remarkPlugins, rehypePlugins } as Parameters<
  typeof createMarkdownProcessor
>[0]);

describe('escapeMarkdownText', () => {
  // Plain text a scrape can hold that Markdown would otherwise read as syntax.
  const TEXTS = [
    '물량은 10~20% 늘고 가격은 5~7% 내렸다.',
    '<저작권자 ⓒ 새벽일보> 표기는 그대로 둔다.',
    '1. 첫째 항목처럼 보이는 문장이다.',
    '# 해시태그 #부동산 이 유행했다.',
    '- 줄표로 시작하는 인용이다.',
    '> 꺾쇠로 시작하는 문장이다.',
    '**별표** 와 _밑줄_ 과 `백틱` 과 [대괄호](링크) 를 쓴다.',
    'A&B 와 &amp; 와 \\ 역슬래시 와 | 세로줄 이 있다.',
    '<script>alert(1)</script> 문자열이다.',
  ];
  it.each(TEXTS)('renders %s as exactly that text in one paragraph', async (text) => {
    const { code } = await processor.render(escapeMarkdownText(text), {
      fileURL: pathToFileURL('/tmp/article.md'),
      frontmatter: {},
    });
    const root = parse(code);
    expect(root.childNodes.filter((n) => n.toString().trim()).length).toBe(1);
    expect(root.querySelector('p')?.text).toBe(text);
    expect(root.querySelectorAll('script, a, em, strong, del, code, h1, li, blockquote')).toEqual(
      [],
    );
  });
});

describe('slugFromHeadline', () => {
  it('romanises the first words into a valid slug', () => {
    expect(slugFromHeadline('로봇 혁신센터 개관…"내년 10곳 더"')).toBe(
      'robot-hyeoksinsenteo-gaegwan-naenyeon',
    );
    expect(slugFromHeadline('中 전기차 업체, 韓 진출')).toBe('jeongicha-eopche-jinchul');
  });
  it('gives up on a headline with nothing to romanise', () => {
    expect(slugFromHeadline('中·美·北')).toBeUndefined();
  });
});

describe('reporters', () => {
  const known: Reporter[] = [
    {
      kind: 'person',
      id: 'kim-hayoon',
      name: '김하윤',
      role: '기자',
      email: 'a@example.com',
      desk: '경제부',
      bio: '',
    },
    {
      kind: 'person',
      id: 'kim-yeonha',
      name: '김연수',
      role: '기자',
      email: 'b@example.com',
      desk: '경제부',
      bio: '',
    },
  ];
  it('romanises new names with the usual surname spelling, avoiding taken ids', () => {
    expect(reporterIdFor('김연하', new Set())).toBe('kim-yeonha');
    expect(reporterIdFor('김연하', new Set(['kim-yeonha']))).toBe('kim-yeonha-2');
    expect(reporterIdFor('남궁민수', new Set())).toBe('namgung-minsu');
    expect(reporterIdFor('편지원', new Set())).toBe('pyeon-jiwon');
  });
  it('finds listed reporters by name and proposes the others', () => {
    const match = matchReporters(
      [
        { name: '김하윤', role: '기자', email: null },
        { name: '김연하', role: '특파원', email: 'yh@example.com' },
        { name: '정하람', role: '기자', email: null },
      ],
      known,
      '국제부',
    );
    expect(match.ids).toEqual(['kim-hayoon', 'kim-yeonha-2', 'jung-haram']);
    expect(match.added).toEqual([
      {
        id: 'kim-yeonha-2',
        name: '김연하',
        role: '특파원',
        email: 'yh@example.com',
        desk: '국제부',
        bio: '',
      },
      {
        id: 'jung-haram',
        name: '정하람',
        role: '기자',
        email: 'jung-haram@placeholder.invalid',
        desk: '국제부',
        bio: '',
      },
    ]);
    expect(match.ambiguous).toEqual([]);
  });
  it('finds a listed desk by its name and proposes a new one without an address', () => {
    const listed: Reporter[] = [
      ...known,
      { kind: 'desk', id: 'yonhap', name: '연합뉴스', desk: '연합뉴스', bio: '' },
    ];
    expect(matchReporters([], listed, '경제부', { name: '연합뉴스', desk: '연합뉴스' })).toEqual({
      ids: ['yonhap'],
      added: [],
      ambiguous: [],
    });
    expect(matchReporters([], listed, '국제부', { name: '국제부 종합', desk: '국제부' })).toEqual({
      ids: ['gukjebu-jonghap'],
      added: [
        { kind: 'desk', id: 'gukjebu-jonghap', name: '국제부 종합', desk: '국제부', bio: '' },
      ],
      ambiguous: [],
    });
    // Wire services keep the Latin ids they go by, not a romanisation.
    expect(matchReporters([], listed, '', { name: '뉴시스', desk: '뉴시스' }).added[0]?.id).toBe(
      'newsis',
    );
  });
  it('reports a name that matches two listed reporters', () => {
    const twins = [...known, { ...known[0]!, id: 'kim-hayoon-2' }];
    expect(
      matchReporters([{ name: '김하윤', role: '기자', email: null }], twins, '').ambiguous,
    ).toEqual(['김하윤 (kim-hayoon, kim-hayoon-2)']);
  });
});

describe('importedArticleMarkdown', () => {
  const scraped: ScrapedArticle = {
    section: 'economy',
    subsection: '금융',
    headline: '은행 "대출 금리 0.2%p 인하"',
    subheadlines: ['시중은행 세 곳 동참'],
    dateline: '세종',
    reporters: [{ name: '김하윤', role: '기자', email: null }],
    publishedAt: null,
    updatedAt: null,
    photos: [
      { caption: '은행 창구 모습.', credit: '연합뉴스', creditKind: 'agency', afterParagraph: 1 },
    ],
    copyright: '<저작권자 ⓒ 새벽일보, 무단 전재 및 재배포 금지>',
    paragraphs: ['금리를 내렸다.', '1. 인하 폭은 0.2%p다.'],
    dropped: [],
  };
  const schema = makeArticleSchema({
    photoSrc: z.string(),
    sectionIds: new Set(['economy']),
    reporterIds: new Set(['kim-hayoon']),
    latestAllowed: new Date('2030-01-01T00:00:00Z'),
  });
  const choices = {
    section: 'economy',
    slug: 'loan-rates',
    publishedAt: new Date('2025-10-31T15:30:00Z'),
    reporterIds: ['kim-hayoon'],
  };

  it('writes frontmatter the article schema accepts, apart from the placeholder photo', () => {
    const markdown = importedArticleMarkdown(scraped, choices);
    expect(markdown).toContain('publishedAt: "2025-11-01T00:30:00+09:00"');
    expect(markdown).toContain('  - src: ./photo-1.placeholder.jpg');
    expect(markdown).toContain('tags: ["금융"]');
    expect(markdown.endsWith('금리를 내렸다.\n\n1\\. 인하 폭은 0.2%p다.\n')).toBe(true);
    expect(unexpectedIssues(markdown, schema)).toEqual([]);
  });
  it('reports anything else the schema refuses', () => {
    const markdown = importedArticleMarkdown(scraped, { ...choices, reporterIds: ['nobody'] });
    expect(unexpectedIssues(markdown, schema)).toEqual([
      expect.stringMatching(/^reporters\.0: 알 수 없는 기자 'nobody'/),
    ]);
  });
  it('puts an article with photos in its own folder, by KST month', () => {
    expect(importedArticlePath(choices.publishedAt, 'loan-rates', 1)).toBe(
      'articles/2025/11/loan-rates/index.md',
    );
    expect(importedArticlePath(choices.publishedAt, 'loan-rates', 0)).toBe(
      'articles/2025/11/loan-rates.md',
    );
  });
});
