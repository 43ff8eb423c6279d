/** Browser code for ReaderTools.astro: font size (remembered), share, print, 맨 위로. */
import { DEFAULT_STEP, FONT_STEPS, MAX_STEP, MIN_STEP } from './font-steps.ts';

export const FONT_SIZE_KEY = 'article-font-size';

function currentStep(): number {
  const step = Number(document.documentElement.dataset.fontSize ?? DEFAULT_STEP);
  return step in FONT_STEPS ? step : DEFAULT_STEP;
}

function applyStep(step: number) {
  const clamped = Math.min(MAX_STEP, Math.max(MIN_STEP, step));
  if (clamped === DEFAULT_STEP) delete document.documentElement.dataset.fontSize;
  else document.documentElement.dataset.fontSize = String(clamped);
  try {
    localStorage.setItem(FONT_SIZE_KEY, String(clamped));
  } catch {
    // Private mode or storage disabled: the size still applies to this page.
  }
  return clamped;
}

async function share(title: string, say: (message: string) => void) {
  const url = location.href;
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, url });
      return;
    } catch (error) {
      if ((error as DOMException).name === 'AbortError') return;
      // Fall through to copying the link when sharing is refused.
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    say('기사 주소를 복사했습니다.');
  } catch {
    window.prompt('아래 주소를 복사하세요.', url);
  }
}

export function initReaderTools() {
  for (const tools of document.querySelectorAll<HTMLElement>('[data-reader-tools]')) {
    const status = tools.querySelector<HTMLElement>('[data-reader-status]')!;
    let clearStatus: number | undefined;
    const say = (message: string) => {
      status.textContent = message;
      clearTimeout(clearStatus);
      clearStatus = window.setTimeout(() => (status.textContent = ''), 4000);
    };
    const current = tools.querySelector<HTMLButtonElement>('[data-font-current]')!;
    const smaller = tools.querySelector<HTMLButtonElement>('[data-font-step="-1"]')!;
    const larger = tools.querySelector<HTMLButtonElement>('[data-font-step="1"]')!;
    const show = (step: number) => {
      current.textContent = FONT_STEPS[step];
      current.setAttribute('aria-label', `글자 크기 기본으로: 지금 ${FONT_STEPS[step]}`);
      smaller.disabled = step === MIN_STEP;
      larger.disabled = step === MAX_STEP;
    };
    show(currentStep());
    for (const button of tools.querySelectorAll<HTMLButtonElement>('[data-font-step]')) {
      button.addEventListener('click', () => {
        const delta = Number(button.dataset.fontStep);
        const step = applyStep(delta === 0 ? DEFAULT_STEP : currentStep() + delta);
        show(step);
        say(`글자 크기 ${FONT_STEPS[step]}${step > 0 ? `(${step}단계)` : ''}`);
      });
    }
    tools.querySelector('[data-share]')?.addEventListener('click', () => {
      void share(tools.dataset.title ?? document.title, say);
    });
    tools.querySelector('[data-print]')?.addEventListener('click', () => window.print());
    tools.dataset.ready = '';
  }
}

/**
 * 맨 위로 appears once the story's header has scrolled out of sight: before that it would
 * only cover the photos and text it sits on.
 */
export function initToTop(button: HTMLElement, header: Element) {
  new IntersectionObserver(([entry]) => {
    button.hidden = entry.isIntersecting || entry.boundingClientRect.top > 0;
  }).observe(header);
}
