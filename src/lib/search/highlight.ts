/**
 * Excerpts and highlights for results, built from the readable text with the same
 * tokenizer that built the index: a word is marked when the word or one of its index forms
 * starts with a query term, which is exactly when Pagefind matched it. Returns plain parts,
 * so the UI renders them as text nodes (no HTML from the index reaches the page).
 */
import { planTerms, type QueryPlan } from './query.ts';
import { tokenize } from './tokenize.ts';

export interface TextPart {
  text: string;
  mark: boolean;
}

function matcher(plan: QueryPlan): (forms: string[]) => boolean {
  // Decomposed, as Pagefind compares: 시자 (typed on the way to 시장) marks 시장.
  const terms = planTerms(plan).map((t) => t.normalize('NFD'));
  return (forms) =>
    forms.some((f) => f !== '' && terms.some((t) => f.normalize('NFD').startsWith(t)));
}

/** The whole text with matched words marked (for headlines). */
export function highlightText(text: string, plan: QueryPlan): TextPart[] {
  return excerptParts(text, plan, Infinity);
}

/**
 * About maxChars of text around the densest run of matches, with "…" where cut.
 * Falls back to the start of the text when nothing matches (a meta-only match).
 */
export function excerptParts(text: string, plan: QueryPlan, maxChars = 160): TextPart[] {
  const matches = matcher(plan);
  const tokens = tokenize(text);
  const marked = tokens.map((t) => matches([t.word, ...t.extras]));
  let from = 0;
  let to = tokens.length;
  if (text.length > maxChars && tokens.length > 0) {
    // Slide a window of words and keep the one with most matches.
    let best = { count: -1, start: 0 };
    for (let start = 0; start < tokens.length; start++) {
      let count = 0;
      for (
        let i = start;
        i < tokens.length && tokens[i].end - tokens[start].start <= maxChars;
        i++
      ) {
        if (marked[i]) count++;
      }
      if (count > best.count) best = { count, start };
    }
    // Start a couple of words before the first match, so it reads in context.
    from = Math.max(0, best.start - (best.count > 0 ? 2 : 0));
    to = from;
    while (to < tokens.length && tokens[to].end - tokens[from].start <= maxChars) to++;
  }
  const parts: TextPart[] = [];
  const push = (s: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += s;
    else if (s) parts.push({ text: s, mark });
  };
  if (from > 0) push('… ', false);
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (i > from) push(text.slice(tokens[i - 1].end, t.start).replace(/\s+/g, ' '), false);
    push(t.surface, marked[i]);
  }
  if (to < tokens.length) push(' …', false);
  return parts;
}
