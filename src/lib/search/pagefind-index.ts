/**
 * Pagefind 1.6's indexing of custom records (pagefind/src/fossick, pagefind/src/index), in
 * TypeScript, for the one language and the options this site uses: the same words, page
 * numbers, locations, filters, sorts and page ids as Pagefind's service, so Pagefind's own
 * browser runtime reads the result (tests/unit/pagefind-index.test.ts compares the two on the
 * search fixtures' records and on records of odd words, markers and fields).
 *
 * Why not Pagefind's service: at 10,000 articles it was ~45 s of CPU on one core, most of it
 * in work this site throws away (every file compressed at gzip's best level, then
 * decompressed and cut again by scripts/pagefind-bundle.ts; whole fragments that are replaced
 * by result-sized ones; every record cloned twice). This gives the parts the bundle is made
 * of, uncompressed, and runs on our own threads.
 *
 * Only Pagefind 1.6.0's format (PAGEFIND_FORMAT) and its default options; no stemmer (none
 * exists for Korean), no HTML: records as `addCustomRecord` takes them, all of one language.
 */
import { createHash } from 'node:crypto';
import { encode } from 'cbor2';
import { CborWriter } from './cbor.ts';
import type { PagefindFragment } from './fragment.ts';
import type { SearchRecord } from './record.ts';

export const PAGEFIND_FORMAT = '1.6.0';

/** Pagefind 1.6's pf_meta: [version, pages, index chunks, filters, sorts, meta fields]. */
export type MetaIndex = [
  version: string,
  /** The third field is empty for every custom record Pagefind 1.6.0 indexes. */
  pages: [id: string, wordCount: number, unknown: string][],
  chunks: [from: string, to: string, hash: string][],
  filters: [filter: string, hash: string][],
  sorts: [sort: string, pages: number[]][],
  metaFields: string[],
];

/** What a bundle is made of before its word index is cut into chunks. */
export interface IndexParts {
  language: string;
  /** With no index chunks yet. */
  meta: MetaIndex;
  /** Each word's CBOR entry, in Pagefind's order (by UTF-8 bytes), and the pages that have
   * it with its weighted count on each (for the directory, directory.ts). */
  words: { word: string; encoded: Uint8Array; pages: number[]; counts: number[] }[];
  /** pf_filter payloads (CBOR) by file name hash. */
  filters: Map<string, Uint8Array>;
  /** Pagefind's fragment of each page, by page id, in page order, and its record's lead. */
  fragments: { id: string; fragment: PagefindFragment; lead?: string }[];
}

// ---------------------------------------------------------------------------------------
// Words (pagefind/src/fossick/splitting.rs)

/** Rust's char::is_whitespace (Unicode White_Space), which str::split_whitespace splits at. */
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const splitWhitespace = (text: string) => text.split(WHITESPACE).filter((w) => w !== '');

const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
/** Pagefind's default `includeCharacters` (its WORD_SYMBOLS, Unicode's connector punctuation). */
const WORD_SYMBOLS = /[\p{Alphabetic}\p{N}_\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f]/u;
const UPPERCASE = /\p{Uppercase}/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const COMBINING_MARKS = /\p{M}/gu;
/** The `regex` crate's \p{Emoji}: digits, # and * are Emoji too. */
const EMOJI = /\p{Emoji}/u;
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The decomposed form without combining marks, when it differs (any Hangul does: NFD
 * spells a syllable as its jamo). */
function withoutDiacritics(word: string): string | undefined {
  if (/^[\0-\x7f]*$/.test(word)) return undefined;
  const normalized = word.normalize('NFD').replace(COMBINING_MARKS, '');
  return normalized === word ? undefined : normalized;
}

const isLowercase = (g: string) => g.toUpperCase() !== g.toLowerCase() && g === g.toLowerCase();
const isUppercase = (g: string) => g.toUpperCase() !== g.toLowerCase() && g === g.toUpperCase();
const isDigit = (g: string) => /^[0-9]+$/.test(g);

/** convert_case 0.11's `to_case(Case::Lower)` with its default boundaries (the input has no
 * `_` or `-` left, so of the separators only the space matters). */
