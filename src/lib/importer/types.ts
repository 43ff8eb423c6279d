/**
 * What the importer reads out of a scraped article, before it is turned into an article file.
 * Fixture `expected.json` files (fixtures/import/<name>/) hold exactly this shape.
 */
import type { CREDIT_KINDS, REPORTER_ROLES } from '../schema.ts';

export interface BylineReporter {
  /** Korean name as printed: 김연하 */
  name: string;
  role: (typeof REPORTER_ROLES)[number];
  /** Printed after the name in some bylines (`홍길동 기자 hong@example.com`). */
  email: string | null;
}

/** A byline naming a desk or wire service instead of a person: 국제부 종합, 연합뉴스. */
export interface BylineDesk {
  /** As printed: 국제부 종합 */
  name: string;
  /** The department: 국제부 (the service itself for 연합뉴스) */
  desk: string;
}

export interface ScrapedPhoto {
  caption: string;
  credit: string;
  creditKind: (typeof CREDIT_KINDS)[number];
  /** How many body paragraphs come before the photo in the scrape (0 = above the body). */
  afterParagraph: number;
}

export interface ScrapedArticle {
  /** Section id from the breadcrumb line (`부동산 주택` → real-estate), null when absent. */
  section: string | null;
  /** The rest of the breadcrumb (`주택`), null when absent. */
  subsection: string | null;
  headline: string;
  subheadlines: string[];
  /** From `베이징=김연하 기자`; null for a byline without a place. */
  dateline: string | null;
  /** Empty when the byline names a desk. */
  reporters: BylineReporter[];
  /** The desk or wire service of a byline without a person; absent otherwise. */
  desk?: BylineDesk;
  /** ISO 8601 with +09:00, from an `입력 2025.11.03 09:30` line; null when the scrape has none. */
  publishedAt: string | null;
  updatedAt: string | null;
  photos: ScrapedPhoto[];
  /** The copyright line as printed (`<저작권자 ⓒ 새벽일보, 무단 전재 및 재배포 금지>`), or null. */
  copyright: string | null;
  /** Body paragraphs in order, each exactly as printed (trimmed). */
  paragraphs: string[];
  /** Page chrome lines that were dropped (`더보기`, `top버튼` …), in order, one entry per line. */
  dropped: string[];
}
