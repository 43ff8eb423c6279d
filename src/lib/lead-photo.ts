/**
 * Moves a photo placed above the body (afterParagraph 0) to just after the first paragraph,
 * on the page only: a 3:2 photo above the text filled a phone's first screen (the first
 * paragraph started at 890 px of 844), and a reader opens a story to read it. The photo
 * stays the lead photo (eager, first in the body) and the source file is unchanged.
 */
export interface BodyChunk {
  html: string;
  /** The photo shown after this chunk. */
  photo?: number;
}

const LEADING_PARAGRAPH = /^\s*<p[\s>][\s\S]*?<\/p>/;

export function leadPhotoAfterFirstParagraph(chunks: readonly BodyChunk[]): BodyChunk[] {
  const [first, second, ...rest] = chunks;
  if (!first || !second || first.photo === undefined || first.html.trim() !== '') {
    return [...chunks];
  }
  // A <p> cannot hold another <p>, so its first end tag closes it. A body that opens with
  // a heading or a quote keeps its photo above it.
  const paragraph = LEADING_PARAGRAPH.exec(second.html)?.[0];
  if (!paragraph) return [...chunks];
  return [
    { html: paragraph, photo: first.photo },
    { html: second.html.slice(paragraph.length), photo: second.photo },
    ...rest,
  ];
}
