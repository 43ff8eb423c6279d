/**
 * The named 글자 크기 steps, from the smallest (-1) to the largest (3); global.css sizes the
 * article text for each `html[data-font-size]`. Shared by the component and its script.
 */
export const FONT_STEPS: Record<number, string> = {
  [-1]: '작게',
  0: '보통',
  1: '크게',
  2: '더 크게',
  3: '가장 크게',
};
export const DEFAULT_STEP = 0;
export const MIN_STEP = -1;
export const MAX_STEP = 3;
