/**
 * Reads a scraped article (plain text, one block per line) into its parts. Pure: the caller
 * supplies the section labels; nothing here touches files.
 *
 * Every line ends up somewhere: breadcrumb, headline, sub-headline, time stamp, caption,
 * byline, copyright, dropped page chrome (reported), or a body paragraph. Anything the rules
 * do not recognise is kept as a paragraph, so a body sentence is never lost.
 */
import type { Section } from '../schema.ts';
import { parseByline, type Byline } from './byline.ts';
import { splitCaption, undouble } from './caption.ts';
import { parseDateLine } from './date-line.ts';
import type { ScrapedArticle } from './types.ts';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Section names and aliases (`세계`, `IT`) → section id. */
export type SectionLabels = ReadonlyMap<string, string>;

export function sectionLabels(sections: readonly Section[]): SectionLabels {
  return new Map(
    sections.flatMap((s) => [s.id, s.name, ...s.aliases].map((label) => [label, s.id] as const)),
  );
}

/** Buttons and links news sites print around an article; matched as whole lines only. */
export const PAGE_CHROME = new Set([
  '더보기',
  'top버튼',
  'top',
  '맨 위로',
  '팝업창 닫기',
  '닫기',
  '글자크기 설정',
  '글자 크기',
  '공유하기',
  '관련기사',
  '관련 기사',
  '기사 스크랩',
  '스크랩',
  '인쇄',
  '프린트',
  '좋아요',
  '댓글',
  '구독',
  '구독하기',
  '이전기사',
  '다음기사',
  '링크 복사',
  'url 복사',
  '카카오톡',
  '페이스북',
]);
/**
 * Scrape markers: a short bracketed label on a line of its own ([그래픽], [표], [영상], [포토])
 * where the site showed a graphic, table or player. Furniture, like the buttons above;
 * a bracketed label inside a headline or sentence ([단독] …) is not a whole line and stays.
 */
const MARKER = /^\[[가-힣A-Za-z0-9·\s]{1,10}\]$/;
const isChrome = (line: string) =>
  PAGE_CHROME.has(line.replace(/\s+/g, ' ').toLowerCase()) || MARKER.test(line);

const COPYRIGHT =
  /^[<[(〈]?\s*(?:저작권자|copyright|ⓒ|©)|^[<[(〈]?[^.]{0,40}무단\s?전재.{0,20}금지[>\])〉.]?$/i;
const isCopyright = (line: string) => line.length <= 100 && COPYRIGHT.test(line);

/** A breadcrumb is a known section label, then at most a few words: `부동산 주택`, `경제 > 금융`. */
function parseBreadcrumb(line: string, sections: SectionLabels) {
  const words = line.split(/\s*[>›|]\s*|\s+/).filter(Boolean);
  const id = sections.get(words[0] ?? '');
  if (!id || words.length > 4 || line.length > 30) return undefined;
  return { section: id, subsection: words.slice(1).join(' ') || null };
}

/** Sub-headlines are short and do not end like a sentence. */
const SENTENCE_END = /(?:[.!?。…]|다)["'”’)]*$/;
const isSubheadline = (line: string) => line.length <= 80 && !SENTENCE_END.test(line);

interface Line {
  text: string;
  number: number;
}

export function parseScrapedArticle(raw: string, sections: SectionLabels): ScrapedArticle {
  const lines: Line[] = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((text, index) => ({ text: text.replace(/\s+/g, ' ').trim(), number: index + 1 }))
    .filter((line) => line.text !== '');
  if (lines.length === 0) throw new ImportError('파일이 비어 있습니다');

  const article: ScrapedArticle = {
    section: null,
    subsection: null,
    headline: '',
    subheadlines: [],
    dateline: null,
    reporters: [],
    publishedAt: null,
    updatedAt: null,
    photos: [],
    copyright: null,
    paragraphs: [],
    dropped: [],
  };
  const bylines: (Line & Byline)[] = [];

  /** Lines that mean the same wherever they stand; true when the line was used. */
  function takeAnywhere(line: Line): boolean {
    if (isChrome(line.text)) {
      article.dropped.push(line.text);
      return true;
    }
    const stamps = parseDateLine(line.text);
    if (stamps) {
      article.publishedAt = stamps.publishedAt ?? article.publishedAt;
      article.updatedAt = stamps.updatedAt ?? article.updatedAt;
      return true;
    }
    if (isCopyright(line.text)) {
      article.copyright ??= line.text;
      return true;
    }
    const byline = parseByline(line.text);
    if (byline) {
      bylines.push({ ...line, ...byline });
      return true;
    }
    return false;
  }

  let stage: 'breadcrumb' | 'headline' | 'subheadlines' | 'body' = 'breadcrumb';
  for (const line of lines) {
    if (takeAnywhere(line)) continue;
    if (stage === 'breadcrumb') {
      stage = 'headline';
      const crumb = parseBreadcrumb(line.text, sections);
      if (crumb) {
        Object.assign(article, crumb);
        continue;
      }
    }
    const caption = splitCaption(undouble(line.text));
    if (stage === 'headline') {
      if (caption)
        throw new ImportError(`${line.number}번째 줄: 제목보다 사진 설명이 먼저 나옵니다`);
      article.headline = line.text;
      stage = 'subheadlines';
      continue;
    }
    if (stage === 'subheadlines' && !caption && isSubheadline(line.text)) {
      if (article.subheadlines.length < 4) {
        article.subheadlines.push(line.text);
        continue;
      }
    }
    stage = 'body';
    if (caption) {
      const previous = article.photos.at(-1);
      const repeated =
        previous &&
        previous.afterParagraph === article.paragraphs.length &&
        previous.caption === caption.caption &&
        previous.credit === caption.credit;
      // A caption printed again on the next line is the same photo.
      if (!repeated) article.photos.push({ ...caption, afterParagraph: article.paragraphs.length });
      continue;
    }
    article.paragraphs.push(line.text);
  }

  if (!article.headline) throw new ImportError('제목 줄을 찾지 못했습니다');
  const distinct = new Map(bylines.map((b) => [b.text, b]));
  if (distinct.size === 0) {
    throw new ImportError(
      "기자 이름 줄을 찾지 못했습니다 (예: '베이징=김연하 기자', '홍길동 기자 hong@example.com', '디지털뉴스부', '연합뉴스')",
    );
  }
  if (distinct.size > 1) {
    const found = [...distinct.values()].map((b) => `${b.number}번째 줄 '${b.text}'`).join(', ');
    throw new ImportError(`기자 줄이 둘 이상입니다: ${found}. 하나만 남기고 다시 실행하세요`);
  }
  const [byline] = distinct.values();
  article.dateline = byline!.dateline;
  article.reporters = byline!.reporters;
  if (byline!.desk) article.desk = byline!.desk;
  if (article.paragraphs.length === 0) throw new ImportError('본문 문단이 없습니다');
  return article;
}
