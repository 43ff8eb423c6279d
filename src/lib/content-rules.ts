/**
 * Rules that need more than an article's frontmatter: its path, its photo files, its body.
 * The schema (schema.ts) cannot see those; `npm run check` and the build apply these too
 * (through content-check.ts).
 */
import { statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import sharp from 'sharp';
import { isLinkedBelow } from './content-files.ts';
import { kstParts } from './dates.ts';
import { endsComplete, readImageHeaderSize } from './image-header.ts';
import type { ArticlePath } from './urls.ts';

export const PHOTO_LIMITS = {
  /** What Astro's image pipeline turns into responsive AVIF/WebP without surprises. */
  formats: ['.jpg', '.jpeg', '.png', '.webp', '.avif'],
  /** A camera JPEG at newspaper quality is 1–4 MB; more slows every build for nothing. */
  maxBytes: 5 * 1024 * 1024,
  /** Longest side in pixels: the site never shows more than 1600 px, 2× for sharp screens. */
  maxSide: 6000,
} as const;

/** One problem in one file; `line` is 1-based. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)}MB`;

/** Dimensions without decoding: our header reader, or sharp for formats it does not know. */
async function imageSize(file: string) {
  const fromHeader = readImageHeaderSize(file);
  if (fromHeader) return fromHeader;
  const { width, height } = await sharp(file).metadata();
  return { width, height };
}

/**
 * Whether the whole image is there. A cut-off file (an interrupted upload or copy) has a
 * valid header, so its size reads fine, and the build published it half grey. The ending
 * marker is read first (a few bytes); only a file without one is decoded, with sharp told to
 * fail on truncation, because some cameras write bytes after a JPEG's end marker.
 */
async function isComplete(file: string): Promise<boolean> {
  if (endsComplete(file)) return true;
  try {
    await sharp(file, { failOn: 'truncated' }).resize(8).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

const outsideContent = (file: string, contentDir: string) => {
  const inside = relative(contentDir, file);
  return inside.startsWith('..') || isAbsolute(inside);
};

/**
 * Checks a photo's `src` in the scripts (the build uses Astro's `image()` for the same file):
 * a relative path to a file inside the content folder, reached through no symbolic link, in
 * an allowed format, not too large, not cut off. Returns what is wrong, in Korean, or
 * undefined.
 */
export async function photoFileProblem(
  src: string,
  articleDir: string,
  contentDir: string,
): Promise<string | undefined> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || isAbsolute(src)) {
    return `사진은 기사 파일 옆에 두고 상대 경로로 쓰세요 (예: ./photo-1.jpg): '${src}'`;
  }
  const file = resolve(articleDir, src);
  if (outsideContent(file, contentDir)) {
    return `사진이 content 폴더 밖에 있습니다: '${src}'`;
  }
  const format = extname(file).toLowerCase();
  if (!(PHOTO_LIMITS.formats as readonly string[]).includes(format)) {
    return `사진 형식 '${format || '(확장자 없음)'}'은 쓸 수 없습니다: ${PHOTO_LIMITS.formats.join(', ')} 중 하나로 저장하세요`;
  }
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) {
    return `사진 파일이 없습니다: '${src}' (파일 이름과 위치를 확인하세요)`;
  }
  if (isLinkedBelow(contentDir, file)) {
    return `사진 파일이 심볼릭 링크이거나 링크된 폴더 안에 있습니다: '${src}' (링크가 아닌 실제 파일을 넣으세요)`;
  }
  if (stats.size > PHOTO_LIMITS.maxBytes) {
    return `사진 파일이 너무 큽니다: ${megabytes(stats.size)} (최대 ${megabytes(PHOTO_LIMITS.maxBytes)}; 긴 변 ${PHOTO_LIMITS.maxSide}픽셀 이하, JPEG 품질 85 정도로 줄이세요)`;
  }
  const size = await imageSize(file).catch(() => undefined);
  if (!size?.width || !size.height) {
    return `사진 파일을 읽을 수 없습니다: '${src}' (깨졌거나 확장자와 실제 형식이 다릅니다)`;
  }
  if (Math.max(size.width, size.height) > PHOTO_LIMITS.maxSide) {
    return `사진이 너무 큽니다: ${size.width}×${size.height}픽셀 (긴 변 최대 ${PHOTO_LIMITS.maxSide}픽셀)`;
  }
  if (!(await isComplete(file))) {
    return `사진 파일이 중간에 잘렸습니다: '${src}' (원본 파일을 다시 저장하거나 복사하세요)`;
  }
  return undefined;
}

/** An image in an article's body, as Markdown writes it (`![설명](주소)`), at its file line. */
export interface BodyImage {
  url: string;
  line: number;
}