function lowerCaseWords(text: string): string {
  const gs = Array.from(graphemes.segment(text), (s) => s.segment);
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i < gs.length; i++) {
    const [a, b, c] = [gs[i], gs[i + 1], gs[i + 2]];
    if (a === ' ') {
      words.push(gs.slice(start, i).join(''));
      start = i + 1;
    } else if (
      b !== undefined &&
      ((isLowercase(a) && (isUppercase(b) || isDigit(b))) ||
        (isUppercase(a) && isDigit(b)) ||
        (isDigit(a) && (isLowercase(b) || isUppercase(b))) ||
        (isUppercase(a) && isUppercase(b) && c !== undefined && isLowercase(c)))
    ) {
      words.push(gs.slice(start, i + 1).join(''));
      start = i + 1;
    }
  }
  words.push(gs.slice(start).join(''));
  return words.map((w) => w.toLowerCase()).join(' ');
}

/** The emoji crate's `get`, for the graphemes a word could hold. */
const isEmoji = (g: string) =>
  RGI_EMOJI.test(g) || RGI_EMOJI.test(g.replace(/\ufe0f/g, '') + '\ufe0f');

interface IndexableWord {
  /** What the index is keyed by. */
  stemmed: string;
  /** The word before diacritics were dropped, when that changed it. */
  original?: string;
  compoundPart: boolean;
}

const byteLength = (s: string) => Buffer.byteLength(s);

