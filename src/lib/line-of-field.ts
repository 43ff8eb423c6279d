/**
 * Reads an article file the way Astro does (parseFrontmatter from @astrojs/markdown-remark,
 * js-yaml underneath) and maps a field path such as `photos.1.credit` to its line in the file,
 * so the checker can print `file:line: field: message` that an editor can jump to.
 *
 * Positions come from a second, position-keeping parse with the `yaml` package: js-yaml gives
 * the values Astro validates but no positions. Both read the same text, so keys line up.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export type FieldPath = readonly PropertyKey[];

export interface ArticleSource {
  /** The frontmatter as Astro validates it. */
  frontmatter: Record<string, unknown>;
  /** The body with the frontmatter blanked out: line numbers match the file's. */
  body: string;
  /** The line of the body's first line (after the closing `---`). */
  bodyStartLine: number;
  /** The line of the field at `path`, or of its nearest existing parent. */
  lineOf(path: FieldPath): number;
}

export class FrontmatterSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'FrontmatterSyntaxError';
  }
}

const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

/**
 * Finds the position of `path` in a parsed YAML document: the key's position when the field
 * exists, otherwise the start of the deepest parent that exists (a missing `credit` points
 * at its photo entry).
 */
export function offsetOfPath(root: YamlNode | null, path: FieldPath): number {
  let node: unknown = root;
  let offset = root?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown } | null)?.value) === String(segment),
      );
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** Line numbers (1-based) of fields in a whole YAML file, e.g. content/reporters.yaml. */
export function yamlLineFinder(text: string): (path: FieldPath) => number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return (path) => lineCounter.linePos(offsetOfPath(doc.contents, path)).line;
}

/** Throws FrontmatterSyntaxError (with the file line) when the frontmatter is not YAML. */
export function readArticleSource(code: string): ArticleSource {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    // Blank the frontmatter with spaces as Astro does before compiling MDX: body positions
    // are then file positions.
    parsed = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    const rawStart = code.indexOf('---') + 3;
    throw new FrontmatterSyntaxError(
      lineAt(code, rawStart) + (mark?.line ?? 0),
      `머리말(frontmatter)의 YAML 문법이 틀렸습니다: ${reason}`,
    );
  }
  const { frontmatter, rawFrontmatter, content } = parsed;
  if (rawFrontmatter === '') {
    return { frontmatter: {}, body: content, bodyStartLine: 1, lineOf: () => 1 };
  }
  // rawFrontmatter starts right after the opening `---` (with that line's newline).
  const rawStart = code.indexOf('---') + 3;
  const firstLine = lineAt(code, rawStart);
  // Positions cost a second YAML parse: only pay it for files that have a problem.
  let positions: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  const locate = () => {
    if (!positions) {
      const lineCounter = new LineCounter();
      positions = { doc: parseDocument(rawFrontmatter, { lineCounter }), lineCounter };
    }
    return positions;
  };
  const rawLines = rawFrontmatter.split('\n').length - 1;
  return {
    frontmatter: frontmatter as Record<string, unknown>,
    body: content,
    bodyStartLine: firstLine + rawLines + 1,
    lineOf: (path) => {
      const { doc, lineCounter } = locate();
      return firstLine - 1 + lineCounter.linePos(offsetOfPath(doc.contents, path)).line;
    },
  };
}
