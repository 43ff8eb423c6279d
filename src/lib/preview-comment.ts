/**
 * The pull request preview's comment, built by the commenting workflow
 * (.github/workflows/pr-preview-comment.yml) from what the preview job uploaded. That upload
 * comes from the pull request's own run, so it is untrusted: the number must be a number, ids
 * must be article ids, headlines are escaped and shortened. No imports, so that Node runs this
 * file as it is (type stripping) without the project's packages: `node scripts/preview-comment.ts`.
 */

/** Marks the one comment the workflow creates and then updates. */
export const PREVIEW_MARKER = '<!-- saebyeok-preview -->';

export interface PreviewMeta {
  number: number;
  sha: string;
  articles: { id: string; headline: string }[];
}

const ARTICLE_ID = /^\d{4}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SHA = /^[0-9a-f]{40}$/;
const MAX_ARTICLES = 50;

/** Reads the uploaded JSON, or says why it cannot be used. */
export function readPreviewMeta(input: unknown): PreviewMeta | string {
  const meta = input as Partial<PreviewMeta> | null;
  if (!meta || !Number.isSafeInteger(meta.number) || meta.number! <= 0) return '번호가 없습니다';
  if (typeof meta.sha !== 'string' || !SHA.test(meta.sha)) return '커밋이 없습니다';
  if (!Array.isArray(meta.articles)) return '기사 목록이 없습니다';
  const articles = meta.articles.filter(
    (a): a is PreviewMeta['articles'][number] =>
      typeof a?.id === 'string' && ARTICLE_ID.test(a.id) && typeof a.headline === 'string',
  );
  return { number: meta.number!, sha: meta.sha, articles };
}

/** Plain text in Markdown: no tags, links, mentions or table breaks; one line, 80 characters. */
export function plainText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const short = [...line].length > 80 ? [...line].slice(0, 79).join('') + '…' : line;
  return short.replace(/[\\`*_[\]<>|#@!~&]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface CommentLinks {
  run: string;
  site?: string;
  screenshots?: string;
}

export function previewComment(meta: PreviewMeta, links: CommentLinks): string {
  const shown = meta.articles.slice(0, MAX_ARTICLES);
  const lines = [
    PREVIEW_MARKER,
    `### 미리보기 (커밋 \`${meta.sha.slice(0, 7)}\`)`,
    '',
    meta.articles.length === 0
      ? '이 풀 리퀘스트에서 바뀐 기사가 없습니다.'
      : `바뀐 기사 ${meta.articles.length}건:`,
    '',
    ...shown.map((a) => `- ${plainText(a.headline)} — \`/articles/${a.id}/\``),
    ...(meta.articles.length > shown.length
      ? [`- 외 ${meta.articles.length - shown.length}건`]
      : []),
    '',
    links.site
      ? `- 사이트 전체: [site-preview](${links.site}) 산출물을 내려받아 압축을 풀고 \`npx astro preview\`로 엽니다.`
      : '- 사이트를 빌드하지 못했습니다. 작업 로그를 보세요.',
    links.screenshots
      ? `- 화면 사진 (휴대폰 390px·데스크톱 1366px, 밝은 화면·어두운 화면): [screenshots](${links.screenshots})`
      : '- 화면 사진이 없습니다.',
    `- [작업 실행과 검사 결과](${links.run})`,
    '',
  ];
  return lines.join('\n');
}
