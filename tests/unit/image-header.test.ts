import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sizeFromHeader } from '../../src/lib/image-header.ts';

const base = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#48a' } }).withMetadata({
    // An EXIF block before the frame header, as cameras write it.
    exif: { IFD0: { Copyright: '새벽일보 사진부', ImageDescription: '시험 사진' } },
  });

describe('image size from the header', () => {
  it.each([
    ['baseline JPEG', () => base(1601, 1067).jpeg()],
    ['progressive JPEG', () => base(1067, 1601).jpeg({ progressive: true })],
    ['PNG', () => base(6001, 40).png()],
    ['lossy WebP', () => base(800, 533).webp()],
    ['lossless WebP', () => base(801, 534).webp({ lossless: true })],
    [
      'WebP with alpha (VP8X)',
      () =>
        sharp({
          create: {
            width: 333,
            height: 222,
            channels: 4,
            background: { r: 1, g: 2, b: 3, alpha: 0.5 },
          },
        }).webp(),
    ],
  ])('reads %s as sharp does', async (_, make) => {
    const buffer = await make().toBuffer();
    const { width, height } = await sharp(buffer).metadata();
    expect(sizeFromHeader(buffer)).toEqual({ width, height });
  });

  it('leaves unknown formats and damaged files to sharp', async () => {
    const avif = await base(64, 48).avif().toBuffer();
    expect(sizeFromHeader(avif)).toBeUndefined();
    expect(sizeFromHeader(Buffer.from('not an image'))).toBeUndefined();
    const jpeg = await base(64, 48).jpeg().toBuffer();
    expect(sizeFromHeader(jpeg.subarray(0, 20))).toBeUndefined();
  });
});
