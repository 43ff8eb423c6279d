/**
 * Where each photo stands in the body. A photo's `afterParagraph` says after how many body
 * blocks it appears (0 = above the body). Without it, the first photo is the lead photo
 * above the body and the others are spread evenly through the text. Positions past the
 * end are clamped so that no photo is ever dropped.
 */
export function placePhotos(
  afterParagraph: readonly (number | undefined)[],
  blockCount: number,
): number[] {
  const unplaced = afterParagraph.filter((p, i) => p === undefined && i > 0).length;
  let nthUnplaced = 0;
  return afterParagraph.map((position, index) => {
    if (position !== undefined) return Math.min(position, blockCount);
    if (index === 0) return 0;
    nthUnplaced += 1;
    return Math.round((blockCount * nthUnplaced) / (unplaced + 1));
  });
}
