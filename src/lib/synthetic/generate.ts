/**
 * A reproducible synthetic archive for benchmarks: the same options give byte-identical
 * files. Articles are produced oldest first, about `perDay` a day up to a fixed end date (so
 * "now" never changes the output), spread over sections and reporters with the skew a real
 * paper has (a few busy reporters and tags, a long tail of rare ones).
 */
import { josa } from 'es-hangul';
import { reporterIdFor } from '../reporter-id.ts';
import { createRandom, type Random } from './prng.ts';
import * as W from './words.ts';

export interface SyntheticOptions {
  articles: number;
  photosPerArticle: number;
  /** Distinct source images the photos are drawn from: image work stays bounded. */
  photoPool: number;
  seed: number;
  /** Articles per day: how many years the archive spans. */
  perDay: number;
  /** KST calendar day of the newest article, YYYY-MM-DD. */
  lastDay: string;
}

export const DEFAULT_OPTIONS: SyntheticOptions = {
  articles: 1000,
  photosPerArticle: 1,
  photoPool: 24,
  seed: 20251031,
  perDay: 100,
  lastDay: '2025-10-31',
};

export interface SyntheticFile {
  /** Path relative to the content folder, with forward slashes. */
  path: string;
  content: string;
}

export interface SyntheticReporter {
  id: string;
  name: string;
  role: '기자' | '특파원' | '선임기자' | '논설위원' | '인턴기자';
  email: string;
  desk: string;
}

/** The pool image a photo uses, relative to the content folder. */
export const poolImagePath = (index: number) => `photos/pool-${String(index).padStart(3, '0')}.jpg`;

const yamlString = (value: string) => JSON.stringify(value);

function personName(random: Random): string {
  return random.pick(W.SURNAMES) + random.pick(W.GIVEN_SYLLABLES) + random.pick(W.GIVEN_SYLLABLES);
}

function organisation(random: Random): string {
  if (random.chance(0.45)) return random.pick(W.NATIONAL_BODIES);
  if (random.chance(0.5)) return random.pick(W.PLACES) + random.pick(W.ORG_SUFFIXES);
  return random.pick(W.COMPANY_HEADS) + random.pick(W.COMPANY_TAILS);
}

export function makeReporters(count: number, seed: number): SyntheticReporter[] {
  const random = createRandom(seed ^ 0x5eed);
  const used = new Set<string>();
  const reporters: SyntheticReporter[] = [];
  while (reporters.length < count) {
    const name = personName(random);
    const id = reporterIdFor(name, used);
    used.add(id);
    const section = random.pick(W.SECTIONS);
    reporters.push({
      id,
      name,
      role: random.chance(0.85) ? '기자' : random.pick(['특파원', '선임기자', '논설위원'] as const),
      email: `${id.replaceAll('-', '.')}@saebyeok.example`,
      desk: `${section.name}부`,
    });
  }
  return reporters;
}

/** Enough reporters that the busiest writes a few percent of the archive, as on a real desk. */
export const reporterCount = (articles: number) =>
  Math.min(300, Math.max(8, Math.ceil(articles / 300)));

function sentence(random: Random): string {
  const subject = organisation(random);
  const topic = random.pick(W.TOPICS);
  switch (random.int(0, 4)) {
    case 0:
      return `${josa(subject, '은/는')} ${random.pick(W.TIMES)} ${josa(topic, '을/를')} ${random.pick(W.ACTIONS)}.`;
    case 1:
      return `${random.pick(W.PLACES)} 지역의 ${topic} 문제를 두고 ${random.pick(W.FACTS).replace('{n}', String(random.int(2, 90)))}.`;
    case 2:
      return `${subject} ${personName(random)} ${josa(random.pick(W.ROLES), '은/는')} "${random.pick(W.QUOTES)}"고 말했다.`;
    case 3:
      return `이번 ${topic} 논의는 ${random.pick(W.REASONS)}.`;
    default:
      return `${josa(random.pick(W.COMPANY_HEADS) + random.pick(W.COMPANY_TAILS), '은/는')} ${random.pick(W.PLACES)}에서 ${topic} 관련 설명회를 열고 ${random.pick(W.ACTIONS)}.`;
  }
}

/**
 * Body length in characters, drawn per article and filled with whole paragraphs (median
 * ~1,700 in 7 paragraphs). A news story's body runs about 1,000 to 2,500 characters; the
 * scraped sample in ../shared/seeds has ~1,600 in 7 paragraphs. Search fragments and the
 * build's Markdown work grow with it, so benchmark articles must be that long.
 */
export const BODY_CHARS = { min: 900, max: 2200 } as const;

