import type { Locator, Page } from '@playwright/test';

/** The public dashboard as a visitor reads it: its total, its filters and its charts (with their tables). */

export const totalOf = async (page: Page) => Number((await page.getByTestId('public-total').textContent())?.match(/(\d+)\s*$/)?.[1]);

export async function applyFilters(page: Page, values: { from?: string; to?: string; region?: string }) {
  await page.getByLabel('From (YYYY, YYYY-MM or YYYY-MM-DD)').fill(values.from ?? '');
  await page.getByLabel('To (YYYY, YYYY-MM or YYYY-MM-DD)').fill(values.to ?? '');
  await page.getByRole('combobox', { name: /^Region/ }).selectOption(values.region ?? '');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForLoadState('load');
}

export const chart = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading }) });

/** The chart's table, opened, as "label count" rows (the header row left out). */
export async function chartRows(section: Locator): Promise<string[]> {
  const details = section.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await section.getByText('Show as a table').click();
  const rows = await section.locator('tbody tr').allInnerTexts();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

export const chartHeadings = {
  year: 'Incidents per year',
  month: 'Incidents per month',
  violation_type: 'Incidents by violation type',
  defender_category: 'Incidents by defender category',
  perpetrator_type: 'Incidents by perpetrator type',
  region: 'Incidents by region',
} as const;
