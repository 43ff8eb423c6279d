import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  makeArticleSchema,
  reporterSchema,
  sectionSchema,
  withPhotoSources,
} from '../../src/lib/schema.ts';

const schema = makeArticleSchema({
  photoSrc: z.string(),
  sectionIds: new Set(['economy', 'international']),
  reporterIds: new Set(['kim-hayoon', 'park-seojun']),
  articleIds: new Set(['2025/10/older']),
  latestAllowed: new Date('2025-12-01T00:00:00Z'),
});

const valid = {
  headline: '서울시, 로봇혁신센터 연다',
  subheadlines: ['창업 기업 50곳 입주'],
  section: 'economy',
  publishedAt: '2025-11-01T09:30:00+09:00',
  updatedAt: '2025-11-01T14:00:00+09:00',
  dateline: '베이징',
  reporters: ['kim-hayoon', 'park-seojun'],
  photos: [
    { src: './photo-1.jpg', alt: '센터 전경', caption: '로봇혁신센터 전경.', credit: '서울시' },
  ],
  tags: ['로봇', '창업'],
  related: ['2025/10/older'],
};

/** The field paths of every issue, e.g. ['photos.0.credit']. */
function issuePaths(input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}
function messageFor(input: unknown, path: string) {
  const result = schema.safeParse(input);
  return result.success
    ? undefined
    : result.error.issues.find((i) => i.path.join('.') === path)?.message;
}

describe('article schema', () => {
  it('accepts a complete article and fills defaults', () => {
    const data = schema.parse(valid);
    expect(data.publishedAt.toISOString()).toBe('2025-11-01T00:30:00.000Z');
    expect(data.photos[0].creditKind).toBe('provided');
    const minimal = schema.parse({
      headline: '짧은 기사',
      section: 'economy',
      publishedAt: '2025-11-01T09:30:00+09:00',
      reporters: ['kim-hayoon'],
    });
    expect(minimal).toMatchObject({ subheadlines: [], photos: [], tags: [], related: [] });
  });

  it.each([
    [{ headline: '' }, 'headline'],
    [{ section: 'sports' }, 'section'],
    [{ reporters: [] }, 'reporters'],
    [{ reporters: ['nobody'] }, 'reporters.0'],
    [{ reporters: ['kim-hayoon', 'kim-hayoon'] }, 'reporters'],
    [{ publishedAt: '2025-02-30T09:00:00+09:00' }, 'publishedAt'],
    [{ publishedAt: '2025-11-01 09:00' }, 'publishedAt'],
    [{ publishedAt: new Date('2025-11-01T00:00:00Z') }, 'publishedAt'],
    [{ publishedAt: '2026-06-01T09:00:00+09:00' }, 'publishedAt'],
    [{ updatedAt: '2025-10-01T09:00:00+09:00' }, 'updatedAt'],
    [{ related: ['2025/10/missing'] }, 'related.0'],
    [{ photos: [{ ...valid.photos[0], credit: '' }] }, 'photos.0.credit'],
    [{ photos: [{ ...valid.photos[0], alt: ' ' }] }, 'photos.0.alt'],
    [{ photos: [{ ...valid.photos[0], src: './photo-1.placeholder.jpg' }] }, 'photos.0.src'],
    [{ photos: [{ ...valid.photos[0], creditKind: 'stolen' }] }, 'photos.0.creditKind'],
    [{ unknownField: 1 }, ''],
  ])('rejects %j on field "%s"', (override, path) => {
    expect(issuePaths({ ...valid, ...override })).toContain(path);
  });

  it('explains problems in Korean with what was expected', () => {
    expect(messageFor({ ...valid, section: 'sports' }, 'section')).toMatch(
      /알 수 없는 섹션 'sports'.*content\/sections.yaml.*economy, international/,
    );
    expect(messageFor({ ...valid, publishedAt: new Date() }, 'publishedAt')).toContain('따옴표');
    expect(
      messageFor({ ...valid, publishedAt: '2025-02-30T09:00:00+09:00' }, 'publishedAt'),
    ).toContain('있을 수 없는 날짜');
  });
});

describe('tags', () => {
  it.each(['../x', '.', '..', 'a/b', 'a\\b', '질문?', '#해시'])(
    'refuses %s, which is no URL segment',
    (tag) => {
      expect(messageFor({ ...valid, tags: ['로봇', tag] }, 'tags.1')).toBe(
        `태그 '${tag}'는 쓸 수 없습니다: 태그에는 / \\ ? # 를 쓸 수 없고, '.'이나 '..'만으로 된 태그는 주소가 되지 않습니다`,
      );
    },
  );
  it.each(['100%', '...', 'A.I.', '반도체·배터리'])('accepts %s', (tag) => {
    expect(issuePaths({ ...valid, tags: [tag] })).toEqual([]);
  });
});

describe('withPhotoSources', () => {
  /** Stands in for Astro's image(): resolves a path, or fails as image() does. */
  const seen: string[] = [];
  const photoSrc = z.string().transform(async (path, ctx) => {
    seen.push(path);
    if (path.includes('missing')) {
      ctx.addIssue({ code: 'custom', message: `Image ${path} does not exist.` });
      return z.NEVER;
    }
    return { path, width: 1600 };
  });
  const withPhotos = withPhotoSources(schema, photoSrc);
  const second = { ...valid.photos[0], src: './photo-2.jpg', creditKind: 'staff' };

  it('parses every photo source with the given schema and keeps the rest', async () => {
    const data = await withPhotos.parseAsync({ ...valid, photos: [valid.photos[0], second] });
    expect(data.photos.map((p) => p.src)).toEqual([
      { path: './photo-1.jpg', width: 1600 },
      { path: './photo-2.jpg', width: 1600 },
    ]);
    expect(data.photos[1]).toMatchObject({ alt: '센터 전경', creditKind: 'staff' });
    expect(data.publishedAt).toEqual(new Date('2025-11-01T00:30:00Z'));
    expect(data.tags).toEqual(valid.tags);
  });

  it("reports a photo source's failure on that photo's src", async () => {
    const result = await withPhotos.safeParseAsync({
      ...valid,
      photos: [valid.photos[0], { ...second, src: './missing.jpg' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['photos.1.src', 'Image ./missing.jpg does not exist.'],
    ]);
  });

  it("reports the article schema's problems without resolving photos", async () => {
    seen.length = 0;
    const result = await withPhotos.safeParseAsync({ ...valid, headline: '' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['headline']);
    expect(seen).toEqual([]);
  });
});

describe('section and reporter schemas', () => {
  it('validate ids and fields', () => {
    expect(sectionSchema.safeParse({ id: 'real-estate', name: '부동산' }).success).toBe(true);
    expect(sectionSchema.safeParse({ id: '부동산', name: '부동산' }).success).toBe(false);
    const reporter = { id: 'kim', name: '김하윤', role: '기자', email: 'k@x.kr', desk: '경제부' };
    expect(reporterSchema.safeParse(reporter).success).toBe(true);
    expect(reporterSchema.safeParse({ ...reporter, email: 'not-mail' }).success).toBe(false);
    expect(reporterSchema.safeParse({ ...reporter, role: '사장' }).success).toBe(false);
  });
});