function paragraph(random: Random): string {
  const count = random.int(5, 9);
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

function body(random: Random): string[] {
  const length = random.int(BODY_CHARS.min, BODY_CHARS.max);
  const paragraphs: string[] = [];
  let chars = 0;
  while (chars < length) {
    const next = paragraph(random);
    paragraphs.push(next);
    chars += next.length;
  }
  return paragraphs;
}

function headline(random: Random, topic: string): string {
  return `${random.pick(W.PLACES)} ${topic} ${random.pick(W.HEADLINE_ENDINGS)}…${organisation(random)} "${random.pick(W.QUOTES).split(' ').slice(0, 3).join(' ')}"`;
}

function kstDay(lastDay: string, daysBefore: number) {
  const date = new Date(`${lastDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - daysBefore);
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return { y: String(y), m, d, dayStart: `${y}-${m}-${d}` };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+09:00`;

/** The tag vocabulary: topics, places and companies, used with a Zipf skew. */
function tagVocabulary(): string[] {
  const companies = W.COMPANY_HEADS.flatMap((h) => W.COMPANY_TAILS.map((t) => h + t));
  return [...W.TOPICS.map((t) => t.replaceAll(' ', '')), ...W.PLACES, ...companies];
}

export function sectionsYaml(): string {
  return W.SECTIONS.map(
    (s) => `- id: ${s.id}\n  name: ${s.name}\n  description: ${yamlString(s.description)}\n`,
  ).join('');
}

export function reportersYaml(reporters: readonly SyntheticReporter[]): string {
  return reporters
    .map(
      (r) =>
        `- id: ${r.id}\n  name: ${r.name}\n  role: ${r.role}\n  email: ${r.email}\n  desk: ${r.desk}\n`,
    )
    .join('');
}

/**
 * Every file of the archive except the pool images (binary: see scripts/bench-lib), yielded
 * one at a time so that 100,000 articles never sit in memory together.
 */
export function* generateArchive(options: SyntheticOptions): Generator<SyntheticFile> {
  const random = createRandom(options.seed);
  const reporters = makeReporters(reporterCount(options.articles), options.seed);
  yield { path: 'sections.yaml', content: sectionsYaml() };
  yield { path: 'reporters.yaml', content: reportersYaml(reporters) };
  const tags = tagVocabulary();
  const ids: string[] = [];
  for (let index = 0; index < options.articles; index++) {
    const daysBefore = Math.floor((options.articles - 1 - index) / options.perDay);
    const { y, m, dayStart } = kstDay(options.lastDay, daysBefore);
    // Times rise through the day so that files sorted by index are sorted by time.
    const slot = index % options.perDay;
    const minutes = 6 * 60 + Math.floor((slot * 17 * 60) / options.perDay) + random.int(0, 5);
    const publishedAt = `${dayStart}T${clock(Math.min(minutes, 23 * 60 + 59))}`;
    const slug = `${random.pick(W.SLUG_WORDS)}-${random.pick(W.SLUG_WORDS)}-${index.toString(36)}`;
    const id = `${y}/${m}/${slug}`;
    const topic = random.pickZipf(W.TOPICS);
    const section = random.pickZipf(W.SECTIONS);
    const byline = random.chance(0.15) ? random.sample(reporters, 2) : [random.pickZipf(reporters)];
    const articleTags = [
      topic.replaceAll(' ', ''),
      ...Array.from({ length: random.int(1, 4) }, () => random.pickZipf(tags)),
    ];
    const lines = ['---', `headline: ${yamlString(headline(random, topic))}`];
    if (random.chance(0.4)) {
      const subs = Array.from({ length: random.int(1, 2) }, () => sentence(random).slice(0, -1));
      lines.push(`subheadlines: [${subs.map(yamlString).join(', ')}]`);
    }
    lines.push(`section: ${section.id}`, `publishedAt: ${yamlString(publishedAt)}`);
    if (random.chance(0.1)) {
      lines.push(`updatedAt: ${yamlString(`${dayStart}T${clock(23 * 60 + 59)}`)}`);
    }
    if (random.chance(0.3)) lines.push(`dateline: ${random.pick(W.PLACES)}`);
    lines.push(`reporters: [${byline.map((r) => r.id).join(', ')}]`);
    lines.push(`tags: [${[...new Set(articleTags)].map(yamlString).join(', ')}]`);
    if (ids.length > 0 && random.chance(0.05)) {
      lines.push(
        `related: [${yamlString(ids[random.int(Math.max(0, ids.length - 500), ids.length - 1)])}]`,
      );
    }
    if (random.chance(0.2)) lines.push(`summary: ${yamlString(sentence(random))}`);
    if (options.photosPerArticle > 0) {
      lines.push('photos:');
      for (let p = 0; p < options.photosPerArticle; p++) {
        const place = random.pick(W.PLACES);
        const staff = random.chance(0.5);
        lines.push(
          `  - src: ${yamlString(`../../../${poolImagePath(random.int(0, options.photoPool - 1))}`)}`,
          `    alt: ${yamlString(`${place}에서 열린 ${topic} 관련 행사장 모습`)}`,
          `    caption: ${yamlString(`${random.pick(W.TIMES)} ${place}에서 ${topic} 관련 현장을 시민들이 둘러보고 있다.`)}`,
          `    credit: ${yamlString(staff ? `${byline[0].name} 기자` : random.pick(W.CREDIT_AGENCIES))}`,
          `    creditKind: ${staff ? 'staff' : 'agency'}`,
        );
      }
    }
    lines.push('---', '');
    const paragraphs = body(random);
    ids.push(id);
    yield {
      path: `articles/${y}/${m}/${slug}.md`,
      content: `${lines.join('\n')}\n${paragraphs.join('\n\n')}\n`,
    };
  }
}

/** Words a reader would search for in this archive: topics, places and organisations. */
export function searchVocabulary(): string[] {
  return [...W.TOPICS, ...W.PLACES, ...W.NATIONAL_BODIES.slice(0, 10)];
}
