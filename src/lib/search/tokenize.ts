/**
 * The one Korean tokenizer of the site, run at build time (Node) on every article and in
 * the browser on every query and result, so the index and the queries cannot disagree.
 *
 * Pagefind itself already indexes each space-separated word (lower-cased, punctuation
 * dropped) and matches query words as prefixes of them. This module adds, per word, the
 * extra forms Pagefind cannot derive: compound tails, initial consonants, hanja headline
 * abbreviations, canonical quantities and the pieces of Latin+Hangul words.
 */
import { isEnding, stripClearEnding } from './endings.ts';
import { choseong } from './hangul.ts';
import { parseQuantity } from './numbers.ts';

/** Headline hanja abbreviations; only these, because each has one reading in news. */
export const HANJA_ABBREVIATIONS: Readonly<Record<string, string>> = {
  中: '중국',
  美: '미국',
  日: '일본',
  北: '북한',
  與: '여당',
  野: '야당',
  韓: '한국',
  英: '영국',
  獨: '독일',
  佛: '프랑스',
  露: '러시아',
};

/** NFKC (㎡→m2, full-width → ASCII) except compatibility jamo, which NFKC would turn into
 * conjoining jamo that no IME produces; then lower case. */
export function normalizeWord(word: string): string {
  return word.replace(/[^\u3131-\u318e]+/g, (s) => s.normalize('NFKC')).toLowerCase();
}

/** The word as Pagefind indexes it: punctuation and symbols dropped. */
export function pagefindWord(normalized: string): string {
  return normalized.replace(/[^\p{L}\p{N}_]/gu, '');
}

export type PieceKind = 'hangul' | 'latin' | 'hanja' | 'other';
export interface Piece {
  kind: PieceKind;
  text: string;
  /** Not at the start of its word: Pagefind's prefix match cannot reach it. */
  glued: boolean;
}

const RUN = /([\uac00-\ud7a3\u3131-\u318e]+)|([a-z0-9]+)|(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;

/** 로봇혁신센터를 → [hangul 로봇혁신센터를]; kic중국센터 → [latin kic, hangul 중국센터]. */
export function splitScripts(normalized: string): Piece[] {
  const pieces: Piece[] = [];
  let first = true;
  for (const m of normalized.matchAll(RUN)) {
    const kind: PieceKind = m[1] ? 'hangul' : m[2] ? 'latin' : m[3] ? 'hanja' : 'other';
    pieces.push({ kind, text: m[0], glued: !first || m.index !== 0 });
    first = false;
  }
  return pieces;
}

/** Shortest compound tail worth indexing: one syllable would match almost anything. */
const MIN_TAIL = 2;

/**
 * Fewest syllables for an initials form. ㅅㅌ or ㅂㅅ stand for hundreds of words each and
 * were a quarter of all index forms (and of Pagefind's memory) at 10,000 articles; a reader
 * types three or more initials to find a name or a compound (ㅈㄱㅊ → 중관촌).
 */
export const MIN_INITIALS = 3;

/** Extra index forms of one Hangul run (not the run itself, which Pagefind has). */
export function hangulForms(run: string, glued: boolean): string[] {
  const forms: string[] = [];
  if (glued && run.length >= 2) forms.push(run);
  const stem = stripClearEnding(run);
  // 로봇혁신센터 → 봇혁신센터, 혁신센터, 신센터, 센터: with Pagefind's prefix match a query
  // then finds any part of a compound written without spaces.
  // A tail that is only an ending (말했다 → 했다) is no compound part, nor is one that starts
  // with the plural 들 (시민들이 → 들이): skip them.
  for (let i = 1; stem.length - i >= MIN_TAIL; i++) {
    const tail = stem.slice(i);
    if (!isEnding(tail) && !tail.startsWith('들')) forms.push(tail);
  }
  const initials = choseong(stem);
  if (initials.length >= MIN_INITIALS && initials.length === stem.length) forms.push(initials);
  return forms;
}

export interface Token {
  /** The word as written, for display. */
  surface: string;
  start: number;
  end: number;
  /** What Pagefind indexes for this word by itself ('' for punctuation alone). */
  word: string;
  /** Our extra forms for this word. */
  extras: string[];
}

/** Extra forms of one normalized word's pieces (quantities are handled by the caller). */
function pieceForms(pieces: Piece[]): string[] {
  const forms: string[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'hangul') forms.push(...hangulForms(piece.text, piece.glued));
    else if (piece.kind === 'hanja') {
      for (const ch of piece.text) {
        const reading = HANJA_ABBREVIATIONS[ch];
        if (reading) forms.push(reading);
      }
    } else if (piece.glued) forms.push(piece.text);
  }
  return forms;
}

