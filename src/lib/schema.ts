/**
 * The article, section and reporter schemas: the single source of truth used by Astro's
 * content collections (src/content.config.ts), the importer and the checker (scripts/).
 *
 * The schemas are built by factories because two things differ between callers:
 * - how a photo file is validated (Astro's `image()` helper during a build, a file check in
 *   the scripts), and
 * - which sections, reporters and articles exist (references are checked here, so a dangling
 *   reference fails on the article's own field, with its own file name).
 */
import { z } from 'zod';
import { formatKstDateTime, parseIsoWithOffset } from './dates.ts';

/** Lowercase Latin slug: readable in URLs, never needs percent-encoding. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const sectionSchema = z.object({
  id: z.string().regex(SLUG, '섹션 id는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다'),
  name: z.string().min(1),
  description: z.string().default(''),
  /** Other labels news sites print for this section (`세계` for 국제); the importer reads them. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});
export type Section = z.infer<typeof sectionSchema>;

export const REPORTER_ROLES = ['기자', '특파원', '선임기자', '논설위원', '인턴기자'] as const;
const reporterId = z.string().regex(SLUG, '기자 id는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다');
const personSchema = z.object({
  /** Omitted for a person: every entry written before desks existed is one. */
  kind: z.literal('person').default('person'),
  id: reporterId,
  name: z.string().min(1),
  role: z.enum(REPORTER_ROLES),
  email: z.email('올바른 이메일 주소가 아닙니다'),
  desk: z.string().min(1),
  bio: z.string().default(''),
});
/**
 * A byline that names no person: a desk or team (디지털뉴스부, 국제부 종합) or a wire service
 * printed at the byline's place (연합뉴스). Papers print its name alone; it has no address.
 */
const deskAuthorSchema = z.strictObject(
  {
    kind: z.literal('desk'),
    id: reporterId,
    name: z.string().min(1),
    /** The department it belongs to (국제부 for 국제부 종합; the service itself for 연합뉴스). */
    desk: z.string().min(1),
    bio: z.string().default(''),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `부서·통신사(kind: desk)에는 id, name, desk, bio만 씁니다: ${issue.keys.join(', ')} 항목을 지우세요`
        : undefined,
  },
);
export const reporterSchema = z.discriminatedUnion('kind', [personSchema, deskAuthorSchema], {
  error: 'kind는 person(기자, 생략 가능) 또는 desk(부서·통신사)여야 합니다',
});
/** An entry of content/reporters.yaml: a person, or a desk (see deskAuthorSchema). */
export type Reporter = z.infer<typeof reporterSchema>;
export type Person = z.infer<typeof personSchema>;
export type DeskAuthor = z.infer<typeof deskAuthorSchema>;

/**
 * A date-time written as a quoted ISO string with an offset. YAML would turn an unquoted
 * timestamp into a Date, rolling 2월 30일 over to 3월 2일 and dropping the offset, so a Date
 * here means the editor forgot the quotes: we say so instead of guessing.
 */
export const isoDateTime = z.unknown().transform((value, ctx) => {
  if (value instanceof Date) {
    ctx.addIssue({
      code: 'custom',
      message: '날짜는 따옴표로 감싼 문자열로 쓰세요 (예: "2025-11-01T09:30:00+09:00")',
    });
    return z.NEVER;
  }
  if (typeof value !== 'string') {
    ctx.addIssue({ code: 'custom', message: 'ISO 8601 날짜 문자열이 필요합니다' });
    return z.NEVER;
  }
  const date = parseIsoWithOffset(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: `있을 수 없는 날짜이거나 시간대가 빠졌습니다: "${value}" (예: "2025-11-01T09:30:00+09:00")`,
    });
    return z.NEVER;
  }
  return date;
});

/**
 * The importer cannot fetch photos, so it writes files named `*.placeholder.jpg` that the
 * editor must replace; the checker and the build refuse them until then.
 */
export const PLACEHOLDER_PHOTO = /\.placeholder\.[a-z]+$/i;

/** provided, staff and agency credit photos; graphic (그래픽=…) and source (자료:…, 출처=…) charts. */
export const CREDIT_KINDS = ['provided', 'staff', 'agency', 'graphic', 'source'] as const;

