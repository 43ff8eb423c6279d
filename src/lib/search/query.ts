/**
 * Turns what a reader typed into a plan: every query word must be found (no silent
 * dropping of a word that matches nothing), and each word may be found in several ways.
 */
import { stripAnyEnding, stripClearEnding } from './endings.ts';
import {
  clusterCompletions,
  conjoiningInitial,
  isChoseongLetter,
  isSyllable,
  splitTrailingFinal,
} from './hangul.ts';
import { parseQuantity } from './numbers.ts';
import {
  HANJA_ABBREVIATIONS,
  normalizeWord,
  pagefindWord,
  quantityForms,
  splitScripts,
} from './tokenize.ts';

/** One way to find a query word: all terms must match the same article. */
export interface Alternative {
  terms: string[];
  /** How much a match this way counts, against the word as typed (1). */
  weight: number;
  /** The two terms must be consecutive words of the text (창업거리 written 창업 거리). */
  adjacent?: boolean;
  /** Only tried when every other way found nothing (a syllable still being typed). */
  fallback?: boolean;
  /** Whole indexed words, not prefixes: 3000억 (300000000000) must not reach 3조
   * (3000000000000), nor 3000만 원 (30000000원) reach 3000억 원. */
  exact?: boolean;
  /** A stem cut from the typed word must start a word of the text: 발표한 → 발표 must not
   * reach 개발표준 through its indexed compound tail 발표준. */
  wordStart?: boolean;
}

export interface QueryWord {
  text: string;
  alternatives: Alternative[];
}

export interface QueryPlan {
  /** Every one must be found (an OR group is one word with both words' alternatives). */
  words: QueryWord[];
  /** Articles with any of these are left out (-제외어). */
  excluded: QueryWord[];
  /** Runs of `words` indexes that must be consecutive words of the text, in order ("구절"). */
  phrases: number[][];
}

export interface PlanOptions {
  /** The last syllable is still being composed by the IME (로 → 롭 → 로봇): its final
   * consonant may be the next syllable's initial, so 롭 also looks for 로ᄇ…. */
  composing?: boolean;
}

const MAX_SPLIT_LENGTH = 8;
/** Most half-typed double finals tried for one word (달갈비: 7 for 달, 7 for 갈). */
const MAX_CLUSTER_TRIES = 24;

/** head + the first syllable's initial, as a decomposed prefix: 전기ㅊ → 전기ᄎ (hangul.ts). */
function partialTerm(head: string, consonant: string): string {
  return head + (conjoiningInitial(consonant) ?? '');
}

function hangulWord(text: string, isLast: boolean, composing: boolean): Alternative[] {
  // ㅈㄱㅊ: initials only.
  if ([...text].every(isChoseongLetter)) {
    return text.length >= 2 ? [{ terms: [text], weight: 0.8 }] : [];
  }
  // 반도ㅊ, 전기ㅊ: a syllable still being typed. 반도 followed by a syllable that starts
  // with ㅊ, as a word or as a compound tail (친환경전기차).
  const trailing = /[\u3131-\u3163]+$/.exec(text)?.[0] ?? '';
  if (trailing) {
    const head = text.slice(0, -trailing.length);
    if (!head || ![...head].every(isSyllable)) return head ? [{ terms: [head], weight: 1 }] : [];
    return [{ terms: [partialTerm(head, trailing[0])], weight: 0.9 }];
  }
  const alternatives: Alternative[] = [{ terms: [text], weight: 1 }];
  const clear = stripClearEnding(text);
  const any = stripAnyEnding(text);
  if (clear !== text) alternatives.push({ terms: [clear], weight: 0.9, wordStart: true });
  // 전문가 may be 전문 + 가; the weaker weight keeps 전문가 articles first.
  if (any !== clear) alternatives.push({ terms: [any], weight: 0.6, wordStart: true });
  // 창업거리 vs 창업 거리: every split into two words of two or more syllables.
  const stem = any;
  if (stem.length >= 4 && stem.length <= MAX_SPLIT_LENGTH && [...stem].every(isSyllable)) {
    for (let i = 2; stem.length - i >= 2; i++) {
      alternatives.push({ terms: [stem.slice(0, i), stem.slice(i)], weight: 0.8, adjacent: true });
    }
  }
  // 반돛, 롭: an IME shows the next syllable's consonant as this one's final while typing
  // 반도체 or 로봇. While composing that is likely; otherwise only when nothing else matched.
  const last = splitTrailingFinal(text[text.length - 1]);
  if (isLast && last && (composing || text.length >= 2)) {
    alternatives.push({
      terms: [partialTerm(text.slice(0, -1) + last.open, last.consonant)],
      weight: 0.7,
      fallback: !composing,
    });
  }
  // 닥갈, 달갈비 → 닭갈비; 집갑 → 집값: a double final typed halfway, one syllable at a time.
  const clusters: Alternative[] = [];
  [...text].forEach((ch, i) => {
    for (const whole of clusterCompletions(ch)) {
      const term = text.slice(0, i) + whole + text.slice(i + 1);
      clusters.push({ terms: [term], weight: 0.7, fallback: true });
    }
  });
  return [...alternatives, ...clusters.slice(0, MAX_CLUSTER_TRIES)];
}

