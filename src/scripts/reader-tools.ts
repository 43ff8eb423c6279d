/** Browser code for ReaderTools.astro: font size (remembered), share, print. */
export const FONT_SIZE_KEY = 'article-font-size';
const MIN_STEP = -1;
const MAX_STEP = 3;

function currentStep(): number {
  return Number(document.documentElement.dataset.fontSize ?? '0');
}

function applyStep(step: number) {
  const clamped = Math.min(MAX_STEP, Math.max(MIN_STEP, step));
  if (clamped === 0) delete document.documentElement.dataset.fontSize;
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
    const say = (message: string) => {
      status.textContent = message;
    };
    for (const button of tools.querySelectorAll<HTMLButtonElement>('[data-font-step]')) {
      button.addEventListener('click', () => {
        const delta = Number(button.dataset.fontStep);
        const step = applyStep(delta === 0 ? 0 : currentStep() + delta);
        say(`글자 크기 ${step === 0 ? '기본' : step > 0 ? `${step}단계 크게` : '작게'}`);
      });
    }
    tools.querySelector('[data-share]')?.addEventListener('click', () => {
      void share(tools.dataset.title ?? document.title, say);
    });
    tools.querySelector('[data-print]')?.addEventListener('click', () => window.print());
    tools.hidden = false;
  }
}
