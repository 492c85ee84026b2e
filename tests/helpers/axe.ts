/**
 * axe-core in a real page: injects the dev dependency's `axe.min.js` and returns the serious and
 * critical violations, each with its rule id, what it asks for, and the elements that break it.
 *
 * Why: accessibility is checked where people meet it, in the built client in Chromium with the
 * server's own headers; a failure names the rule and the elements to fix, not just a count.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken on the page, as a developer needs it to fix it. */
export interface AxeProblem {
  /** The axe rule, e.g. `color-contrast`. */
  readonly id: string;
  readonly impact: 'serious' | 'critical';
  /** What the rule asks for, in axe's words. */
  readonly help: string;
  /** CSS selectors of the elements that break it, with axe's summary of why (first few). */
  readonly targets: readonly string[];
}

/** The serious and critical axe-core violations on `page` now (optionally only inside `include`). */
export async function seriousAxeViolations(page: Page, include?: string): Promise<AxeProblem[]> {
  // Evaluated rather than added as a script tag: the app and the report forbid inline scripts
  // (Content-Security-Policy `script-src 'self'`), and the page would report that as an error.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    `window.axe.run(${include ? JSON.stringify({ include: [include] }) : 'document'}, { resultTypes: ['violations'] })`,
  )) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact as 'serious' | 'critical',
      help: v.help,
      targets: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)})` : ''}`),
    }));
}
