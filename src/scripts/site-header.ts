/**
 * The site header's behaviour (SiteHeader.astro): the phone's search button opens the search
 * row, the menu closes on Esc or a click outside it, the current tab is scrolled into the tab
 * bar's view, and the header tucks away while the reader scrolls down and comes back as soon
 * as they scroll up (it is sticky, so it is there without scrolling back to the top).
 */
/** Scrolling less than this is a hand's tremor, not a direction. */
const SCROLL_SLACK = 6;

function setUpSearchButton(header: HTMLElement) {
  const opener = header.querySelector<HTMLAnchorElement>('[data-search-open]');
  const input = header.querySelector<HTMLInputElement>('input[name="q"]');
  if (!opener || !input) return;
  // Without this script it stays a link to the search page.
  opener.setAttribute('role', 'button');
  opener.setAttribute('aria-expanded', 'false');
  opener.setAttribute('aria-controls', input.form!.id);
  opener.addEventListener('click', (event) => {
    event.preventDefault();
    const open = !header.hasAttribute('data-search-shown');
    header.toggleAttribute('data-search-shown', open);
    opener.setAttribute('aria-expanded', String(open));
    if (open) input.focus();
  });
}

function setUpMenu(header: HTMLElement) {
  const menu = header.querySelector<HTMLDetailsElement>('[data-site-menu]');
  if (!menu) return;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')!.focus();
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}

function showCurrentTab(header: HTMLElement) {
  const bar = header.querySelector<HTMLElement>('[data-section-bar]');
  const tab = bar?.querySelector<HTMLElement>('[aria-current]');
  if (!bar || !tab || bar.scrollWidth <= bar.clientWidth) return;
  const offset = tab.getBoundingClientRect().left - bar.getBoundingClientRect().left;
  bar.scrollLeft += offset - (bar.clientWidth - tab.offsetWidth) / 2;
}

function setUpTucking(header: HTMLElement) {
  let last = window.scrollY;
  const untuck = () => header.removeAttribute('data-tucked');
  window.addEventListener(
    'scroll',
    () => {
      const y = window.scrollY;
      if (Math.abs(y - last) < SCROLL_SLACK) return;
      const busy =
        header.contains(document.activeElement) ||
        header.querySelector<HTMLDetailsElement>('[data-site-menu]')?.open;
      if (y > last && y > header.offsetHeight && !busy) header.setAttribute('data-tucked', '');
      else untuck();
      last = y;
    },
    { passive: true },
  );
  header.addEventListener('focusin', untuck);
}

export function initSiteHeader() {
  const header = document.querySelector<HTMLElement>('[data-site-header]');
  if (!header) return;
  setUpSearchButton(header);
  setUpMenu(header);
  showCurrentTab(header);
  setUpTucking(header);
}