/** get_indexable_words, without a stemmer and with the default included characters. */
function indexableWords(raw: string): IndexableWord[] {
  const results: IndexableWord[] = [];
  let normalized = '';
  for (const c of raw) {
    if (!WORD_SYMBOLS.test(c)) continue;
    if (c >= 'A' && c <= 'Z') normalized += c.toLowerCase();
    else normalized += UPPERCASE.test(c) ? c.toLowerCase() : c;
  }
  if (normalized !== '') {
    const plain = withoutDiacritics(normalized);
    results.push({
      stemmed: plain ?? normalized,
      original: plain && normalized,
      compoundPart: false,
    });
  }
  const chars = [...raw];
  const possiblyCompound =
    chars.some((c) => !ALPHANUMERIC.test(c)) || chars.slice(1).some((c) => UPPERCASE.test(c));
  if (!possiblyCompound) return results;

  const parts = splitWhitespace(lowerCaseWords(raw.replace(ASCII_PUNCTUATION, ' '))).join(' ');
  if (normalized !== '' && (parts.includes(' ') || !normalized.startsWith(parts))) {
    for (const part of parts.split(' ')) {
      if (byteLength(part) <= 1) continue;
      const plain = withoutDiacritics(part);
      results.push({ stemmed: plain ?? part, original: plain && part, compoundPart: true });
    }
  }
  if (EMOJI.test(raw)) {
    for (const { segment } of graphemes.segment(raw)) {
      if (isEmoji(segment)) results.push({ stemmed: segment, compoundPart: false });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------
// Order and names

/** Rust's string order: by code point (UTF-8 bytes), not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate is half of a code point past U+FFFF: after every other unit.
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const sortedEntries = <T>(record: Record<string, T>) =>
  Object.entries(record).sort(([a], [b]) => compareCodePoints(a, b));

/** Pagefind's full_hash: SHA-1, each byte in hex without its leading zero. */
function fullHash(data: string | Uint8Array): string {
  let hex = '';
  for (const byte of createHash('sha1').update(data).digest()) hex += byte.toString(16);
  return hex;
}

// ---------------------------------------------------------------------------------------
// The index (pagefind/src/fossick/mod.rs and pagefind/src/index/mod.rs)

/**
 * A word's (or a variant's) page list, encoded as it grows: per page the delta from the
 * page before, then the locations and the meta locations, each with its length first.
 * Numbers in one array, not an array per page: a 3,000-article shard has ~1.2 million
 * (word, page) entries, and as arrays their allocation was most of the step's time.
 */
class PageList {
  count = 0;
  last = 0;
  stream: number[] = [];

  /** Adds a page: its text's [weight, position] pairs and its meta fields' [field,
   * position] pairs, both by position (pushLocations, pushMetaLocations). */
  add(page: number, text: Run, meta: Run) {
    const s = this.stream;
    s.push(page - this.last);
    this.last = page;
    this.count++;
    pushLocations(s, text);
    pushMetaLocations(s, meta);
  }

  /**
   * Each page and its weighted count of the word there, into `tally` (page → count): text
   * locations at their weight (WEIGHT_UNIT is 1), meta locations at their field's weight.
   */
  tally(tally: Map<number, number>, fieldWeights: readonly number[]) {
    const s = this.stream;
    let page = 0;
    for (let i = 0; i < s.length;) {
      page += s[i++];
      let count = 0;
      let weight = 25;
      for (const end = i + 1 + s[i++]; i < end; i++) {
        // A weight change: -(weight + 1), then the absolute position.
        if (s[i] < 0) weight = -s[i++] - 1;
        count += weight / WEIGHT_UNIT;
      }
      let field = 0;
      for (const end = i + 1 + s[i++]; i < end; i++) {
        if (s[i] < 0) field = -s[i] - 1;
        else count += fieldWeights[field] ?? 1;
      }
      tally.set(page, (tally.get(page) ?? 0) + count);
    }
  }

  write(writer: CborWriter) {
    writer.array(this.count);
    const s = this.stream;
    let i = 0;
    while (i < s.length) {
      writer.array(3);
      writer.int(s[i++]);
      for (let part = 0; part < 2; part++) {
        const length = s[i++];
        writer.array(length);
        for (const end = i + length; i < end; i++) writer.int(s[i]);
      }
    }
  }
}

/**
 * A page's locations of a word as Pagefind writes them: ordered by weight (its usual 25
 * first) then position; a weight change inline as -(weight + 1) and the absolute position,
 * otherwise the delta from the last position; their count first.
 */
function pushLocations(s: number[], pairs: Run) {
  const at = s.push(0) - 1;
  const order = weightOrder(pairs);
  const values = pairs.values;
  let weight = 25;
  let last = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    const i = order ? order[k / 2] : k;
    const w = values[i];
    const position = values[i + 1];
    if (w !== weight) {
      s.push(-w - 1, position);
      weight = w;
    } else s.push(position - last);
    last = position;
  }
  s[at] = s.length - at - 1;
}

/** A page's meta locations of a word, already in (field, position) order: a field change
 * as -(field + 1), positions as deltas within the field; their count first. */
function pushMetaLocations(s: number[], pairs: Run) {
  const at = s.push(0) - 1;
  const values = pairs.values;
  let field = -1;
  let last = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (values[i] !== field) {
      field = values[i];
      s.push(-field - 1);
      last = 0;
    }
    s.push(values[i + 1] - last);
    last = values[i + 1];
  }
  s[at] = s.length - at - 1;
}

/** The order of [weight, position] pairs Pagefind writes, or undefined when they all have
 * one weight (they arrive by position, so that is already the order). */
function weightOrder(pairs: Run): number[] | undefined {
  const values = pairs.values;
  let mixed = false;
  for (let i = 2; i < pairs.length && !mixed; i += 2) mixed = values[i] !== values[0];
  if (!mixed) return undefined;
  const key = (i: number) => (values[i] === 25 ? 0 : values[i]);
  return Array.from({ length: pairs.length / 2 }, (_, k) => 2 * k).sort(
    (a, b) => key(a) - key(b) || values[a + 1] - values[b + 1] || a - b,
  );
}

/** One way a word is indexed: its word's number and, for a variant, its form's. */
interface Slot {
  word: number;
  /** -1 for the word itself (no diacritics dropped). */
  form: number;
  compoundPart: boolean;
}

/**
 * The shard's words and forms by number, the split of each distinct raw word (words repeat
 * across a shard's articles, so each is split once) and the index being built.
 */
class ShardIndex {
  readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  readonly wordLists: PageList[] = [];
  /** Each word's variants' form numbers, in the order Pagefind adds them. */
  readonly wordForms: number[][] = [];
  readonly forms: { form: string; list: PageList }[] = [];
  private readonly formIds = new Map<string, number>();
  private readonly splits = new Map<string, Slot[]>();

  slots(raw: string): Slot[] {
    let slots = this.splits.get(raw);
    if (!slots) {
      slots = indexableWords(raw).map((w) => {
        const word = this.wordId(w.stemmed);
        return {
          word,
          form: w.original === undefined ? -1 : this.formId(word, w.original),
          compoundPart: w.compoundPart,
        };
      });
      this.splits.set(raw, slots);
    }
    return slots;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      this.wordIds.set(word, id);
      this.wordLists.push(new PageList());
      this.wordForms.push([]);
    }
    return id;
  }

  private formId(word: number, form: string): number {
    const key = `${word}\0${form}`;
    let id = this.formIds.get(key);
    if (id === undefined) {
      id = this.forms.push({ form, list: new PageList() }) - 1;
      this.formIds.set(key, id);
    }
    return id;
  }
}

