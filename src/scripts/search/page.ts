/**
 * The search page: reads q and the filters from the URL, shows results 10 at a time, and
 * keeps the URL in step so a search can be shared. Filters and sort apply at once.
 */
import type { SortOrder } from '../../lib/search/engine.ts';
import { SITE } from '../../lib/site.ts';
import { runSearch, toView, type SearchFilters } from './client.ts';
import { renderResult } from './render.ts';

const PAGE_SIZE = 10;

/** 2025-09 → 2025년 9월 */
const monthLabel = (month: string) => `${month.slice(0, 4)}년 ${Number(month.slice(5, 7))}월`;
const FIELDS = ['q', 'section', 'year', 'reporter', 'sort'] as const;

const form = document.querySelector<HTMLFormElement>('[data-search-page]');
if (form) setUp(form);

function setUp(form: HTMLFormElement) {
  const summary = document.querySelector<HTMLElement>('[data-search-summary]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const field = (name: (typeof FIELDS)[number]) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  let sequence = 0;
  let showMore: (() => Promise<void>) | undefined;

  function readUrl() {
    const params = new URLSearchParams(location.search);
    for (const name of FIELDS) {
      const value = params.get(name);
      if (value !== null) field(name).value = value;
    }
  }

  function writeUrl() {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const value = field(name).value.trim();
      if (value && !(name === 'sort' && value === 'relevance')) params.set(name, value);
    }
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  async function search() {
    const current = ++sequence;
    const query = field('q').value.trim();
    list.replaceChildren();
    more.hidden = true;
    if (!query) {
      summary.textContent = '검색어를 입력하세요.';
      return;
    }
    summary.textContent = '찾는 중…';
    const filters: SearchFilters = {
      section: field('section').value,
      year: field('year').value,
      reporter: field('reporter').value,
    };
    try {
      let progress = await runSearch(query, {
        filters,
        sort: field('sort').value as SortOrder,
        wanted: PAGE_SIZE,
      });
      if (current !== sequence) return;
      document.title = `'${query}' 검색 결과 | ${SITE.name}`;
      const describe = () => {
        const { hits, done, searchedFrom } = progress;
        summary.textContent = done
          ? `'${query}' 검색 결과 ${hits.length}건`
          : `'${query}' 검색 결과: ${monthLabel(searchedFrom)} 이후 기사 ${hits.length}건`;
      };
      if (!progress.hits.length && progress.done) {
        summary.textContent = `'${query}'에 맞는 기사가 없습니다. 낱말을 줄이거나 좁혀 보기를 '전체'로 바꿔 보세요.`;
        return;
      }
      describe();
      let shown = 0;
      showMore = async () => {
        // The index is searched newest first (client.ts): older shards only when asked.
        if (shown >= progress.hits.length && !progress.done) {
          progress = await progress.more(PAGE_SIZE);
          if (current !== sequence) return;
          describe();
        }
        const page = progress.hits.slice(shown, shown + PAGE_SIZE);
        const views = await Promise.all(page.map((h) => toView(h, progress.plan, 160)));
        if (current !== sequence) return;
        list.append(
          ...views.map((view) => {
            const li = document.createElement('li');
            li.append(renderResult(view));
            return li;
          }),
        );
        shown += page.length;
        more.hidden = shown >= progress.hits.length && progress.done;
        more.textContent = shown < progress.hits.length ? '결과 더 보기' : '이전 기사에서 더 찾기';
      };
      await showMore();
    } catch (error) {
      if (current === sequence) summary.textContent = (error as Error).message;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    writeUrl();
    void search();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName !== 'SELECT') return;
    writeUrl();
    void search();
  });
  more.addEventListener('click', async () => {
    const first = list.childElementCount;
    await showMore?.();
    // Keyboard users continue from the first new result.
    list.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });

  readUrl();
  void search();
}
