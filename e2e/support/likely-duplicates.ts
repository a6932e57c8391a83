import type { Page } from '@playwright/test';

/**
 * The journeys log incidents whose titles differ only by a time stamp, which the form rightly
 * takes for likely duplicates (a near-identical title) and asks about before saving. Journeys that
 * are not about that answer "it is a different incident" whenever the question comes up;
 * e2e/facets-bulk-duplicates.spec.ts tests the question itself.
 */
export async function answerLikelyDuplicates(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByRole('button', { name: 'It is a different incident: save' }), async (button) => {
    await button.click();
  });
}
