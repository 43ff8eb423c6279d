import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoreAtRunTime } from '../../src/integrations/data-store-from-file.ts';

const STORE_ID = '\0astro:data-layer-content';
const dir = mkdtempSync(join(tmpdir(), 'data-store-'));
const storeFile = join(dir, 'data-store.json');
// A devalue-flattened store as Astro writes it, with text that needs escaping in JavaScript.
const store = JSON.stringify([['Map', 1, 2], 'articles', { body: '"따옴표"\n</script>\u2028' }]);
writeFileSync(storeFile, store);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Handler = (code: string, id: string) => { code: string } | undefined;
const transform = readStoreAtRunTime(storeFile).transform as { handler: Handler };

/** Evaluates a module's code as the bundle would. */
async function valueOf(code: string, name: string) {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)).default;
}

describe('readStoreAtRunTime', () => {
  it('gives the value of the store Astro inlined, read from its file', async () => {
    // How Astro 7.3 inlines the single-file store (vite-plugin-content-virtual-mod.js).
    const inlined = `export default JSON.parse(${JSON.stringify(store)})`;
    const replaced = transform.handler(inlined, STORE_ID);
    expect(replaced?.code).not.toContain('따옴표');
    expect(await valueOf(replaced!.code, 'replaced')).toEqual(await valueOf(inlined, 'inlined'));
  });

  it('leaves other forms of the store and other modules as they are', () => {
    const chunked =
      'export default{"articles":[(await import("astro:data-layer-content-chunk:0"))]}';
    expect(transform.handler(chunked, STORE_ID)).toBeUndefined();
    expect(transform.handler('export default new Map()', STORE_ID)).toBeUndefined();
    expect(transform.handler(`export default JSON.parse("[]")`, '/src/other.ts')).toBeUndefined();
  });
});
