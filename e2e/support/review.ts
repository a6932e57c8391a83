import { expect, type Page } from '@playwright/test';
import { chooseViolationType } from './forms';

/** Shared steps and places of the review journeys (e2e/review-journey.spec.ts, e2e/review-pages.spec.ts). */

/** Logs a minimal draft through the form and returns its page's path. */
export async function logDraft(page: Page, title: string): Promise<string> {
  await page.goto('/incidents/new');
  await page.getByLabel('Title (required)', { exact: true }).fill(title);
  await page.getByLabel('Date or start (required)').fill('2017-06-12');
  await chooseViolationType(page, 'Criminal charges brought');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

export const reviewPanel = (page: Page) => page.getByRole('region', { name: 'Review', exact: true });
export const discussion = (page: Page) => page.getByRole('region', { name: /^Discussion/ });
export const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });
