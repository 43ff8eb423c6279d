/**
 * Turns what a reader typed into a plan: every query word must be found (no silent
 * dropping of a word that matches nothing), and each word may be found in several ways.
 */
import { stripAnyEnding, stripClearEnding } from './endings.ts';
import { choseong, isChoseongLetter, isSyllable, splitTrailingFinal } from './hangul.ts';
import { parseQuantity } from './numbers.ts';
import {
  HANJA_ABBREVIATIONS,
  MIN_INITIALS,
  normalizeWord,
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
}

export interface QueryWord {
  text: string;
  alternatives: Alternative[];
}

export interface QueryPlan {
  words: QueryWord[];
}

const MAX_SPLIT_LENGTH = 8;

function hangulWord(text: string, isLast: boolean): Alternative[] {
  // ㅈㄱㅊ: initials only.
  if ([...text].every(isChoseongLetter)) {
    return text.length >= 2 ? [{ terms: [text], weight: 0.8 }] : [];
  }
  // 반도ㅊ: a syllable still being typed. The article must have a word starting with 반도
  // and a word whose initials start with ㅂㄷㅊ.
  const trailing = /[\u3131-\u3163]+$/.exec(text)?.[0] ?? '';
  if (trailing) {
    const head = text.slice(0, -trailing.length);
    if (!head || ![...head].every(isSyllable)) return head ? [{ terms: [head], weight: 1 }] : [];
    const initials = choseong(head) + trailing[0];
    // Initials are indexed only from three syllables on (tokenize.ts): 쉼ㅌ looks for 쉼 alone.
    const terms =
      isChoseongLetter(trailing[0]) && initials.length >= MIN_INITIALS ? [head, initials] : [head];
    return [{ terms, weight: 0.9 }];
  }
  const alternatives: Alternative[] = [{ terms: [text], weight: 1 }];
  const clear = stripClearEnding(text);
  const any = stripAnyEnding(text);
  if (clear !== text) alternatives.push({ terms: [clear], weight: 0.9 });
  // 전문가 may be 전문 + 가; the weaker weight keeps 전문가 articles first.
  if (any !== clear) alternatives.push({ terms: [any], weight: 0.6 });
  // 창업거리 vs 창업 거리: every split into two words of two or more syllables.
  const stem = any;
  if (stem.length >= 4 && stem.length <= MAX_SPLIT_LENGTH && [...stem].every(isSyllable)) {
    for (let i = 2; stem.length - i >= 2; i++) {
      alternatives.push({ terms: [stem.slice(0, i), stem.slice(i)], weight: 0.8, adjacent: true });
    }
  }
  // 반돛: an IME shows the next syllable's consonant as this one's final while typing 반도체.
  const last = splitTrailingFinal(text[text.length - 1]);
  if (isLast && last && text.length >= 2) {
    const head = text.slice(0, -1) + last.open;
    alternatives.push({
      terms: [head, choseong(head) + last.consonant],
      weight: 0.7,
      fallback: true,
    });
  }
  return alternatives;
}

/** Every query word with the ways to find it; words that cannot match anything are kept
 * out (punctuation), words that match nothing make the whole query match nothing. */
export function planQuery(query: string): QueryPlan {
  const rawWords = query
    .split(/\s+/)
    .map(normalizeWord)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter(Boolean);
  const words: QueryWord[] = [];
  for (let i = 0; i < rawWords.length; i++) {
    const quantity = parseQuantity(rawWords.slice(i, i + 3));
    if (quantity) {
      const forms = quantityForms(quantity.value, quantity.unit);
      words.push({
        text: rawWords.slice(i, i + quantity.words).join(' '),
        alternatives: [{ terms: [forms[forms.length - 1]], weight: 1 }],
      });
      i += quantity.words - 1;
      if (quantity.rest) pushPieces(words, quantity.rest, i === rawWords.length - 1);
      continue;
    }
    pushPieces(words, rawWords[i], i === rawWords.length - 1);
  }
  return { words: words.filter((w) => w.alternatives.length > 0) };
}

function pushPieces(words: QueryWord[], word: string, isLast: boolean) {
  const pieces = splitScripts(word);
  pieces.forEach((piece, index) => {
    const last = isLast && index === pieces.length - 1;
    if (piece.kind === 'hangul') {
      words.push({ text: piece.text, alternatives: hangulWord(piece.text, last) });
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
