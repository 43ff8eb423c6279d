/** DOM for search results, built from text nodes only (nothing from the index is parsed). */
import type { TextPart } from '../../lib/search/highlight.ts';
import type { ResultView } from './client.ts';

export function partsToNodes(parts: TextPart[]): Node[] {
  return parts.map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    return mark;
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** One result: headline link, section · date · reporter, thumbnail, excerpt. */
export function renderResult(view: ResultView, id?: string): HTMLElement {
  const link = el('a', 'search-result-link', ...partsToNodes(view.title));
  link.href = view.url;
  const time = el('time', '', view.dateText);
  time.dateTime = view.dateIso;
  const item = el(
    'article',
    'search-result',
    el('h3', 'search-result-title', link),
    el(
      'p',
      'search-result-meta',
      view.section,
      ' · ',
      time,
      // One 기자 a name: the index has no roles, and one role for two people would be wrong.
      ...(view.reporters.length
        ? [' · ', view.reporters.map((r) => `${r}\u00a0기자`).join(', ')]
        : []),
    ),
    el('p', 'search-result-excerpt', ...partsToNodes(view.excerpt)),
  );
  if (id) item.id = id;
  if (view.thumbnail) {
    const img = document.createElement('img');
    img.className = 'search-result-thumb';
    img.src = view.thumbnail;
    img.alt = '';
    img.loading = 'lazy';
    img.width = 96;
    img.height = 64;
    item.prepend(img);
  }
  return item;
}

/** "'아파트'로 검색한 결과입니다 · 'dkvkxm'로 검색": a Latin-mode query read as Hangul
 * (qwerty.ts), with a link to the search page for the query as typed. */
export function readingNote(reading: string, query: string, searchPath: string): DocumentFragment {
  const asTyped = document.createElement('a');
  asTyped.href = `${searchPath}?q=${encodeURIComponent(query)}&as=typed`;
  asTyped.textContent = `'${query}'로 검색`;
  const note = document.createDocumentFragment();
  note.append(`'${reading}'로 검색한 결과입니다 · `, asTyped);
  return note;
}
