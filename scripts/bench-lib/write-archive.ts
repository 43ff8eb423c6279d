/**
 * Writes a synthetic archive (src/lib/synthetic) to a folder and draws its pool of source
 * photos with sharp: smooth shapes plus grain, so that AVIF/WebP encoders do real work, as
 * they would on camera photos (a flat colour would encode in no time).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { createRandom } from '../../src/lib/synthetic/prng.ts';
import {
  generateArchive,
  poolImagePath,
  type SyntheticOptions,
} from '../../src/lib/synthetic/generate.ts';

const WIDTH = 1600;
const HEIGHT = 1067;

async function writePoolImage(file: string, seed: number) {
  const random = createRandom(seed);
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  const blobs = Array.from({ length: 6 }, () => ({
    x: random.int(0, WIDTH),
    y: random.int(0, HEIGHT),
    r: random.int(120, 500),
    colour: [random.int(0, 255), random.int(0, 255), random.int(0, 255)],
  }));
  const sky = [random.int(60, 200), random.int(60, 200), random.int(120, 255)];
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3;
      const rgb = sky.map((c) => c * (1 - y / HEIGHT / 2));
      for (const blob of blobs) {
        const d = Math.hypot(x - blob.x, y - blob.y) / blob.r;
        if (d < 1) for (let c = 0; c < 3; c++) rgb[c] += (blob.colour[c] - rgb[c]) * (1 - d);
      }
      const grain = (random.next() - 0.5) * 36;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.max(0, Math.min(255, rgb[c] + grain));
    }
  }
  await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toFile(file);
}

export async function writeArchive(contentDir: string, options: SyntheticOptions) {
  const files: string[] = [];
  const made = new Set<string>();
  for (const file of generateArchive(options)) {
    const target = join(contentDir, file.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.content);
    if (file.path.startsWith('articles/')) files.push(file.path);
  }
  if (options.photosPerArticle > 0) {
    mkdirSync(join(contentDir, 'photos'), { recursive: true });
    for (let i = 0; i < options.photoPool; i++) {
      await writePoolImage(join(contentDir, poolImagePath(i)), options.seed + i);
    }
  }
  return { articles: files.length, files };
}