/** A series (연재) in content/series.yaml; articles name it by id. */
export const seriesSchema = z.object({
  id: z.string().regex(SLUG, '연재 id는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다'),
  name: z.string().trim().min(1),
  description: z.string().default(''),
});
export type Series = z.infer<typeof seriesSchema>;

/** 정정 (a fact corrected), 반론 (a reply printed at someone's request), 추가 (a later addition). */
export const CORRECTION_KINDS = ['정정', '반론', '추가'] as const;
export const correctionSchema = z.strictObject({
  /** When the correction was made, KST date-time like publishedAt. */
  at: isoDateTime,
  kind: z.enum(CORRECTION_KINDS, { error: '정정 종류(kind)는 정정, 반론, 추가 가운데 하나입니다' }),
  text: z.string().trim().min(1, '정정 내용(text)을 쓰세요'),
});
export type Correction = z.infer<typeof correctionSchema>;

/**
 * A tag is a URL path segment (/tags/<tag>/): a slash, backslash, ? or # would split or cut
 * it, and `.` or `..` would name the folder above, so the build could not make its page.
 */
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .refine((tag) => !/[/\\?#]/.test(tag) && tag !== '.' && tag !== '..', {
    error: (issue) =>
      `태그 '${String(issue.input)}'는 쓸 수 없습니다: 태그에는 / \\ ? # 를 쓸 수 없고, '.'이나 '..'만으로 된 태그는 주소가 되지 않습니다`,
  });

/** What the checker and the build need to know about the rest of the content. */
export interface ContentContext<Src extends z.ZodType> {
  /** Validates a photo's `src` (Astro's `image()`, or a file check in the scripts). */
  photoSrc: Src;
  sectionIds: ReadonlySet<string>;
  reporterIds: ReadonlySet<string>;
  /** Series ids of content/series.yaml (the file is optional; none when absent). */
  seriesIds?: ReadonlySet<string>;
  /** Ids of all articles, for `related`. Omit to skip that check (single-file tools). */
  articleIds?: ReadonlySet<string>;
  /** Published times later than this are refused. */
  latestAllowed: Date;
}

function knownId(ids: ReadonlySet<string>, what: string, where: string) {
  return z.string().refine((id) => ids.has(id), {
    error: (issue) =>
      `알 수 없는 ${what} '${String(issue.input)}': ${where}에 먼저 추가하세요` +
      (ids.size <= 30 ? ` (있는 값: ${[...ids].join(', ')})` : ''),
  });
}

export function makePhotoSchema<Src extends z.ZodType>(photoSrc: Src) {
  return z.object({
    src: z
      .string()
      .refine((src) => !PLACEHOLDER_PHOTO.test(src), {
        error: '가져오기 도구가 남긴 임시 사진입니다: 실제 사진 파일로 바꾸고 src를 고치세요',
      })
      // Astro's image() accepts the path string at run time but is typed by its output.
      .pipe(photoSrc as unknown as z.ZodType<z.output<Src>, string>),
    alt: z.string().trim().min(1, '사진 설명(alt)을 쓰세요: 화면낭독기 사용자가 듣는 글입니다'),
    caption: z.string().trim().min(1, '사진 캡션(caption)을 쓰세요'),
    credit: z
      .string()
      .trim()
      .min(1, '사진 출처(credit)를 쓰세요 (예: 서울시, 연합뉴스, 홍길동 기자)'),
    /** How credit.ts prints it: 사진 제공=서울시, 사진=홍길동 기자, 연합뉴스, 그래픽=…, 자료=…. */
    creditKind: z.enum(CREDIT_KINDS).default('provided'),
    /** Where the photo stands: after this many body paragraphs (0 = above the body). */
    afterParagraph: z.number().int().min(0).optional(),
  });
}

