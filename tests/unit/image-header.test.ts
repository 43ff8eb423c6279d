import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { endsComplete, readImageHeaderSize, sizeFromHeader } from '../../src/lib/image-header.ts';

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

  it('reads files whose frame header lies past the first read, up to 128 KB in', async () => {
    const jpeg = await base(1200, 800).jpeg().toBuffer();
    // An application segment (APP5, as large as a segment can be) right after the start
    // marker pushes the frame header back, as a camera's EXIF thumbnail does.
    const padding = (count: number) =>
      Array.from({ length: count }, () => {
        const segment = Buffer.alloc(2 + 65_533, 0x20);
        segment.writeUInt16BE(0xffe5, 0);
        segment.writeUInt16BE(65_533, 2);
        return segment;
      });
    const withSegments = (count: number) =>
      Buffer.concat([jpeg.subarray(0, 2), ...padding(count), jpeg.subarray(2)]);
    const dir = mkdtempSync(join(tmpdir(), 'image-header-'));
    const write = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const small = write('small.jpg', jpeg);
    const deep = write('deep.jpg', withSegments(1));
    const tooDeep = write('too-deep.jpg', withSegments(2));
    expect(await sharp(deep).metadata()).toMatchObject({ width: 1200, height: 800 });
    expect(readImageHeaderSize(small)).toEqual({ width: 1200, height: 800 });
    expect(readImageHeaderSize(deep)).toEqual({ width: 1200, height: 800 });
    // Beyond the bytes read: undefined, and the checker asks sharp.
    expect(readImageHeaderSize(tooDeep)).toBeUndefined();
    // The shared buffer holds nothing over from the previous file.
    expect(readImageHeaderSize(small)).toEqual({ width: 1200, height: 800 });
  });
});

describe('whole image or cut off', () => {
  const dir = mkdtempSync(join(tmpdir(), 'image-end-'));
  const write = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  it.each([
    ['JPEG', () => base(64, 48).jpeg()],
    ['PNG', () => base(64, 48).png()],
    ['WebP', () => base(64, 48).webp()],
  ])('%s: complete when whole, not when cut in half', async (name, make) => {
    const bytes = await make().toBuffer();
    expect(endsComplete(write(`${name}.whole`, bytes))).toBe(true);
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(endsComplete(write(`${name}.cut`, cut))).toBe(false);
  });
  it('leaves AVIF and bytes after the end marker to a decode', async () => {
    expect(endsComplete(write('a.avif', await base(64, 48).avif().toBuffer()))).toBe(false);
    const jpeg = await base(64, 48).jpeg().toBuffer();
    expect(endsComplete(write('tail.jpg', Buffer.concat([jpeg, Buffer.from('xx')])))).toBe(false);
  });
});
