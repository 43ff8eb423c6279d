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
  'bad-tags': ['../x', '.', '..'].map(
    (tag, i) =>
      `${article('bad-tags', '2025/11/market-card.md')}:6: tags.${i + 1}: 태그 '${tag}'는 쓸 수 없습니다: 태그에는 / \\ ? # 를 쓸 수 없고, '.'이나 '..'만으로 된 태그는 주소가 되지 않습니다`,
  ),
  'body-image-outside': [
    `${article('body-image-outside', '2025/11/market-card.md')}:10: (body): 본문 사진이 content 폴더 밖을 가리킵니다: '../../../../../../../../etc/hostname.jpg'`,
  ],
  'body-image-local': ['./stall.jpg', './missing.jpg'].map(
    (src, i) =>
      `${article('body-image-local', '2025/11/market-card/index.md')}:${[10, 14][i]}: (body): 본문에 파일로 넣은 사진은 게시되지 않습니다: '${src}' (사진은 머리말 photos에 src, alt, caption, credit과 함께 쓰고, 자리는 afterParagraph로, MDX 기사는 <Photo n="…" />로 정하세요)`,
  ),
  'body-image-escape': [
    `${article('body-image-escape', '2025/11/market-card.md')}:10: (body): 본문 사진 주소의 % 표기가 잘못되었습니다: './sale-50%.jpg' (%는 뒤에 16진수 두 자리가 와야 합니다: 파일 이름의 %는 %25로 쓰세요)`,
  ],
  'empty-body': [
    `${article('empty-body', '2025/11/market-card.md')}:7: (body): 본문이 비었습니다: 머리말(---) 아래에 기사 본문을 쓰세요 (빈 기사는 게시하지 않습니다)`,
  ],
  'mdx-unplaced-photo': [
    `${article('mdx-unplaced-photo', '2025/11/market-card/index.mdx')}:11: photos.1: 사진 2번이 본문에 없습니다: 넣을 자리에 <Photo n="2" />를 쓰세요 (MDX 기사는 머리말 photos의 사진을 직접 배치합니다)`,
    `${article('mdx-unplaced-photo', '2025/11/market-card/index.mdx')}:23: (body): 본문 사진이 content 폴더 밖을 가리킵니다: '../../../../../../../x.png'`,
  ],
  'wrong-extension': [
    ['card-fee.markdown', 'card-fee.md'],
    ['market-card.MD', 'market-card.md'],
  ].map(
    ([name, renamed]) =>
      `${article('wrong-extension', `2025/11/${name}`)}:1: (path): 기사 파일의 확장자는 소문자 .md 또는 .mdx여야 합니다: 이대로는 게시되지 않습니다 (이름을 ${renamed}(으)로 바꾸세요)`,
  ),
  'truncated-photo': [
    `${article('truncated-photo', '2025/11/market-card/index.md')}:7: photos.0.src: 사진 파일이 중간에 잘렸습니다: './stall.jpg' (원본 파일을 다시 저장하거나 복사하세요)`,
  ],
  'reporters-yaml-syntax': [
    // The reporters of a list that cannot be read are unknown too; both are said.
    `${article('reporters-yaml-syntax', '2025/11/market-card.md')}:5: reporters.0: 알 수 없는 기자 'kim-hayoon'`,
    `${BAD}/reporters-yaml-syntax/reporters.yaml:6: (yaml): YAML 문법이 틀렸습니다: Flow sequence in block collection must be sufficiently indented and end with a ] (들여쓰기, 콜론 뒤 빈칸, 따옴표 짝을 확인하세요)`,
  ],
  'sections-alias-bomb': [
    `${article('sections-alias-bomb', '2025/11/market-card.md')}:3: section: 알 수 없는 섹션 'economy'`,
    `${BAD}/sections-alias-bomb/sections.yaml:1: (yaml): YAML 별칭(*이름)이 너무 많습니다 (최대 20번): 별칭 없이 값을 그대로 쓰세요`,
  ],
};