/** Index forms of a quantity: 45000 and 45000m2. */
export function quantityForms(value: string, unit: string): string[] {
  return unit ? [value, value + unit] : [value];
}

/** Each extra form once, and not the word itself. */
const distinctExtras = (extras: string[], word: string) =>
  [...new Set(extras)].filter((f) => f !== word);

/** What tokenize derives from a word by itself, whatever its neighbours. */
interface WordForms {
  word: string;
  /** Its pieces' extra forms, deduplicated, without the word itself. */
  extras: string[];
  /** The word as a quantity reads it, when it can start one (a digit first). */
  quantityText: string;
}

/**
 * Words repeat: an article of 400 words has ~250 distinct ones, a 10,000-article archive
 * ~100,000. Each distinct word is analysed once (the build's tokenizing took 17.9 s of
 * 10,000 articles without this); the cache is emptied when it reaches its bound.
 */
const wordCache = new Map<string, WordForms>();
const WORD_CACHE_LIMIT = 200_000;

function wordForms(surface: string): WordForms {
  let forms = wordCache.get(surface);
  if (forms) return forms;
  const normalized = normalizeWord(surface);
  const word = pagefindWord(normalized);
  forms = {
    word,
    extras: distinctExtras(pieceForms(splitScripts(normalized)), word),
    quantityText: pagefindQuantityText(normalized),
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(surface, forms);
  return forms;
}

/** Splits text into space-separated words with their index forms. */
export function tokenize(text: string): Token[] {
  const raw = [...text.matchAll(/\S+/g)].map((m) => ({
    surface: m[0],
    start: m.index,
    end: m.index + m[0].length,
    forms: wordForms(m[0]),
  }));
  const tokens: Token[] = raw.map((r) => ({
    surface: r.surface,
    start: r.start,
    end: r.end,
    word: r.forms.word,
    extras: [],
  }));
  for (let i = 0; i < raw.length; i++) {
    const quantity = /^\d/.test(raw[i].forms.quantityText)
      ? parseQuantity(raw.slice(i, i + 3).map((r) => r.forms.quantityText))
      : undefined;
    if (quantity) {
      const forms = quantityForms(quantity.value, quantity.unit);
      // The phrase's words all carry the canonical forms, so any of them gets highlighted.
      for (let j = i; j < i + quantity.words; j++) tokens[j].extras.push(...forms);
      const last = i + quantity.words - 1;
      if (quantity.rest) {
        const pieces = splitScripts(quantity.rest).map((p) => ({ ...p, glued: true }));
        tokens[last].extras.push(...pieceForms(pieces));
      }
      for (let j = i; j < i + quantity.words; j++) {
        const token = tokens[j];
        token.extras = distinctExtras(token.extras, token.word);
      }
      i = last;
      continue;
    }
    tokens[i].extras = [...raw[i].forms.extras];
  }
  return tokens;
}

/** Keeps what a quantity needs (digits, separators, units) and drops quotes and brackets. */
function pagefindQuantityText(normalized: string): string {
  return normalized.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}%°.,]+$/u, '');
}
