/**
 * Every raw fixture (fixtures/import/<name>/raw.txt|raw.html, written for this project in the
 * layout of real scrapes) is read and compared field by field with its expected.json; every
 * refused fixture (fixtures/import-refused/) fails with the reason in its reason.txt.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSections } from '../../../src/lib/content-files.ts';
import { ImportError, sectionLabels } from '../../../src/lib/importer/parse.ts';
import { readScraped } from '../../../src/lib/importer/read.ts';

const labels = sectionLabels(readSections('content').items);

function rawFile(dir: string) {
  const name = readdirSync(dir).find((file) => file.startsWith('raw.'));
  if (!name) throw new Error(`${dir}: raw.txt나 raw.html이 없습니다`);
  return { name, text: readFileSync(join(dir, name), 'utf8') };
}

const IMPORTED = 'fixtures/import';
const fixtures = readdirSync(IMPORTED);

describe('importer fixtures', () => {
  it('cover the variations of real scrapes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    const expected = fixtures.map((name) =>
      JSON.parse(readFileSync(join(IMPORTED, name, 'expected.json'), 'utf8')),
    );
    const photoCounts = new Set(expected.map((e) => e.photos.length));
    expect([0, 1, 2, 3].every((n) => photoCounts.has(n))).toBe(true);
    expect(new Set(expected.map((e) => e.subheadlines.length))).toEqual(new Set([0, 1, 2]));
    expect(expected.some((e) => e.copyright === null)).toBe(true);
    expect(expected.some((e) => e.dropped.length === 0)).toBe(true);
    expect(expected.some((e) => e.reporters.length === 2)).toBe(true);
    expect(expected.some((e) => e.reporters.some((r: { email: string }) => r.email))).toBe(true);
    expect(expected.some((e) => e.dateline !== null)).toBe(true);
    // Bylines without a person: a desk, a desk's roundup (종합), a wire service.
    const desks = expected.flatMap((e) => (e.desk ? [e.desk.name] : []));
    expect(desks).toEqual(expect.arrayContaining(['디지털뉴스부', '국제부 종합', '연합뉴스']));
    // Scrape markers are dropped as chrome, and charts keep their own credit kinds.
    const dropped = expected.flatMap((e) => e.dropped);
    expect(dropped).toEqual(expect.arrayContaining(['[그래픽]', '[표]', '[영상]', '[포토]']));
    const kinds = new Set(
      expected.flatMap((e) => e.photos.map((p: { creditKind: string }) => p.creditKind)),
    );
    expect(kinds).toEqual(new Set(['provided', 'staff', 'agency', 'graphic', 'source']));
    expect(
      fixtures.filter((name) => rawFile(join(IMPORTED, name)).name === 'raw.html').length,
    ).toBe(2);
  });

  it.each(fixtures)('%s: every field matches expected.json', (name) => {
    const dir = join(IMPORTED, name);
    const raw = rawFile(dir);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    expect(readScraped(raw.text, raw.name, labels)).toEqual(expected);
  });
});

const REFUSED = 'fixtures/import-refused';
describe('refused input', () => {
  it.each(readdirSync(REFUSED))('%s: refused with its reason', (name) => {
    const dir = join(REFUSED, name);
    const raw = rawFile(dir);
    const reason = readFileSync(join(dir, 'reason.txt'), 'utf8').trim();
    expect(() => readScraped(raw.text, raw.name, labels)).toThrow(ImportError);
    expect(() => readScraped(raw.text, raw.name, labels)).toThrow(reason);
  });
});