export function makeArticleSchema<Src extends z.ZodType>(ctx: ContentContext<Src>) {
  return z
    .object({
      headline: z.string().trim().min(1, '제목(headline)이 비었습니다').max(120),
      subheadlines: z.array(z.string().trim().min(1)).max(4).default([]),
      section: knownId(ctx.sectionIds, '섹션', 'content/sections.yaml'),
      publishedAt: isoDateTime,
      updatedAt: isoDateTime.optional(),
      dateline: z.string().trim().min(1).optional(),
      reporters: z
        .array(knownId(ctx.reporterIds, '기자', 'content/reporters.yaml'))
        .min(1, '기자(reporters)를 한 명 이상 쓰세요'),
      photos: z.array(makePhotoSchema(ctx.photoSrc)).default([]),
      tags: z.array(tagSchema).default([]),
      related: z
        .array(
          ctx.articleIds
            ? knownId(ctx.articleIds, '관련 기사', 'content/articles/')
            : z.string().min(1),
        )
        .default([]),
      summary: z.string().trim().min(1).optional(),
      /** 정정·반론보도, oldest first as they were made; each needs updatedAt at or after it. */
      corrections: z.array(correctionSchema).default([]),
      /** The series (연재) the article belongs to, and its part number (1회, 2회 …). */
      series: z
        .strictObject({
          id: knownId(ctx.seriesIds ?? new Set(), '연재', 'content/series.yaml'),
          part: z.number().int().min(1, '연재 회차(part)는 1 이상입니다').optional(),
        })
        .optional(),
      copyright: z.string().trim().min(1).optional(),
    })
    .strict()
    .superRefine((article, issue) => {
      if (article.publishedAt > ctx.latestAllowed) {
        issue.addIssue({
          code: 'custom',
          path: ['publishedAt'],
          message: `입력 시각이 미래입니다 (허용 한도: 한국 시간 ${formatKstDateTime(ctx.latestAllowed)})`,
        });
      }
      if (article.updatedAt && article.updatedAt < article.publishedAt) {
        issue.addIssue({
          code: 'custom',
          path: ['updatedAt'],
          message: '수정 시각(updatedAt)이 입력 시각(publishedAt)보다 앞섭니다',
        });
      }
      article.corrections.forEach((correction, index) => {
        if (correction.at < article.publishedAt) {
          issue.addIssue({
            code: 'custom',
            path: ['corrections', index, 'at'],
            message: '정정 시각(at)이 입력 시각(publishedAt)보다 앞섭니다',
          });
        }
      });
      const last = article.corrections.reduce<Date | undefined>(
        (latest, c) => (latest && latest > c.at ? latest : c.at),
        undefined,
      );
      if (last && (!article.updatedAt || article.updatedAt < last)) {
        issue.addIssue({
          code: 'custom',
          path: ['updatedAt'],
          message: `정정이 있으면 수정 시각(updatedAt)을 마지막 정정 시각(한국 시간 ${formatKstDateTime(last)}) 이후로 쓰세요`,
        });
      }
      if (new Set(article.reporters).size !== article.reporters.length) {
        issue.addIssue({
          code: 'custom',
          path: ['reporters'],
          message: '같은 기자가 두 번 있습니다',
        });
      }
    });
}

/**
 * `schema` (an article schema built with string photo sources) with every photo's `src`
 * parsed again by `photoSrc`. Astro gives each entry its own image() schema (it resolves
 * paths from the entry's file); building the whole article schema for each entry was ~9% of
 * content sync at 10,000 articles, so the build makes it once and wraps it per entry.
 */
export function withPhotoSources<
  Article extends { photos: { src: string }[] },
  Src extends z.ZodType,
>(schema: z.ZodType<Article, unknown>, photoSrc: Src) {
  return schema.transform(async (article, ctx) => {
    const photos = await Promise.all(
      article.photos.map(async (photo, index) => {
        const parsed = await photoSrc.safeParseAsync(photo.src);
        if (parsed.success) return { ...photo, src: parsed.data as z.output<Src> };
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: issue.message,
            path: ['photos', index, 'src', ...issue.path],
            input: photo.src,
          });
        }
        return undefined;
      }),
    );
    if (photos.some((photo) => photo === undefined)) return z.NEVER;
    type Photo = Omit<Article['photos'][number], 'src'> & { src: z.output<Src> };
    return { ...article, photos } as Omit<Article, 'photos'> & { photos: Photo[] };
  });
}

/** The validated article data, with photo sources as the caller's photo schema returns them. */
export type ArticleData<Src = string> = Omit<
  z.output<ReturnType<typeof makeArticleSchema<z.ZodString>>>,
  'photos'
> & {
  photos: (Omit<z.output<ReturnType<typeof makePhotoSchema<z.ZodString>>>, 'src'> & { src: Src })[];
};
