/**
 * What editors may write in an .mdx article. MDX compiles to JavaScript that runs at build
 * time, so an `import`, an `export` or a `{expression}` is code execution on the build
 * machine, and any JSX element is raw HTML that bypasses the Markdown sanitizer. Editors get
 * the article components (Photo, FactBox, Video) with plain string attributes, and Markdown.
 *
 * The same check runs in `npm run check` (checkMdxBody) and in the build (remarkMdxGuard).
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';

interface AttributeRule {
  required: boolean;
  /** Checks the value; returns what is wrong, in Korean. */
  check?: (value: string, photoCount: number | undefined) => string | undefined;
}

/** The article components and their attributes (see src/components/article/). */
export const ARTICLE_COMPONENTS: Record<string, Record<string, AttributeRule>> = {
  Photo: {
    n: {
      required: true,
      check: (value, photoCount) => {
        if (!/^[1-9]\d*$/.test(value)) return `n="${value}"은 1 이상의 숫자여야 합니다`;
        if (photoCount !== undefined && Number(value) > photoCount) {
          return `<Photo n="${value}" />: 머리말 photos에 ${value}번째 사진이 없습니다 (사진 ${photoCount}장)`;
        }
        return undefined;
      },
    },
  },
  FactBox: { title: { required: true } },
  Video: {
    youtube: {
      required: true,
      check: (value) =>
        /^[A-Za-z0-9_-]{11}$/.test(value)
          ? undefined
          : `youtube="${value}"는 유튜브 영상 ID(11자, 예: dQw4w9WgXcQ)여야 합니다: 주소 전체가 아니라 v= 뒤의 값만 쓰세요`,
    },
    title: { required: true },
  },
};

const COMPONENT_LIST = Object.keys(ARTICLE_COMPONENTS).join(', ');

export interface MdxViolation {
  line: number;
  message: string;
  /** The frontmatter photo (1-based) the violation is about, if it is about one. */
  photo?: number;
}

interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number } };
}

/**
 * Links may go to web pages, mail addresses and the site itself. Browsers ignore tabs,
 * newlines and control characters inside a scheme (`java\tscript:`), so those go first.
 */
export function isSafeLinkUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

function elementViolations(node: MdNode, photoCount: number | undefined): string[] {
  const name = node.name;
  if (!name) return ['빈 요소 <></>는 쓸 수 없습니다'];
  const rules = ARTICLE_COMPONENTS[name];
  if (!rules) {
    return [
      `<${name}>는 쓸 수 없습니다: MDX 기사에는 ${COMPONENT_LIST} 컴포넌트와 마크다운만 쓸 수 있습니다`,
    ];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      problems.push(`<${name}>에 {...} 속성은 쓸 수 없습니다: 이름="값" 꼴로만 쓰세요`);
      continue;
    }
    const rule = rules[attribute.name];
    if (!rule) {
      const allowed = Object.keys(rules).join(', ');
      problems.push(
        `<${name}>에는 ${attribute.name} 속성이 없습니다 (쓸 수 있는 속성: ${allowed})`,
      );
      continue;
    }
    seen.add(attribute.name);
    if (typeof attribute.value !== 'string') {
      problems.push(
        `<${name} ${attribute.name}>의 값은 따옴표로 감싼 글자로 쓰세요 (예: ${attribute.name}="…"); { } 식은 쓸 수 없습니다`,
      );
      continue;
    }
    const wrong = rule.check?.(attribute.value, photoCount);
    if (wrong) problems.push(wrong);
  }
  for (const [attribute, rule] of Object.entries(rules)) {
    if (rule.required && !seen.has(attribute)) {
      problems.push(`<${name}>에 ${attribute} 속성을 쓰세요`);
    }
  }
  return problems;
}

/** A frontmatter photo an MDX body never places: the page would not show it. */
export const unplacedPhotoMessage = (n: number) =>
  `사진 ${n}번이 본문에 없습니다: 넣을 자리에 <Photo n="${n}" />를 쓰세요 (MDX 기사는 머리말 photos의 사진을 직접 배치합니다)`;