const PRIVATE_PAGEFIND = /___PAGEFIND_\S+\s?/gu;
/** Pagefind's weight 1 (its multiplier); at most 10. */
const WEIGHT_UNIT = 24;

/** Rust's `as u8` of a float: truncated and saturated. */
const toU8 = (n: number) => (Number.isNaN(n) ? 0 : Math.min(255, Math.max(0, Math.trunc(n))));

/** Rust's `str::parse::<f32>()`, closely enough for a weight or a numeric sort value. */
const isNumber = (text: string) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text);

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf(':');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * A record's words as Pagefind's fossicker reads its text: each word (zero-width spaces
 * dropped) with its position and weight; Pagefind's own markers, which its HTML reader
 * writes into the text, change the weight or add an anchor instead.
 */
function* textWords(content: string, anchors: PagefindFragment['anchors']) {
  let position = 0;
  const weights = [WEIGHT_UNIT];
  for (const word of splitWhitespace(content)) {
    if (word.startsWith('___PAGEFIND_ANCHOR___')) {
      const [element, id] = splitOnce(word.replaceAll('___PAGEFIND_ANCHOR___', ''));
      const [, elementId] = id === undefined ? [] : splitOnce(id);
      if (elementId !== undefined)
        anchors.push({ element, id: elementId, text: '', location: position });
    } else if (word.startsWith('___PAGEFIND_WEIGHT___')) {
      const text = word.replaceAll('___PAGEFIND_WEIGHT___', '');
      const weight = isNumber(text) ? Number(text) : 1;
      weights.push(weight <= 0 ? 0 : Math.max(1, toU8(Math.min(weight, 10) * WEIGHT_UNIT)));
    } else if (word.startsWith('___PAGEFIND_AUTO_WEIGHT___')) {
      // Applies only outside an explicitly weighted block, which it otherwise inherits.
      const text = word.replaceAll('___PAGEFIND_AUTO_WEIGHT___', '');
      const weight = isNumber(text) ? Number(text) : 1;
      weights.push(
        weights.length === 1
          ? toU8(Math.min(Math.max(weight, 0), 10) * WEIGHT_UNIT)
          : (weights.at(-1) ?? 0),
      );
    } else if (word.startsWith('___END_PAGEFIND_WEIGHT___')) weights.pop();
    else {
      const base = word.includes('\u200b') ? word.replaceAll('\u200b', '') : word;
      if (base !== '') yield { word: base, position: position++, weight: weights.at(-1) ?? 1 };
    }
  }
}

/** Pagefind leaves out a page whose text has no word to index. */
const hasIndexedText = (record: SearchRecord, index: ShardIndex) => {
  for (const { word } of textWords(record.content, []))
    if (index.slots(word).length > 0) return true;
  return false;
};

/**
 * Numbers gathered for one page, kept from page to page: emptied by setting `length`, then
 * written over, so a page does not allocate or shrink arrays (resetting five arrays per word
 * and page with `array.length = 0` was a fifth of buildIndexParts).
 */
class Run {
  values: number[] = [];
  length = 0;

  push(value: number) {
    this.values[this.length++] = value;
  }

  pushPair(a: number, b: number) {
    this.values[this.length++] = a;
    this.values[this.length++] = b;
  }
}

/** A word's or a variant's locations on the page being read. */
class PageEntry {
  /** The page they belong to; older ones are stale. */
  page = -1;
  readonly text = new Run();
  readonly meta = new Run();
}

/** A word's locations on the page, and the forms (variants) it was written in there. */
class WordEntry extends PageEntry {
  readonly forms = new Run();
}

/**
 * The locations of one page, gathered per word and form, then added to the index in the
 * order Pagefind adds them.
 */
