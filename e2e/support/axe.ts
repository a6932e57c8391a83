import type { Page } from '@playwright/test';

/**
 * axe-core on the page as it is now: its serious and critical violations as "address: rule (impact,
 * n elements)". The pinned devDependency is injected as a script (nothing fetched from outside); when it
 * is missing this throws rather than skips.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const axePath = require.resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0]?.target.join(' ') ?? '' }));
  });
  const address = new URL(page.url()).pathname;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${address}: ${v.id} (${v.impact}, ${v.nodes} elements, first ${v.first})`);
}