/**
 * Everything in an MDX syntax tree that an editor's article may not contain, and each of the
 * `photoCount` frontmatter photos no <Photo n="…" /> places (at line 1: the body has no line
 * for what is missing; the checker points at the photo's entry instead).
 */
export function findMdxViolations(tree: Root, photoCount?: number): MdxViolation[] {
  const found: MdxViolation[] = [];
  const placed = new Set<string>();
  const visit = (node: MdNode) => {
    const line = node.position?.start.line ?? 1;
    const add = (message: string) => found.push({ line, message });
    switch (node.type) {
      case 'mdxjsEsm':
        add(
          'MDX 기사에는 import/export를 쓸 수 없습니다: 빌드할 때 코드로 실행되기 때문입니다 (쓸 수 있는 컴포넌트는 import 없이 바로 쓰세요)',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(
          '중괄호 { } 식은 쓸 수 없습니다: 빌드할 때 코드로 실행되기 때문입니다 (중괄호 글자는 \\{ \\} 로 쓰세요)',
        );
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        elementViolations(node, photoCount).forEach(add);
        if (node.name === 'Photo') {
          const n = node.attributes?.find((a) => a.name === 'n')?.value;
          if (typeof n === 'string') placed.add(n);
        }
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (typeof node.url === 'string' && !isSafeLinkUrl(node.url)) {
          add(
            `링크 주소 '${node.url}'는 쓸 수 없습니다: http(s), mailto 또는 사이트 안 주소만 됩니다`,
          );
        }
        break;
    }
    node.children?.forEach(visit);
  };
  visit(tree as unknown as MdNode);
  for (let n = 1; n <= (photoCount ?? 0); n++) {
    if (!placed.has(String(n))) found.push({ line: 1, photo: n, message: unplacedPhotoMessage(n) });
  }
  return found;
}

const parsers = { mdx: createProcessor({ format: 'mdx' }), md: createProcessor({ format: 'md' }) };

/** A body's syntax tree as MDX or as plain Markdown (CommonMark) reads it; throws on MDX
 * syntax errors. */
export const parseBody = (body: string, format: 'md' | 'mdx') =>
  parsers[format].parse(body) as Root;

/**
 * Parses an MDX body (frontmatter blanked out, so lines are file lines) and lists its
 * violations; a syntax error MDX cannot parse is one violation at its line.
 */
export function checkMdxBody(body: string, photoCount?: number): MdxViolation[] {
  let tree: Root;
  try {
    tree = parseBody(body, 'mdx');
  } catch (error) {
    const place = error as { line?: number; reason?: string; message?: string };
    return [
      {
        line: place.line ?? 1,
        message: `MDX 문법 오류: ${place.reason ?? place.message} (<, {, } 글자는 \\<, \\{, \\} 로 쓰세요)`,
      },
    ];
  }
  return findMdxViolations(tree, photoCount);
}

interface GuardedFile {
  path?: string;
  extname?: string;
  data: { astro?: { frontmatter?: { photos?: unknown } } };
  fail(reason: string, options?: { place?: { line: number; column: number } }): never;
}

/**
 * The build's side of the guard: a remark plugin for the MDX pipeline. It does nothing for
 * .md files (their raw HTML goes through the sanitizer instead) and fails the build for an
 * .mdx file with the checker's messages, one line per problem.
 */
export function remarkMdxGuard() {
  return (tree: Root, file: GuardedFile) => {
    if (file.extname !== '.mdx') return;
    const photos = file.data.astro?.frontmatter?.photos;
    const violations = findMdxViolations(tree, Array.isArray(photos) ? photos.length : 0);
    if (violations.length === 0) return;
    const lines = violations.map((v) => `${file.path ?? ''}:${v.line}: (body): ${v.message}`);
    file.fail(`MDX 기사에 쓸 수 없는 내용이 있습니다:\n${lines.join('\n')}`, {
      place: { line: violations[0].line, column: 1 },
    });
  };
}
