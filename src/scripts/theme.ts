/**
 * The header's 어두운 화면 toggle. The page follows the system's colour scheme until the
 * reader picks the other one; that choice is remembered (like the font size) and applied
 * before first paint by BaseLayout's inline script, which reads the same key.
 */
export const THEME_KEY = 'color-scheme';

const systemDark = () => matchMedia('(prefers-color-scheme: dark)');

function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === 'dark' : systemDark().matches;
}

function choose(dark: boolean) {
  const root = document.documentElement;
  // Choosing what the system shows anyway forgets the choice: the page follows the system again.
  const follow = dark === systemDark().matches;
  if (follow) delete root.dataset.theme;
  else root.dataset.theme = dark ? 'dark' : 'light';
  try {
    if (follow) localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, root.dataset.theme!);
  } catch {
    // Private mode or storage disabled: the scheme still applies to this page.
  }
}

export function initThemeToggle() {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')];
  const sync = () => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(isDark()));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      choose(!isDark());
      sync();
    });
  }
  systemDark().addEventListener('change', sync);
  sync();
}
