/**
 * The header search box: without JavaScript a plain GET form to /search/; with it, results
 * as the reader types, `/` or Ctrl+K to focus, arrow keys through the results and a live
 * region announcing how many were found. The search code (tokenizer, engine, Pagefind) is
 * loaded on first use, so pages nobody searches from do not pay for it.
 */

const PANEL_RESULTS = 5;
const DEBOUNCE_MS = 150;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** "추천 검색어 김하윤 · 김하늘": words of the archive that start with what is typed. */
function suggestionsItem(queries: string[], searchPath: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-suggestions';
  // The panel's own styles (SearchBox.astro) have none for this row yet.
  li.style.padding = '0.5rem';
  li.append('추천 검색어 ');
  queries.forEach((query, i) => {
    const link = document.createElement('a');
    link.className = 'search-suggestion';
    link.href = `${searchPath}?q=${encodeURIComponent(query)}`;
    link.textContent = query;
    li.append(...(i ? [' · ', link] : [link]));
  });
  return li;
}

function setUp(box: HTMLElement) {
  const input = box.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = box.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = box.querySelector<HTMLElement>('[data-search-list]')!;
  const all = box.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const status = box.querySelector<HTMLElement>('[data-search-status]')!;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The IME is composing a syllable (로 → 롭 → 로봇): it is searched as partial, and a
   * state that finds nothing leaves the results shown instead of saying "no results". */
  let composing = false;

  const close = () => {
    panel.hidden = true;
  };
  const links = () => [
    ...list.querySelectorAll<HTMLAnchorElement>('a.search-suggestion, a.search-result-link'),
  ];

  async function update() {
    const query = input.value.trim();
    const current = ++sequence;
    if (!query) {
      close();
      status.textContent = '';
      return;
    }
    try {
      const [{ runSearch, toView, completeQuery }, { renderResult, readingNote }] =
        await Promise.all([import('./client.ts'), import('./render.ts')]);
      const wasComposing = composing;
      const [{ plan, hits, done, reading }, completed] = await Promise.all([
        runSearch(query, { wanted: PANEL_RESULTS, composing: wasComposing }),
        completeQuery(query),
      ]);
      const count = done ? `${hits.length}건` : `${hits.length}건\u00a0이상`;
      const views = await Promise.all(hits.slice(0, PANEL_RESULTS).map((h) => toView(h, plan, 80)));
      if (current !== sequence) return;
      if (!hits.length && wasComposing) return;
      list.replaceChildren(
        ...views.map((view) => {
          const li = document.createElement('li');
          li.append(renderResult(view));
          return li;
        }),
      );
      if (completed.length) list.prepend(suggestionsItem(completed, all.pathname));
      if (reading) {
        const li = document.createElement('li');
        li.className = 'search-reading';
        li.append(readingNote(reading, query, all.pathname));
        list.prepend(li);
      }
      all.href = `${all.pathname}?q=${encodeURIComponent(query)}`;
      all.textContent = hits.length ? `검색 결과 ${count} 모두 보기` : '검색 페이지로 가기';
      status.textContent = hits.length
        ? `검색 결과 ${count}. 아래 화살표로 결과를 고르세요.`
        : `'${query}'에 맞는 기사가 없습니다.`;
      if (!hits.length) {
        const li = document.createElement('li');
        li.className = 'search-empty';
        li.textContent = `'${query}'에 맞는 기사가 없습니다.`;
        list.replaceChildren(li);
        // The archive's words that start with it may still be what the reader is after.
        if (completed.length) list.append(suggestionsItem(completed, all.pathname));
      }
      panel.hidden = false;
    } catch (error) {
      if (current !== sequence) return;
      status.textContent = (error as Error).message;
      const li = document.createElement('li');
      li.className = 'search-empty';
      li.textContent = (error as Error).message;
      list.replaceChildren(li);
      panel.hidden = false;
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };
  input.addEventListener('compositionstart', () => {
    composing = true;
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  input.addEventListener('input', (event) => {
    composing = (event as InputEvent).isComposing;
    schedule();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount) panel.hidden = false;
  });
  box.addEventListener('keydown', (event) => {
    const items = [...links(), all];
    const index = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && !panel.hidden) {
      event.preventDefault();
      items[Math.min(index + 1, items.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && !panel.hidden) {
      event.preventDefault();
      if (index <= 0) input.focus();
      else items[index - 1].focus();
    } else if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  box.addEventListener('focusout', (event) => {
    if (!box.contains(event.relatedTarget as Node | null)) close();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut =
      (event.key === '/' && !isEditable(event.target)) ||
      (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

for (const box of document.querySelectorAll<HTMLElement>('[data-search-box]')) setUp(box);
