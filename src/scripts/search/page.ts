/**
 * The search page: reads q and the filters from the URL, shows results 10 at a time, and
 * keeps the URL in step so a search can be shared. Filters and sort apply at once.
 */
import { KST } from '../../lib/dates.ts';
import type { DateRange, SortOrder } from '../../lib/search/engine.ts';
import { SITE } from '../../lib/site.ts';
import {
  COUNTED_FILTERS,
  runSearch,
  suggestQueries,
  toView,
  type SearchFilters,
} from './client.ts';
import { readingNote, renderResult } from './render.ts';

const PAGE_SIZE = 10;

/** 2025-09 → 2025년 9월 */
const monthLabel = (month: string) => `${month.slice(0, 4)}년 ${Number(month.slice(5, 7))}월`;
const FIELDS = ['q', 'section', 'year', 'reporter', 'period', 'from', 'to', 'sort'] as const;
/** Filters whose default (전체) is ''. */
const NARROWING = ['section', 'year', 'reporter', 'period'] as const;

/** Today's KST calendar day, YYYY-MM-DD, whatever the reader's time zone. */
const kstToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: KST }).format(new Date());

/** The day `months` months and `days` days before `day` (YYYY-MM-DD). */
function before(day: string, months: number, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** 기간: 1주, 1개월, 1년 up to today (KST), or 직접 입력's from–to. */
function dateRange(period: string, from: string, to: string): DateRange {
  const today = kstToday();
  if (period === '1w') return { from: before(today, 0, 6), to: today };
  if (period === '1m') return { from: before(today, 1, -1), to: today };
  if (period === '1y') return { from: before(today, 12, -1), to: today };
  if (period === 'custom') return { from: from || undefined, to: to || undefined };
  return {};
}

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

  const custom = form.querySelector<HTMLElement>('[data-search-custom]')!;
  const showCustom = () => {
    custom.hidden = field('period').value !== 'custom';
  };
  /** as=typed: the reader chose the Latin-mode query as typed over its Hangul reading. */
  let asTyped = new URLSearchParams(location.search).get('as') === 'typed';

  function writeUrl() {
    const params = new URLSearchParams();
    const isCustom = field('period').value === 'custom';
    for (const name of FIELDS) {
      const value = field(name).value.trim();
      if ((name === 'from' || name === 'to') && !isCustom) continue;
      if (value && !(name === 'sort' && value === 'relevance')) params.set(name, value);
    }
    if (asTyped) params.set('as', 'typed');
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
    const sort = field('sort').value as SortOrder;
    try {
      let progress = await runSearch(query, {
        filters,
        dates: dateRange(field('period').value, field('from').value, field('to').value),
        sort,
        wanted: PAGE_SIZE,
        asTyped,
      });
      if (current !== sequence) return;
      const { reading } = progress;
      const searched = reading ?? query;
      document.title = `'${searched}' 검색 결과 | ${SITE.name}`;
      const describe = () => {
        const { hits, done, searchedFrom, archiveWide } = progress;
        // 정확도순 ranks the whole archive; 최신순 and 오래된순 read shards newest (oldest)
        // first (client.ts).
        const span = sort === 'oldest' ? '이전' : '이후';
        summary.textContent = done
          ? `'${searched}' 검색 결과 ${hits.length}건`
          : archiveWide
            ? `'${searched}' 검색 결과: 전체 기간에서 정확도가 높은 기사 ${hits.length}건\u00a0이상`
            : `'${searched}' 검색 결과: ${monthLabel(searchedFrom)} ${span} 기사 ${hits.length}건`;
        if (reading) summary.append(' · ', readingNote(reading, query, location.pathname));
      };
      /** Each section's and year's count beside its choice, of the results found so far;
       * a filter that narrows the search shows none (its other choices would read 0). */
      const showCounts = async () => {
        const counts = await progress.counts();
        if (current !== sequence) return;
        for (const name of COUNTED_FILTERS) {
          const select = field(name) as HTMLSelectElement;
          for (const option of select.options) {
            option.dataset.label ??= option.text;
            const n = counts[name]?.[option.value];
            option.text =
              option.value && !select.value && n !== undefined
                ? `${option.dataset.label} (${n})`
                : option.dataset.label;
          }
        }
      };
      void showCounts();
      if (!progress.hits.length && progress.done) {
        const narrowed = NARROWING.some((name) => field(name).value !== '');
        // Only suggest widening the filters when some filter is narrowing the search.
        summary.textContent = narrowed
          ? `'${query}'에 맞는 기사가 없습니다. 좁혀 보기(섹션·연도·기자·기간)를 '전체'로 바꾸면 더 찾을 수 있습니다.`
          : `'${query}'에 맞는 기사가 없습니다. 맞춤법을 확인하거나, 더 짧은 낱말이나 다른 낱말로 찾아 보세요.`;
        const suggestions = await suggestQueries(query);
        if (current !== sequence || suggestions.length === 0) return;
        const links = suggestions.map((suggestion) => {
          const params = new URLSearchParams(location.search);
          params.set('q', suggestion);
          params.delete('as');
          const link = document.createElement('a');
          link.href = `?${params}`;
          link.textContent = suggestion;
          return link;
        });
        const line = document.createElement('span');
        line.className = 'search-suggest';
        line.append('이런 검색어는 어떠세요: ', ...links.flatMap((l, i) => (i ? [', ', l] : [l])));
        summary.append(' ', line);
        return;
      }
      describe();
      let shown = 0;
      showMore = async () => {
        // Bundles are searched only when asked (client.ts); results past `ranked` may still
        // be outranked by bundles not yet searched, so they wait.
        if (shown >= progress.ranked && !progress.done) {
          progress = await progress.more(PAGE_SIZE);
          if (current !== sequence) return;
          describe();
          void showCounts();
        }
        const page = progress.hits.slice(shown, Math.min(shown + PAGE_SIZE, progress.ranked));
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
        more.textContent =
          shown < progress.hits.length || progress.archiveWide
            ? '결과 더 보기'
            : sort === 'oldest'
              ? '이후 기사에서 더 찾기'
              : '이전 기사에서 더 찾기';
      };
      await showMore();
    } catch (error) {
      if (current === sequence) summary.textContent = (error as Error).message;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    asTyped = false;
    writeUrl();
    void search();
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.tagName !== 'SELECT' && target.type !== 'date') return;
    showCustom();
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
  showCustom();
  void search();
}
