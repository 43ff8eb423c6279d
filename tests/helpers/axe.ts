/** axe-core's audit of an open page, evaluated through the DevTools protocol: the site's CSP
 * (rightly) refuses injected script tags. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The serious and critical WCAG 2.1 A/AA violations, as `rule: selectors` lines. */
export async function seriousViolations(page: Page, tags: string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<any> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  }, tags);
}
