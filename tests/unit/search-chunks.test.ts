import { describe, expect, it } from 'vitest';
import { planChunks, spanPreloads, type IndexWord } from '../../src/lib/search/chunks.ts';

/** Sorted as Pagefind sorts its index: decomposed jamo. */
const index = (words: string[], bytes = 10): IndexWord[] =>
  words
    .map((w) => w.normalize('NFD'))
    .sort()
    .map((word) => ({ word, bytes }));

const chunkWords = (words: IndexWord[], ends: number[]) =>
  ends.map((end, c) => words.slice(c ? ends[c - 1] : 0, end).map((w) => w.word.normalize('NFC')));

describe('planChunks', () => {
  it('covers every word once, in order, in chunks of target/2 to 2×target bytes', () => {
    const words = index(Array.from({ length: 500 }, (_, i) => `w${String(i).padStart(4, '0')}`));
    const { ends } = planChunks(words, 200);
    expect(ends.at(-1)).toBe(words.length);
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    for (const chunk of chunkWords(words, ends).slice(0, -1)) {
      expect(chunk.length * 10).toBeGreaterThanOrEqual(100);
      expect(chunk.length * 10).toBeLessThanOrEqual(400);
    }
  });

  it('cuts between different first syllables rather than inside 공청회…', () => {
    const words = index([
      ...['공공', '공약', '공원', '공청회', '공청회를', '공청회에서', '공청회가', '공청회의'],
      ...['과제', '과학', '관광', '관련', '교육', '구청', '국회', '군청'],
    ]);
    const { ends, spans } = planChunks(words, 60);
    const chunks = chunkWords(words, ends);
    const withHearing = chunks.filter((c) => c.some((w) => w.startsWith('공청회')));
    expect(withHearing).toHaveLength(1);
    expect(spans.every(([prefix]) => !prefix.startsWith('공청'))).toBe(true);
  });

  it('lists a cut it could not avoid as a span with a word of the next chunk', () => {
    // One long run of 정부… words and nothing else: some cut must fall inside 정부.
    const words = index(
      Array.from({ length: 40 }, (_, i) => `정부${'가나다라마바사아자차'[i % 10]}${i}`),
    );
    const { ends, spans } = planChunks(words, 100);
    expect(ends.length).toBeGreaterThan(1);
    expect(spans).toHaveLength(ends.length - 1);
    const chunks = chunkWords(words, ends);
    spans.forEach(([prefix, next], i) => {
      expect(prefix.startsWith('정부')).toBe(true);
      expect(chunks[i + 1]).toContain(next);
    });
  });

  it('ends a chunk right after a word larger than 2×target', () => {
    const words = index(['가', '나', '다', '라', '마', '바']);
    words[1].bytes = 10_000;
    const { ends } = planChunks(words, 100);
    expect(chunkWords(words, ends)[0]).toEqual(['가', '나']);
  });
});

describe('spanPreloads', () => {
  const spans: [string, string][] = [
    ['공청회', '공청회에서'],
    ['정ᄇ', '정보'],
  ];
  it('asks for the next chunk when the term is a prefix of the shared part', () => {
    expect(spanPreloads('공청회', spans)).toEqual(['공청회에서']);
    expect(spanPreloads('공청', spans)).toEqual(['공청회에서']);
    // Compared as Pagefind compares: decomposed, so 정 reaches 정ᄇ (정부 | 정보).
    expect(spanPreloads('정', spans)).toEqual(['정보']);
  });
  it('asks for nothing when the term is longer than what the words share', () => {
    expect(spanPreloads('공청회를', spans)).toEqual([]);
    expect(spanPreloads('정부', spans)).toEqual([]);
  });
});
