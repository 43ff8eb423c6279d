/**
 * The file `npm run new` writes: valid frontmatter with a Korean comment on every field,
 * and a body marker the checker refuses until the editor has written the story.
 */
import { IMPORTER_BODY_MARKER } from './content-rules.ts';
import { parseIsoWithOffset, toKstIso } from './dates.ts';
import { SLUG } from './schema.ts';

export interface NewArticleInput {
  section: string;
  headline: string;
  reporters: string[];
  /** KST date-time as the editor types it: `2025-11-03 09:30`, or ISO with an offset. */
  date: string;
  slug: string;
}

/** `2025-11-03 09:30` (read as KST) or an ISO string with offset → Date; undefined if invalid. */
export function parseEditorDate(value: string): Date | undefined {
  const kst = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(value.trim());
  return parseIsoWithOffset(kst ? `${kst[1]}T${kst[2]}:00+09:00` : value.trim());
}

/** Where the article goes, relative to the content folder: articles/YYYY/MM/slug.md (KST). */
export function articlePath(publishedAt: Date, slug: string): string {
  const iso = toKstIso(publishedAt);
  return `articles/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${slug}.md`;
}

export function validateNewArticle(input: NewArticleInput): string[] {
  const problems: string[] = [];
  if (!input.headline.trim()) problems.push('--headline: 제목이 비었습니다');
  if (!SLUG.test(input.slug))
    problems.push(`--slug: '${input.slug}'는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다`);
  if (!parseEditorDate(input.date)) {
    problems.push(
      `--date: '${input.date}'를 날짜로 읽을 수 없습니다 (예: 2025-11-03 09:30, 한국 시간)`,
    );
  }
  if (input.reporters.length === 0) problems.push('--reporters: 기자 id를 하나 이상 쓰세요');
  return problems;
}

const quote = (text: string) => JSON.stringify(text);

export function articleTemplate(input: NewArticleInput): string {
  const publishedAt = toKstIso(parseEditorDate(input.date)!);
  return `---
# 제목: 기사 맨 위에 크게 나옵니다.
headline: ${quote(input.headline.trim())}
# 부제: 0~4줄. 필요 없으면 [] 로 두세요.
subheadlines: []
# 섹션: content/sections.yaml 의 id
section: ${input.section}
# 입력 시각(한국 시간). 따옴표를 지우지 마세요.
publishedAt: ${quote(publishedAt)}
# 수정 시각: 기사를 고칠 때 주석(#)을 풀고 쓰세요.
# updatedAt: ${quote(publishedAt)}
# 발신지: 서울 밖에서 쓴 기사면 주석을 풀고 쓰세요 (예: 베이징).
# dateline: 베이징
# 기자: content/reporters.yaml 의 id
reporters: [${input.reporters.join(', ')}]
# 사진: 기사 폴더(슬러그/index.md)에 사진 파일을 두고 아래처럼 쓰세요.
#   - src: ./photo-1.jpg
#     alt: 사진에 보이는 것 (화면낭독기용)
#     caption: 사진 설명
#     credit: 서울시            # 사진 제공=서울시 로 나갑니다
#     creditKind: provided      # provided | staff (사진=○○○ 기자) | agency (연합뉴스)
#     afterParagraph: 0         # 0 = 첫 문단 바로 뒤, 2 = 둘째 문단 뒤
photos: []
# 태그: 관련 기사와 태그 페이지에 쓰입니다.
tags: []
---

${IMPORTER_BODY_MARKER}
`;
}
