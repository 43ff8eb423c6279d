/**
 * `npm run screenshots -- --articles …`, as the pull-request preview runs it for the articles
 * a pull request changes: one full-page PNG per article, width and scheme, of the built page.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBuild, ROOT } from '../helpers/site.ts';

const out = mkdtempSync(join(tmpdir(), 'screenshots-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe('npm run screenshots -- --articles', () => {
  it(
    'shoots each named article at phone and desktop width, light and dark',
    { timeout: 120_000 },
    async () => {
      requireBuild();
      const ids = ['2025/11/seoul-robot-center', '2024/05/us-chip-tariff'];
      await promisify(execFile)(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/screenshots.ts', '--out', out, '--articles', ids.join(',')],
        { cwd: ROOT },
      );
      const expected = ids.flatMap((id) =>
        ['390', '1366'].flatMap((w) =>
          ['light', 'dark'].map(
            (scheme) => `article-${id.replaceAll('/', '-')}-${w}-${scheme}.png`,
          ),
        ),
      );
      expect(readdirSync(out).sort()).toEqual(expected.sort());
      for (const name of expected) {
        const { width, height } = pngSize(join(out, name));
        expect(width).toBe(name.includes('-390-') ? 390 : 1366);
        // A whole story, not one screen.
        expect(height).toBeGreaterThan(1000);
      }
    },
  );
});
