/**
 * Generates the sample articles' photos: original abstract scenes (sky, hills, buildings)
 * drawn as SVG and encoded to JPEG by sharp, so the sample content carries no photo from
 * elsewhere. Deterministic: the same seed always draws the same picture.
 *
 *   tsx scripts/make-sample-photos.ts content/articles/2025/11/x/photo-1.jpg:7 …
 *   (path:seed[:portrait])
 */
import sharp from 'sharp';

function random(seed: number) {
  let state = seed * 2654435761;
  return () => {
    state = (state ^ (state >>> 15)) * 2246822519;
    state = (state ^ (state >>> 13)) * 3266489917;
    state ^= state >>> 16;
    return (state >>> 0) / 4294967296;
  };
}

function scene(seed: number, width: number, height: number): string {
  const r = random(seed);
  const hue = Math.floor(r() * 360);
  const sky = `hsl(${hue} 55% ${70 + r() * 15}%)`;
  const ground = `hsl(${(hue + 120) % 360} 35% ${30 + r() * 20}%)`;
  const buildings = Array.from({ length: 6 + Math.floor(r() * 8) }, () => {
    const w = width * (0.05 + r() * 0.1);
    const h = height * (0.2 + r() * 0.45);
    const x = r() * (width - w);
    const tone = `hsl(${(hue + 200) % 360} 20% ${25 + r() * 40}%)`;
    return `<rect x="${x.toFixed(0)}" y="${(height * 0.75 - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${tone}"/>`;
  }).join('');
  const sun = `<circle cx="${(width * (0.15 + r() * 0.7)).toFixed(0)}" cy="${(height * (0.15 + r() * 0.2)).toFixed(0)}" r="${(height * 0.08).toFixed(0)}" fill="hsl(${(hue + 40) % 360} 90% 80%)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${sky}"/>${sun}${buildings}
    <rect y="${(height * 0.75).toFixed(0)}" width="100%" height="${(height * 0.25).toFixed(0)}" fill="${ground}"/></svg>`;
}

for (const arg of process.argv.slice(2)) {
  const [path, seed, orientation] = arg.split(':');
  const [width, height] = orientation === 'portrait' ? [1000, 1400] : [1600, 1000];
  await sharp(Buffer.from(scene(Number(seed), width, height)))
    .jpeg({ quality: 78, mozjpeg: true })
    .toFile(path);
  console.log(`${path} (${width}x${height})`);
}