class PageLocations {
  private page = -1;
  private readonly touched: number[] = [];
  private readonly words: WordEntry[] = [];
  private readonly forms: PageEntry[] = [];

  private readonly index: ShardIndex;

  constructor(index: ShardIndex) {
    this.index = index;
  }

  start(page: number) {
    this.page = page;
    this.touched.length = 0;
  }

  private entry(slot: Slot): PageEntry {
    const word = (this.words[slot.word] ??= new WordEntry());
    if (word.page !== this.page) {
      word.page = this.page;
      this.touched.push(slot.word);
      word.text.length = word.meta.length = word.forms.length = 0;
    }
    if (slot.form < 0) return word;
    const form = (this.forms[slot.form] ??= new PageEntry());
    if (form.page !== this.page) {
      form.page = this.page;
      word.forms.push(slot.form);
      form.text.length = form.meta.length = 0;
    }
    return form;
  }

  addText(slot: Slot, weight: number, position: number) {
    this.entry(slot).text.pushPair(weight, position);
  }

  addMeta(slot: Slot, field: number, position: number) {
    this.entry(slot).meta.pushPair(field, position);
  }

  /**
   * Pagefind makes each page's entry of a word, then appends it: the text's variants first
   * (by form), then those only the meta fields have (by form); a variant new to the word
   * goes after the word's others.
   */
  flush() {
    const { index, page } = this;
    const byForm = (a: number, b: number) =>
      compareCodePoints(index.forms[a].form, index.forms[b].form);
    for (const w of this.touched) {
      const word = this.words[w];
      if (word.text.length > 0 || word.meta.length > 0) {
        index.wordLists[w].add(page, word.text, word.meta);
      }
      const count = word.forms.length;
      if (count === 0) continue;
      // Most words have one form on a page (a Hangul word, keyed by its jamo): nothing to order.
      if (count === 1) {
        this.addForm(w, word.forms.values[0]);
        continue;
      }
      const forms = word.forms.values.slice(0, count);
      for (const f of [
        ...forms.filter((f) => this.forms[f].text.length > 0).sort(byForm),
        ...forms.filter((f) => this.forms[f].text.length === 0).sort(byForm),
      ]) {
        this.addForm(w, f);
      }
    }
  }

  private addForm(w: number, f: number) {
    const { index } = this;
    const known = index.wordForms[w];
    if (!known.includes(f)) known.push(f);
    index.forms[f].list.add(this.page, this.forms[f].text, this.forms[f].meta);
  }
}

/**
 * Pagefind's index of `records`, taken in order (a later record with the same URL replaces
 * the earlier one in its place, as Pagefind does).
 */
