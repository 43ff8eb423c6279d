/**
 * Editors' raw HTML in Markdown articles is untrusted (articles arrive by pull request and
 * from the importer), so it is parsed and cut down to an allow-list: text formatting, lists,
 * tables, figures, links, images and video embeds from two known players. Scripts, styles,
 * event handlers, forms, objects and `javascript:`/`data:` URLs never reach the page.
 *
 * .mdx articles skip this step: they cannot contain raw HTML at all (mdx-guard.ts rejects
 * every element except the article components), and sanitizing would delete those components.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';

/** Video players an article may embed, always in their privacy-friendly form. */
export const EMBED_SRC =
  /^https:\/\/(?:www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)[A-Za-z0-9_-]+(?:\?[A-Za-z0-9_=&.%-]*)?$/;

const WEB = ['http', 'https'];

export const articleSanitizeSchema: SanitizeSchema = {
  tagNames: [
    ...['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'div', 'span'],
    ...['strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup'],
    ...['code', 'kbd', 'abbr', 'q', 'cite', 'time'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ...['figure', 'figcaption', 'a', 'img', 'iframe', 'section'],
  ],
  // Removed together with their content (other disallowed elements keep their text).
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'select', 'option', 'title'],
  ancestors: {
    tbody: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    caption: ['table'],
    li: ['ul', 'ol'],
    figcaption: ['figure'],
  },
  attributes: {
    '*': ['title', 'lang', ['id', /^user-content-/]],
    a: [
      'href',
      // GFM footnote links, as remark-rehype writes them.
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['ariaDescribedBy', 'footnote-label'],
      ['className', 'data-footnote-backref'],
      'ariaLabel',
    ],
    img: ['src', 'alt', 'width', 'height'],
    iframe: [['src', EMBED_SRC], 'width', 'height', 'allowFullScreen'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    time: ['dateTime'],
    abbr: [],
    code: [['className', /^language-[\w-]+$/]],
    ol: ['start', 'reversed'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    td: ['align', 'colSpan', 'rowSpan'],
    h2: [
      ['id', 'footnote-label'],
      ['className', 'sr-only'],
    ],
    section: ['dataFootnotes', ['className', 'footnotes']],
  },
  required: {
    // Embeds load lazily, get no referrer beyond the origin and run in a sandbox.
    iframe: {
      loading: 'lazy',
      referrerPolicy: 'strict-origin-when-cross-origin',
      sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'],
    },
  },
  // Ids are allowed only in the user-content- namespace above, so no prefixing is needed
  // (prefixing would also break the footnote ids remark-rehype already prefixed).
  clobber: [],
  protocols: { href: [...WEB, 'mailto'], src: WEB, cite: WEB },
};

interface ArticleFile {
  extname?: string;
}

/**
 * An iframe or image whose src was refused (another site's player, a `data:` URL) is left
 * with no src: drop the empty shell rather than publish a blank frame or a broken image.
 */
function removeEmbedsWithoutSrc(node: Root | Element) {
  node.children = node.children.filter(
    (child) =>
      child.type !== 'element' ||
      !['iframe', 'img'].includes(child.tagName) ||
      Boolean(child.properties.src),
  );
  for (const child of node.children) if (child.type === 'element') removeEmbedsWithoutSrc(child);
}

/** Whether remark-rehype kept any raw HTML (an editor's tags or comments) in the tree. */
function holdsRaw(node: Root | Root['children'][number]): boolean {
  return node.type === 'raw' || ('children' in node && node.children.some(holdsRaw));
}

/**
 * Rehype plugin for the Markdown pipeline: parses raw HTML (remark-rehype keeps it as
 * opaque `raw` nodes, which the sanitizer would otherwise drop wholesale, allowed tags too),
 * then sanitizes.
 */
export function rehypeSanitizeArticle() {
  const parseRaw = rehypeRaw();
  const sanitize = rehypeSanitize(articleSanitizeSchema);
  return (tree: Root, file: ArticleFile) => {
    if (file.extname === '.mdx') return tree;
    // Most articles hold no raw HTML, and parsing re-builds the whole tree through parse5
    // (Astro's pipeline does it once more at its end anyway): ~5% of content sync.
    const parsed = holdsRaw(tree) ? (parseRaw(tree, file as never) as Root) : tree;
    const clean = sanitize(parsed) as Root;
    removeEmbedsWithoutSrc(clean);
    return clean;
  };
}