/** A token as a plain word: NFKC, lower case, leading and trailing punctuation dropped. */
const cleanWord = (raw: string) =>
  normalizeWord(raw).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');

/** Quoted phrase, a lone | (OR), or a run of other characters. */
const TOKEN = /"([^"]*)"?|\||[^\s"|]+/g;

/**
 * Every query word with the ways to find it; words that cannot match anything are kept
 * out (punctuation), words that match nothing make the whole query match nothing.
 * Operators: "구절" (its words in order; the last may carry a particle), -제외어, A | B and
 * A OR B (either word).
 */
export function planQuery(query: string, options: PlanOptions = {}): QueryPlan {
  const plan: QueryPlan = { words: [], excluded: [], phrases: [] };
  const tokens = [...query.matchAll(TOKEN)];
  let run: string[] = [];
  let orPending = false;
  const add = (found: QueryWord[]) => {
    if (found.length === 0) return;
    const previous = plan.words[plan.words.length - 1];
    if (orPending && previous) {
      const [first, ...rest] = found;
      plan.words[plan.words.length - 1] = {
        text: `${previous.text} | ${first.text}`,
        alternatives: [...previous.alternatives, ...first.alternatives],
      };
      plan.words.push(...rest);
    } else plan.words.push(...found);
    orPending = false;
  };
  const flush = (atEnd: boolean) => {
    if (run.length) add(planWords(run, atEnd && !!options.composing, atEnd));
    run = [];
  };
  tokens.forEach((token, t) => {
    const atEnd = t === tokens.length - 1;
    const raw = token[0];
    if (token[1] !== undefined) {
      flush(false);
      const phrase = phraseWords(token[1]);
      const first = plan.words.length;
      add(phrase);
      if (phrase.length > 1) plan.phrases.push(phrase.map((_, i) => first + i));
    } else if (raw === '|' || raw === 'OR') {
      flush(false);
      orPending = plan.words.length > 0;
    } else if (raw.length > 1 && raw.startsWith('-')) {
      flush(false);
      plan.excluded.push(...planWords([raw.slice(1)], false, false));
    } else {
      run.push(raw);
      if (atEnd) flush(true);
    }
  });
  flush(true);
  return plan;
}

/** The words of a quoted phrase, each as written: all but the last as whole words. */
function phraseWords(text: string): QueryWord[] {
  const words = text
    .split(/\s+/)
    .map((w) => pagefindWord(cleanWord(w)))
    .filter(Boolean);
  return words.map((word, i) => ({
    text: word,
    alternatives: [{ terms: [word], weight: 1, ...(i < words.length - 1 ? { exact: true } : {}) }],
  }));
}

/** Plain words (no operators); numbers may span several (4만 5000 ㎡). */
function planWords(raw: string[], composing: boolean, atEnd: boolean): QueryWord[] {
  const rawWords = raw.map(cleanWord).filter(Boolean);
  const words: QueryWord[] = [];
  for (let i = 0; i < rawWords.length; i++) {
    const isLast = atEnd && i === rawWords.length - 1;
    const quantity = parseQuantity(rawWords.slice(i, i + 3));
    if (quantity) {
      const forms = quantityForms(quantity.value, quantity.unit);
      const text = rawWords.slice(i, i + quantity.words).join(' ');
      // With a magnitude (조 억 만 천 백) the reader means that amount only. (A unit alone,
      // 300km, stays a prefix: the index drops forms a text word already starts with.)
      const exact = /[조억만천백]/.test(text);
      words.push({
        text,
        alternatives: [{ terms: [forms[forms.length - 1]], weight: 1, ...(exact && { exact }) }],
      });
      i += quantity.words - 1;
      const restIsLast = atEnd && i === rawWords.length - 1;
      if (quantity.rest) pushPieces(words, quantity.rest, restIsLast, composing);
      continue;
    }
    pushPieces(words, rawWords[i], isLast, composing);
  }
  return words.filter((w) => w.alternatives.length > 0);
}

function pushPieces(words: QueryWord[], word: string, isLast: boolean, composing: boolean) {
  const pieces = splitScripts(word);
  pieces.forEach((piece, index) => {
    const last = isLast && index === pieces.length - 1;
    if (piece.kind === 'hangul') {
      words.push({ text: piece.text, alternatives: hangulWord(piece.text, last, composing) });
    } else if (piece.kind === 'hanja') {
      for (const ch of piece.text) {
        const reading = HANJA_ABBREVIATIONS[ch];
        words.push({ text: ch, alternatives: [{ terms: [reading ?? ch], weight: 1 }] });
      }
    } else {
      words.push({ text: piece.text, alternatives: [{ terms: [piece.text], weight: 1 }] });
    }
  });
}

/** Every term of a plan, for highlighting. */
export function planTerms(plan: QueryPlan): string[] {
  return [...new Set(plan.words.flatMap((w) => w.alternatives.flatMap((a) => a.terms)))];
}