export function buildIndexParts(
  records: readonly SearchRecord[],
  /** Meta fields' weights for the words' weighted counts (the search's ranking options). */
  metaWeights: Readonly<Record<string, number>> = {},
): IndexParts {
  const languages = new Set(records.map((r) => r.language));
  if (languages.size > 1) throw new Error(`검색 색인: 언어가 섞였습니다 (${[...languages]})`);
  const language = records[0]?.language ?? 'unknown';
  const index = new ShardIndex();
  const pages = [...new Map(records.map((r) => [r.url, r])).values()].filter((record) =>
    hasIndexedText(record, index),
  );
  const tidy = (value: string) => value.replace(PRIVATE_PAGEFIND, '');
  const metaOf = (record: SearchRecord) =>
    sortedEntries(record.meta).map(([k, v]) => [k, tidy(v)] as const);
  const metaFields = [...new Set(pages.flatMap((r) => Object.keys(r.meta)))].sort(
    compareCodePoints,
  );
  const fieldIds = new Map(metaFields.map((field, i) => [field, i]));
  const fieldWeights = metaFields.map((field) => metaWeights[field] ?? 1);

  const sortKeys = [...new Set(pages.flatMap((r) => Object.keys(r.sort)))].sort(compareCodePoints);
  const sorts: MetaIndex[4] = sortKeys.map((key) => {
    const values = pages.flatMap((r, n) => (key in r.sort ? [[r.sort[key], n] as const] : []));
    if (values.every(([v]) => isNumber(v))) {
      values.sort(([a], [b]) => Math.fround(Number(a)) - Math.fround(Number(b)));
    } else values.sort(([a], [b]) => compareCodePoints(a, b));
    return [key, values.map(([, n]) => n)];
  });

  const locations = new PageLocations(index);
  const filterPages = new Map<string, Map<string, number[]>>();
  const fragments: IndexParts['fragments'] = [];
  const ids = new Map<string, string>();
  pages.forEach((record, number) => {
    locations.start(number);
    const anchors: PagefindFragment['anchors'] = [];
    const content: string[] = [];
    let lastPosition = 0;
    for (const { word, position, weight } of textWords(record.content, anchors)) {
      content.push(word);
      lastPosition = position;
      const slots = index.slots(word);
      let compounds = 0;
      for (const slot of slots) if (slot.compoundPart) compounds++;
      const partial =
        compounds > 0 && weight > 0
          ? Math.max(1, Math.floor(weight / Math.min(compounds, 255)))
          : 0;
      for (const slot of slots)
        locations.addText(slot, slot.compoundPart ? partial : weight, position);
    }
    const meta = metaOf(record);
    for (const [field, value] of meta) {
      const id = fieldIds.get(field)!;
      splitWhitespace(value).forEach((word, position) => {
        for (const slot of index.slots(word)) locations.addMeta(slot, id, position);
      });
    }
    locations.flush();

    const filters = sortedEntries(record.filters).map(([k, v]) => [k, v.map(tidy)] as const);
    for (const [filter, values] of filters) {
      let byValue = filterPages.get(filter);
      if (!byValue) filterPages.set(filter, (byValue = new Map()));
      for (const value of values) {
        const list = byValue.get(value);
        if (list) list.push(number);
        else byValue.set(value, [number]);
      }
    }
    const fragment: PagefindFragment = {
      url: record.url,
      content: content.join(' '),
      word_count: lastPosition + 1,
      filters: Object.fromEntries(filters),
      meta: Object.fromEntries(meta),
      anchors,
    };
    const full = `${language}_${fullHash(JSON.stringify(fragment))}`;
    let id = full.slice(0, language.length + 8);
    while (ids.has(id)) {
      if (ids.get(id) === full)
        throw new Error(`검색 색인: 같은 조각이 두 번 있습니다 (${record.url})`);
      id = full.slice(0, id.length + 1);
    }
    ids.set(id, full);
    fragments.push({ id, fragment, lead: record.lead });
  });

  const filters = new Map<string, Uint8Array>();
  const metaFilters: MetaIndex[3] = [];
  for (const [filter, byValue] of [...filterPages].sort(([a], [b]) => compareCodePoints(a, b))) {
    const values = [...byValue].sort(([a], [b]) => compareCodePoints(a, b));
    const payload = encode([filter, values]);
    const full = `${language}_${fullHash(payload)}`;
    let name = full.slice(0, language.length + 8);
    while (filters.has(name) && name.length < full.length) name = full.slice(0, name.length + 2);
    filters.set(name, payload);
    metaFilters.push([filter, name]);
  }

  const writer = new CborWriter();
  const wordIds = index.words
    .map((_, id) => id)
    .filter((id) => index.wordLists[id].count > 0 || index.wordForms[id].length > 0);
  wordIds.sort((a, b) => compareCodePoints(index.words[a], index.words[b]));
  return {
    language,
    meta: [
      PAGEFIND_FORMAT,
      fragments.map(({ id, fragment }) => [id, fragment.word_count, '']),
      [],
      metaFilters,
      sorts,
      metaFields,
    ],
    words: wordIds.map((id) => {
      const word = index.words[id];
      writer.array(3);
      writer.text(word);
      index.wordLists[id].write(writer);
      writer.array(index.wordForms[id].length);
      for (const f of index.wordForms[id]) {
        writer.array(2);
        writer.text(index.forms[f].form);
        index.forms[f].list.write(writer);
      }
      // Pagefind searches a word's own pages and its variants' (a Hangul word's written form).
      const tally = new Map<number, number>();
      index.wordLists[id].tally(tally, fieldWeights);
      for (const f of index.wordForms[id]) index.forms[f].list.tally(tally, fieldWeights);
      return {
        word,
        encoded: writer.take(),
        pages: [...tally.keys()],
        counts: [...tally.values()],
      };
    }),
    filters,
    fragments,
  };
}
