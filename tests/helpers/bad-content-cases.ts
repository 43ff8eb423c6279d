/**
 * One content folder per rule under fixtures/bad-content/, and the lines `npm run check`
 * and the build must print for it. Shared by tests/tools (the checker) and tests/build.
 */
export const BAD = 'fixtures/bad-content';
const article = (c: string, path: string) => `${BAD}/${c}/articles/${path}`;

/** case → lines the output must contain (file:line: field: start of the message). */
export const BAD_CONTENT_CASES: Record<string, string[]> = {
  'schema-error': [
    `${article('schema-error', '2025/11/market-card.md')}:6: tags: 잘못된 입력`,
    `${article('schema-error', '2025/11/market-card.md')}:7: writer: 알 수 없는 항목입니다`,
  ],
  'unknown-section': [
    `${article('unknown-section', '2025/11/market-card.md')}:3: section: 알 수 없는 섹션 'sports'`,
  ],
  'unknown-reporter': [
    `${article('unknown-reporter', '2025/11/market-card.md')}:7: reporters.1: 알 수 없는 기자 'choi-nobody'`,
  ],
  'missing-photo': [
    `${article('missing-photo', '2025/11/market-card/index.md')}:7: photos.0.src: 사진 파일이 없습니다`,
  ],
  'oversized-photo': [
    `${article('oversized-photo', '2025/11/market-card/index.md')}:7: photos.0.src: 사진이 너무 큽니다`,
  ],
  'photo-without-credit': [
    `${article('photo-without-credit', '2025/11/market-card/index.md')}:14: photos.1.credit: 사진 출처(credit)를 쓰세요`,
  ],
  'photo-without-alt': [
    `${article('photo-without-alt', '2025/11/market-card/index.md')}:7: photos.0.alt: 사진 설명(alt) 항목이 없습니다`,
  ],
  'duplicate-url': [
    `${article('duplicate-url', '2025/11/market-card/index.md')}:1: (path): 주소 /articles/2025/11/market-card/ 가`,
  ],
  'future-date': [
    `${article('future-date', '2099/11/market-card.md')}:4: publishedAt: 입력 시각이 미래입니다`,
  ],
  'impossible-date': [
    `${article('impossible-date', '2025/02/market-card.md')}:4: publishedAt: 있을 수 없는 날짜`,
  ],
  'unquoted-date': [
    `${article('unquoted-date', '2025/11/market-card.md')}:4: publishedAt: 날짜는 따옴표로 감싼`,
  ],
  'related-missing': [
    `${article('related-missing', '2025/11/market-card.md')}:7: related.0: 알 수 없는 관련 기사 '2025/10/no-such-article'`,
  ],
  'placeholder-photo': [
    `${article('placeholder-photo', '2025/11/market-card/index.md')}:7: photos.0.src: 가져오기 도구가 남긴 임시 사진`,
  ],
  'todo-marker': [
    `${article('todo-marker', '2025/11/market-card.md')}:8: (body): 가져오기 도구가 남긴 자리표시`,
    `${article('todo-marker', '2025/11/market-card.md')}:10: (body): 확인할 곳 표시 'TODO'`,
  ],
  'folder-mismatch': [
    `${article('folder-mismatch', '2025/10/market-card.md')}:4: publishedAt: 입력 시각(publishedAt, 한국 시간 2025년 11월)과 폴더 2025/10가 다릅니다`,
  ],
  'mdx-import': [
    `${article('mdx-import', '2025/11/market-card.mdx')}:10: (body): MDX 기사에는 import/export를 쓸 수 없습니다`,
  ],
  'placeholder-email': [
    `${BAD}/placeholder-email/reporters.yaml:14: 2.email: 가져오기 도구가 남긴 임시 이메일`,
  ],
  'yaml-syntax': [
    `${article('yaml-syntax', '2025/11/market-card.md')}:6: (frontmatter): 머리말(frontmatter)의 YAML 문법이 틀렸습니다`,
  ],
};