interface MdNode {
  type: string;
  url?: string;
  identifier?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/** The images of a Markdown or MDX syntax tree, reference-style ones at their use. */
export function bodyImages(tree: unknown): BodyImage[] {
  const definitions = new Map<string, string>();
  const uses: { node: MdNode; url?: string }[] = [];
  const visit = (node: MdNode) => {
    if (node.type === 'definition' && node.identifier && typeof node.url === 'string') {
      definitions.set(node.identifier, node.url);
    }
    if (node.type === 'image' || node.type === 'imageReference') uses.push({ node });
    node.children?.forEach(visit);
  };
  visit(tree as MdNode);
  return uses.flatMap(({ node }) => {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier ?? '');
    return typeof url === 'string' ? [{ url, line: node.position?.start.line ?? 1 }] : [];
  });
}

/**
 * What is wrong with an image in a body, or undefined. Astro decodes the address
 * (decodeURI) and imports a relative one as a file, from wherever it points, but the article
 * page shows a Markdown body as the content layer stored it, where such an image has no
 * `src`; photos belong in the frontmatter, which gives them a caption and a credit too.
 * Web addresses and the site's own (`/…`) are not files of the content folder.
 */
export function bodyImageProblem(
  url: string,
  articleDir: string,
  contentDir: string,
): string | undefined {
  let path: string;
  try {
    path = decodeURI(url);
  } catch {
    return `본문 사진 주소의 % 표기가 잘못되었습니다: '${url}' (%는 뒤에 16진수 두 자리가 와야 합니다: 파일 이름의 %는 %25로 쓰세요)`;
  }
  if (URL.canParse(path) || path.startsWith('/')) return undefined;
  if (outsideContent(resolve(articleDir, path), contentDir)) {
    return `본문 사진이 content 폴더 밖을 가리킵니다: '${url}'`;
  }
  return `본문에 파일로 넣은 사진은 게시되지 않습니다: '${url}' (사진은 머리말 photos에 src, alt, caption, credit과 함께 쓰고, 자리는 afterParagraph로, MDX 기사는 <Photo n="…" />로 정하세요)`;
}

/** Elements the sanitizer removes with their content (sanitize.ts, `strip`). */
const STRIPPED =
  /<(script|style|template|noscript|textarea|select|option|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

/**
 * A body with no text to read: blank, or only comments, tags and the elements the sanitizer
 * drops with their content (an MDX body of only <Photo /> too). Published, it was an empty
 * page, and the search index, which reads the body's text, left it out.
 */
export function isBodyEmpty(body: string): boolean {
  const text = body
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(STRIPPED, '')
    .replace(/<[^>]*>/g, '');
  return text.trim() === '';
}
export const EMPTY_BODY_MESSAGE =
  '본문이 비었습니다: 머리말(---) 아래에 기사 본문을 쓰세요 (빈 기사는 게시하지 않습니다)';

/** The folder YYYY/MM must be the KST year and month of publishedAt: URLs follow the date. */
export function folderDateMessage(path: ArticlePath, publishedAt: Date): string | undefined {
  const { year, month } = kstParts(publishedAt);
  if (year === path.year && month === path.month) return undefined;
  const folder = `${year}/${String(month).padStart(2, '0')}`;
  return `입력 시각(publishedAt, 한국 시간 ${year}년 ${month}월)과 폴더 ${path.year}/${String(path.month).padStart(2, '0')}가 다릅니다: 파일을 content/articles/${folder}/ 로 옮기거나 날짜를 고치세요`;
}

/**
 * What `npm run import` leaves for the editor to finish. The importer writes these on
 * purpose; the checker refuses to publish until they are gone.
 */
export const IMPORTER_BODY_MARKER = '<!-- 본문을 쓰세요 -->';
const BODY_PLACEHOLDERS: { pattern: RegExp; message: string }[] = [
  {
    pattern: /<!--\s*본문을 쓰세요\s*-->/,
    message: `가져오기 도구가 남긴 자리표시 '${IMPORTER_BODY_MARKER}'가 남아 있습니다: 본문을 쓰고 지우세요`,
  },
  {
    // Upper case only: "todo" can be an ordinary word in a quoted English name.
    pattern: /\bTODO\b/,
    message: "확인할 곳 표시 'TODO'가 남아 있습니다: 내용을 채우고 지우세요",
  },
];

/**
 * Placeholder lines in a body whose frontmatter was blanked out (line-of-field.ts), so the
 * index of a line in `body` is its line in the file.
 */
export function bodyPlaceholderProblems(body: string) {
  const found: { line: number; message: string }[] = [];
  body.split('\n').forEach((text, index) => {
    for (const { pattern, message } of BODY_PLACEHOLDERS) {
      if (pattern.test(text)) found.push({ line: index + 1, message });
    }
  });
  return found;
}

/**
 * The importer cannot know a new reporter's address, so it writes one in the reserved
 * `.invalid` domain (RFC 2606), e.g. `new-reporter@placeholder.invalid`.
 */
export const PLACEHOLDER_EMAIL = /@(?:[^@]+\.)?invalid$/i;
export const PLACEHOLDER_EMAIL_MESSAGE =
  '가져오기 도구가 남긴 임시 이메일입니다: 기자의 실제 이메일 주소로 바꾸세요';
