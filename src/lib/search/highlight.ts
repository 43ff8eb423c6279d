/**
 * Excerpts and highlights for results, built from the readable text with the same
 * tokenizer that built the index: a word is marked when the word or one of its index forms
 * starts with a query term, which is exactly when Pagefind matched it. Returns plain parts,
 * so the UI renders them as text nodes (no HTML from the index reaches the page).
 */
import { planTerms, type QueryPlan } from './query.ts';
import { normalizeWord, tokenize, type Token } from './tokenize.ts';

export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * The part of a word a plan's terms reached, as [start, end) in its surface, or undefined.
 * A term that a word or compound tail starts with marks just those letters (로봇 in
 * 로봇혁신센터, 센터 in 로봇혁신센터를); one matched through another form (initials, an
 * amount, a hanja's reading) marks the whole word.
 */
function matcher(plan: QueryPlan): (token: Token) => [number, number] | undefined {
  // Decomposed, as Pagefind compares: 시자 (typed on the way to 시장) marks 시장.
  const terms = planTerms(plan).map((t) => t.normalize('NFD'));
  return (token) => {
    const forms = [token.word, ...token.extras].filter(Boolean).map((f) => f.normalize('NFD'));
    const reached = terms.filter((t) => forms.some((f) => f.startsWith(t)));
    if (reached.length === 0) return undefined;
    // The word's letters (what Pagefind indexes) and where each sits in the surface.
    const at: number[] = [];
    const letters: string[] = [];
    let offset = 0;
    for (const ch of token.surface) {
      if (/[\p{L}\p{N}]/u.test(ch)) {
        at.push(offset);
        letters.push(normalizeWord(ch));
      }
      offset += ch.length;
    }
    let range: [number, number] | undefined;
    for (const term of reached) {
      for (let i = 0; i < letters.length; i++) {
        const rest = letters.slice(i).join('');
        const restNfd = rest.normalize('NFD');
        // Only where the index has a form: the word's start or a compound tail.
        const indexed =
          i === 0 ||
          token.extras.some((f) => rest.startsWith(f) && f.normalize('NFD').startsWith(term));
        if (!indexed || !restNfd.startsWith(term)) continue;
        let k = 1;
        while (
          !letters
            .slice(i, i + k)
            .join('')
            .normalize('NFD')
            .startsWith(term)
        )
          k++;
        const found: [number, number] = [at[i], at[i + k - 1] + letters[i + k - 1].length];
        range = range ? [Math.min(range[0], found[0]), Math.max(range[1], found[1])] : found;
        break;
      }
    }
    return range ?? [0, token.surface.length];
  };
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
  const marked = tokens.map(matches);
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
    const range = marked[i];
    if (!range) push(t.surface, false);
    else {
      push(t.surface.slice(0, range[0]), false);
      push(t.surface.slice(range[0], range[1]), true);
      push(t.surface.slice(range[1]), false);
    }
  }
  if (to < tokens.length) push(' …', false);
  return parts;
}
